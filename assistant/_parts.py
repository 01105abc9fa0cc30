"""A document's sections as sets: "which paragraphs make up the section on risks and
assumptions?", "战略文件第1部分包括哪几段？", "Part IV of the Conclusions"."""

from __future__ import annotations

import re

from index import Index

from ._listing import Listing, plural
from ._named import IN_GB, IN_ILC

# What a section is made of, not which of its paragraphs says something.
_PARAGRAPHS_OF = re.compile(
    r"\b(?:which|what) paragraphs (?:make up|form|constitute|belong to|are (?:in|under)|does [^?]{1,60} "
    r"(?:have|contain|consist of))\b|\bparagraphs\b[^?]{0,30}\b(?:make up|form|constitute)\b"
    r"|(?:包括|包含|由|有|分为|共有)(?:哪几|哪些|几)段(?:落)?(?:组成)?|由哪些段落?组成")
_SECTION_WORD = re.compile(r"\bsection\b|\bpart\b|\bchapter\b|部分|章节|一节|这节|本节")


def section_paragraphs(q: str, index: Index) -> Listing | None:
    """The paragraphs (top-level units) of the one section a question asks the make-up of,
    or None."""
    if not (_PARAGRAPHS_OF.search(q) and _SECTION_WORD.search(q)):
        return None
    ilc, gb = bool(IN_ILC.search(q)), bool(IN_GB.search(q))
    docs = () if ilc == gb else tuple(d.doc_id for d in index.corpus.documents
                                      if d.doc_id.startswith("ILC.") == ilc)
    sec = index.section_named(q, docs)
    if sec is None:
        return None
    members = tuple(u.anchor for u in index.corpus.units()
                    if u.doc_id == sec.doc_id and u.section == sec.heading and u.parent is None)
    doc = index.corpus.document(sec.doc_id)
    title_en = (doc.heading_in("en", sec.heading) or (sec.heading, ""))[0]
    n = len(members)
    return Listing("section", None, members, f"{sec.doc_id}“{sec.heading}”一节共有{n}段。",
                   f"The section “{title_en}” of {sec.doc_id} has {n} paragraph{plural(n)}.")
