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


# "What is pillar 2?", "Action plan component 4?", "技能战略的支柱2是什么？": the pillar or
# component itself (what it is called and what it covers), not the passages most like it.
_WHAT_GROUP = re.compile(
    r"^(?:so,? )?(?:what(?:'s| is| was| does)|tell me about|explain|describe|define)?\s*(?:the )?"
    r"(?:(?:ilo(?:'s)? )?(?:skills )?(?:strategy(?:'s)?|action plan(?:'s)?) )?"
    r"(?P<en>pillar|component)\s*(?P<n>[1-9])(?: (?:of|in) (?:the )?(?:ilo(?:'s)? )?(?:skills )?"
    r"(?:strategy|action plan))?(?: (?:about|cover|stand for|mean|say|consist of))?\s*\??$"
    r"|^(?:劳工组织的?)?(?:技能)?(?:战略|行动计划)?的?(?P<zh>支柱|要素)\s*(?P<zn>[1-9])"
    r"(?:是什么|指什么|是指什么|讲的?是什么|说的?是什么|是什么内容|的内容是什么|是关于什么的?|讲什么)?[？?]?$")
_GROUP_LINE = re.compile(r"^\s*(?P<kind>支柱|要素)\s*(?P<n>\d)\s*[:：]")


def what_group(q: str, index: Index) -> Listing | None:
    """The pillar or component a question asks about and nothing else: the line that
    names it (in the paragraph listing them all), then its own paragraphs and items, and a
    component's Appendix rows, in document order."""
    m = _WHAT_GROUP.match(q.strip())
    if m is None:
        return None
    kind = "支柱" if (m["en"] or m["zh"]) in ("pillar", "支柱") else "要素"
    n = int(m["n"] or m["zn"])
    corpus = index.corpus
    members = tuple(u.anchor for u in corpus.units()
                    if (u.pillar if kind == "支柱" else u.component) == n and u.group.startswith(kind)
                    and (u.row is None or kind == "要素"))
    first = corpus.get(members[0]) if members else None
    lead = next((u for u in corpus.units() if any(
        (g := _GROUP_LINE.match(line)) and g["kind"] == kind and int(g["n"]) == n
        for line in u.text.splitlines())), None)
    if first is None or lead is None:
        return None
    doc = corpus.document(first.doc_id)
    title_en = (doc.heading_in("en", first.group) or (first.group, ""))[0]
    return Listing("section", lead.anchor, members, f"{first.group}。",
                   f"{title_en}.")
