"""A bilingual glossary of ILO terms (`glossary.json`), so English questions reach the
Chinese text lexically too and pull the dense query towards it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

GLOSSARY_FILE = Path(__file__).with_name("glossary.json")


Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # (source, English, Chinese)
SOURCES = ("hand", "documents", "lexicon", "generic", "paraphrase")


GLOSSARY_SHA256 = hashlib.sha256(GLOSSARY_FILE.read_bytes()).hexdigest()


def _load(path: Path = GLOSSARY_FILE) -> tuple[Entry, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((e["source"], tuple(e["en"]), tuple(e["zh"])) for e in data["entries"])


GLOSSARY = _load()

_PATTERNS = tuple(
    (
        source,
        re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(re.escape(e) for e in sorted(en, key=len, reverse=True))
            + r")(?![a-z0-9])"
        ),
        zh,
    )
    for source, en, zh in GLOSSARY
)
_WORDS = re.compile(r"[a-z0-9]+")

# Every Chinese term `expand` can return, once each: the index keeps their query vectors.
TERMS: tuple[str, ...] = tuple(dict.fromkeys(t for _source, _en, zh in GLOSSARY for t in zh))


def _first_words() -> dict[str, tuple[int, ...]]:
    """Entries by the first word of each of their English terms: a term can only match a
    text that has its first word, so a question tries a few dozen patterns, not a thousand."""
    table: dict[str, list[int]] = {}
    for i, (_source, en, _zh) in enumerate(GLOSSARY):
        for term in en:
            first = _WORDS.search(term)
            if first is not None and i not in table.setdefault(first.group(), []):
                table[first.group()].append(i)
    return {w: tuple(ix) for w, ix in table.items()}


_BY_FIRST_WORD = _first_words()


def _candidates(low: str) -> list[int]:
    found = {i for w in set(_WORDS.findall(low)) for i in _BY_FIRST_WORD.get(w, ())}
    return sorted(found)


def expand(question: str, sources: tuple[str, ...] = SOURCES) -> list[str]:
    """Chinese terms for the English ILO terms found in a question (in glossary order);
    `sources` picks the parts of the glossary to use (the report measures each)."""
    low = question.lower()
    out: list[str] = []
    for i in _candidates(low):
        source, pattern, zh = _PATTERNS[i]
        if source in sources and pattern.search(low):
            out.extend(t for t in zh if t not in out)
    return out


_ENGLISH_OF: dict[str, tuple[str, ...]] = {}
for _source, _en, _zh in GLOSSARY:
    if _source in ("hand", "documents", "lexicon"):
        for _term in _zh:
            _ENGLISH_OF[_term] = tuple(dict.fromkeys([*_ENGLISH_OF.get(_term, ()), *_en]))


def english_synonyms(question: str, sources: tuple[str, ...] = SOURCES) -> list[str]:
    """The documents' English words for what an English question says in other words:
    through the Chinese term both map to ("credit for what people already know" → 先前学习
    → "prior learning"). For BM25 over the English versions."""
    low = question.lower()
    out: list[str] = []
    for term in expand(question, sources):
        out.extend(e for e in _ENGLISH_OF.get(term, ()) if e not in out and e not in low)
    return out


_ZH_TERMS = sorted(_ENGLISH_OF, key=len, reverse=True)


def english_of(question: str) -> list[str]:
    """English terms for the Chinese glossary terms a Chinese question uses, longest terms
    first and no term inside one already taken (职业培训 before 培训): BM25 over documents
    whose own text is English, which Chinese tokens cannot reach."""
    out: list[str] = []
    taken: list[str] = []
    for term in _ZH_TERMS:
        if len(term) >= 2 and term in question and not any(term in t for t in taken):
            taken.append(term)
            out.extend(e for e in _ENGLISH_OF[term] if e not in out)
    return out
