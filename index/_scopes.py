"""Which added document a question is about when it names one: "按照第142号公约", "Convention
No. 142", "the 2004 Recommendation", or just "the Recommendation" / "建议书" when the corpus
holds one added Recommendation and the question says nothing of the shipped documents.
Retrieval then ranks that document's units first: a question about an instrument's own
text is answered from it, not from the strategy paragraphs that mention it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import SHIPPED_IDS, Corpus, instrument, mentioned_instruments

# Asking where something is mentioned or cited: the shipped documents' mentions are wanted.
WHERE_MENTIONED = re.compile(r"mention|\bcit(?:e|es|ed|ing)\b|\brefer(?:s|red)? to\b|referenc|提到|提及|援引|引用|点名")
# Words of the shipped documents: a question using them is about them.
_SHIPPED = re.compile(r"strategy|action plan|appendix|pillar|conclusions|resolution|governing body|"
                      r"GB\.346|ILC|战略|行动计划|附录|支柱|结论|决议|理事会|劳工大会", re.I)
_TYPES = {"convention": re.compile(r"\bConvention\b|公约"),
          "recommendation": re.compile(r"\bRecommendation\b|建议书")}
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class DocScope:
    """An added document as questions name it: its id, its type and year when known."""

    doc_id: str
    type: str  # "convention", "recommendation" or ""
    year: int


def document_scopes(corpus: Corpus) -> tuple[DocScope, ...]:
    """The documents a user added (not the shipped ones)."""
    out = []
    for doc in (d for d in corpus.documents if d.doc_id not in SHIPPED_IDS):
        known = instrument(doc.doc_id)
        kind = known.type if known else next(
            (t for t, rx in _TYPES.items() if rx.search(doc.title)), "")
        if kind not in ("convention", "recommendation"):
            kind = ""
        out.append(DocScope(doc.doc_id, kind, known.year if known else doc.year))
    return tuple(out)


def scope_of(question: str, scopes: tuple[DocScope, ...]) -> frozenset[str]:
    """The ids of the documents the question names, by id, title, type and year."""
    held = {s.doc_id for s in scopes}
    named = {i for i in mentioned_instruments(question) if i in held}
    named |= {s.doc_id for s in scopes if s.doc_id.lower() in question.lower()
              and re.search(rf"(?<![A-Za-z0-9]){re.escape(s.doc_id)}(?![0-9])", question, re.I)}
    if named:
        return frozenset(named)
    years = {int(y) for y in _YEAR.findall(question)}
    typed = [s for s in scopes if s.type and _TYPES[s.type].search(question)]
    dated = [s for s in typed if s.year in years]
    if dated:
        return frozenset(s.doc_id for s in dated)
    if _SHIPPED.search(question):
        return frozenset()
    for kind in ("convention", "recommendation"):
        same = [s for s in scopes if s.type == kind]
        if len(same) == 1 and _TYPES[kind].search(question):
            return frozenset({same[0].doc_id})
    return frozenset()
