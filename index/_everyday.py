"""Everyday Chinese words for the documents' own terms (`everyday_zh.json`): a Chinese
question that says 工会 or 打零工的人 reaches 工人组织 or 非正规工人 lexically, as an English
one reaches the Chinese text through the glossary. Written from the documents alone (every
document term occurs in them verbatim; a test checks); searched, never shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

from corpus import fold

EVERYDAY_FILE = Path(__file__).with_name("everyday_zh.json")


def _load(path: Path = EVERYDAY_FILE) -> dict[str, tuple[str, ...]]:
    """Each everyday phrase (folded) → the document terms it stands for."""
    table: dict[str, list[str]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        for phrase in entry["say"]:
            terms = table.setdefault(fold(phrase), [])
            terms += [t for t in entry["zh"] if t not in terms]
    return {p: tuple(ts) for p, ts in table.items()}


EVERYDAY = _load()
_PHRASES = re.compile("|".join(re.escape(p) for p in sorted(EVERYDAY, key=len, reverse=True)))


def document_terms(question: str) -> list[str]:
    """The documents' terms for the everyday phrases of a Chinese question (longest phrase
    first where two overlap), each once; none that the question already uses."""
    text = fold(question)
    out: list[str] = []
    for m in _PHRASES.finditer(text):
        out += [t for t in EVERYDAY[m.group()] if t not in out and fold(t) not in text]
    return out
