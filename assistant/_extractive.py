"""The answer-writing stage. `Answerer` is the one interface; the extractive answerer quotes
the most relevant sentence of each top paragraph, each followed by its label, or, for an
answer that is a whole set (`Listing`), every member whole, in order, with what the set is.
An LLM-backed answerer plugs in behind the same interface."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from corpus import Duty
from index import expand, tokens

from ._answer import Citation, Lang
from ._duties import duty_label

if TYPE_CHECKING:
    from ._lists import Listing

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
    """Writes an answer from already-retrieved citations (best first), or from a whole set
    (`listing`: its citations are its members, in the order to use them)."""

    def write(self, question: str, lang: Lang, citations: Sequence[Citation],
              listing: Listing | None = None) -> Written: ...


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


class ExtractiveAnswerer:
    """Quotes, never paraphrases: every sentence shown is verbatim from a cited unit."""

    backend = "extractive"

    def __init__(self, quotes: int = 3) -> None:
        self.quotes = quotes

    def write(self, question: str, lang: Lang, citations: Sequence[Citation],
              listing: Listing | None = None) -> Written:
        if listing is not None:
            return self.write_listing(lang, citations, listing)
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


    def write_listing(self, lang: Lang, citations: Sequence[Citation], listing: Listing) -> Written:
        """The set whole: what it is first (a count, the reading taken), then the lead-in
        and every member quoted in full, each with its label; a lead-in that lists the
        pillars or components line by line gives each line with its section's label."""
        by = {c.anchor: c for c in citations}
        lines = [listing.note(lang)] if listing.kind != "enumeration" else []
        lines.append(_LEAD[lang])
        lead = by.get(listing.lead) if listing.lead else None
        if lead is not None and listing.kind == "enumeration" and len(lead.text.splitlines()) > 1:
            first, *rest = lead.text.splitlines()
            lines.append(_quote(first, lead.label, lang, bullet=False))
            for text, anchor in zip(rest, listing.members, strict=False):
                lines.append(_quote(text, by[anchor].label if anchor in by else lead.label, lang))
        else:
            if lead is not None:
                lines.append(_quote(lead.text, lead.label, lang, bullet=False))
            for anchor in listing.members:
                c = by.get(anchor)
                if c is not None:
                    who = duty_label(Duty(c.actors, c.force), lang) \
                        if listing.kind == "obligations" else ""
                    lines.append(_quote(c.text, f"{c.label}{'；' if lang == 'zh' else '; '}{who}"
                                        if who else c.label, lang))
        if listing.kind == "enumeration":
            lines.append(listing.note(lang))
        return Written("\n".join(line for line in lines if line), self.backend,
                       tuple(c.anchor for c in citations))


def _quote(text: str, name: str, lang: Lang, bullet: bool = True) -> str:
    mark = "- " if bullet else ""
    return f"{mark}{text}（{name}）" if lang == "zh" else f"{mark}“{text}” ({name})"


def best_sentence(text: str, terms: set[str]) -> str:
    """The sentence sharing most query terms; the first one when none shares any."""
    parts = sentences(text) or [text]
    scored = [(len(terms & set(tokens(s))), -i, s) for i, s in enumerate(parts)]
    return max(scored)[2]
