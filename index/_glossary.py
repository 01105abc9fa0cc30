"""A bilingual glossary of ILO terms (`glossary.json`), so English questions reach the
Chinese text lexically too and pull the dense query towards it."""

from __future__ import annotations

import json
import re
from pathlib import Path

GLOSSARY_FILE = Path(__file__).with_name("glossary.json")


Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # (source, English, Chinese)
SOURCES = ("hand", "documents")


def _load(path: Path = GLOSSARY_FILE) -> tuple[Entry, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((e["source"], tuple(e["en"]), tuple(e["zh"])) for e in data["entries"])


GLOSSARY = _load()

_PATTERNS = tuple(
    (
        source,
        re.compile(
            r"(?<![a-z0-9])"
            + "|".join(re.escape(e) for e in sorted(en, key=len, reverse=True))
            + r"(?![a-z0-9])"
        ),
        zh,
    )
    for source, en, zh in GLOSSARY
)


def expand(question: str, sources: tuple[str, ...] = SOURCES) -> list[str]:
    """Chinese terms for the English ILO terms found in a question (in glossary order);
    `sources` picks the parts of the glossary to use (the report measures each)."""
    low = question.lower()
    out: list[str] = []
    for source, pattern, zh in _PATTERNS:
        if source in sources and pattern.search(low):
            out.extend(t for t in zh if t not in out)
    return out
