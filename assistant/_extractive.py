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
    from ._listing import Listing

# Chinese ends sentences with 。；！？; English with a stop or semicolon before the next
# sentence's capital ("… (No. 142). The Office …"), never inside "No. 142".
_SENTENCE_END = re.compile(r"(?<=[。；！？])|(?<=[;!?])\s+|(?<=[a-z)\]”0-9]\.)\s+(?=[A-Z“(])|\n")

ABSTAIN = {
    "zh": "所提供的文件（GB.346/INS/4 和 ILC.109 决议）没有涉及这个问题。",
    "en": "The documents (GB.346/INS/4 and the ILC.109 Resolution) do not cover this question.",
}
_LEAD = {
    "zh": "根据文件：",
    "en": "The documents say:",
}
# Said once, before the quotations, when they are not the documents' own words.
_FROM = {
    ("en", "unofficial"): "The documents say (quoted from an unofficial English working "
                          "translation; the Chinese original is in each source):",
    ("en", "official"): "The documents say (quoted from the official English version):",
    ("en", "source"): "The documents say (quoted from the Chinese text):",
    ("zh", "unofficial"): "根据文件（引文为非官方中文译文，原文见各出处）：",
    ("zh", "official"): "根据文件（引文为官方中文版本）：",
    ("zh", "source"): "根据文件（引文为英文原文）：",
}


def lead(lang: Lang, citations: Sequence[Citation]) -> str:
    """The line before the quotations: what they are quoted from, said once."""
    kinds = {c.translation for c in citations}
    for kind in ("unofficial", "official"):
        if kind in kinds:
            return _FROM[(lang, kind)]
    foreign = any(c.text and _is_zh(c.text) != (lang == "zh") for c in citations)
    return _FROM[(lang, "source")] if foreign else _LEAD[lang]


def _is_zh(text: str) -> bool:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) * 4 > len(text)


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
        lines = [lead(lang, citations[: self.quotes])]
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
        lines.append(lead(lang, citations))
        head = by.get(listing.lead) if listing.lead else None
        if head is not None and listing.kind == "enumeration" and len(head.text.splitlines()) > 1:
            first, *rest = head.text.splitlines()
            lines.append(_quote(first, head.label, lang, bullet=False))
            for text, anchor in zip(rest, listing.members, strict=False):
                lines.append(_quote(text, by[anchor].label if anchor in by else head.label, lang))
        else:
            if head is not None:
                lines.append(_quote(head.text, head.label, lang, bullet=False))
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
