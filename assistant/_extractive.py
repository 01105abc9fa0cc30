"""The answer-writing stage. `Answerer` is the one interface; the extractive answerer quotes
the most relevant sentence of each top paragraph, each followed by its label. An LLM-backed
answerer plugs in behind the same interface."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from index import expand, tokens

from ._answer import Citation, Lang

_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|\n")

ABSTAIN = {
    "zh": "所提供的文件（GB.346/INS/4 和 ILC.109 决议）没有涉及这个问题。",
    "en": "The documents (GB.346/INS/4 and the ILC.109 Resolution) do not cover this question.",
}
_LEAD = {
    "zh": "根据文件：",
    "en": "The documents say (quoted from the Chinese text):",
}


@dataclass(frozen=True)
class Written:
    """An answer's text, which backend wrote it, and the anchors it cites (in order)."""

    text: str
    backend: str
    cited: tuple[str, ...]


class Answerer(Protocol):
    """Writes an answer from already-retrieved citations (best first)."""

    def write(self, question: str, lang: Lang, citations: Sequence[Citation]) -> Written: ...


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


class ExtractiveAnswerer:
    """Quotes, never paraphrases: every sentence shown is verbatim from a cited unit."""

    backend = "extractive"

    def __init__(self, quotes: int = 3) -> None:
        self.quotes = quotes

    def write(self, question: str, lang: Lang, citations: Sequence[Citation]) -> Written:
        terms = set(tokens(question)) | set(tokens(" ".join(expand(question))))
        lines = [_LEAD[lang]]
        cited = []
        for c in citations[: self.quotes]:
            quote = best_sentence(c.text, terms)
            if lang == "zh":
                lines.append(f"- {quote}（{c.label}）")
            else:
                lines.append(f"- “{quote}” ({c.label})")
            cited.append(c.anchor)
        return Written("\n".join(lines), self.backend, tuple(cited))


def best_sentence(text: str, terms: set[str]) -> str:
    """The sentence sharing most query terms; the first one when none shares any."""
    parts = sentences(text) or [text]
    scored = [(len(terms & set(tokens(s))), -i, s) for i, s in enumerate(parts)]
    return max(scored)[2]
