"""Anchors (`DOC#locator`) and the labels people read (`GB.346/INS/4 第25段(a)`)."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["zh", "en"]

_PARA = re.compile(r"^(?P<kind>[prc])(?P<n>\d+)(?:\.(?P<letter>[a-z]))?(?:\.(?P<roman>[ivx]+))?$")
_ROW = re.compile(r"^A(?P<n>\d+)$")
_ARTICLE = re.compile(r"^art(?P<n>\d+)(?:\.(?P<para>\d+))?(?:\.(?P<letter>[a-z]))?(?:\.(?P<roman>[ivx]+))?$")
_PAGE = re.compile(r"^pg(?P<page>\d+)\.(?P<n>\d+)$")
_NUMBERED_ID = re.compile(r"^(?P<t>[CR])(?P<n>\d{1,3})$")

# The short names people use for the two shipped documents.
_DOC_SHORT = {"ILC.109/Res": ("ILC.109 决议", "ILC.109 Resolution")}


def split_anchor(anchor: str) -> tuple[str, str]:
    """`'GB.346/INS/4#p25.a'` → `('GB.346/INS/4', 'p25.a')`."""
    doc_id, sep, locator = anchor.partition("#")
    if not sep or not doc_id or not locator:
        raise ValueError(
            f"not an anchor: {anchor!r}; write it as DOC#LOCATOR, e.g. 'GB.346/INS/4#p25.a'"
        )
    return doc_id, locator


def contains(outer: str, inner: str) -> bool:
    """True when `inner` is `outer` or lies inside it (`p25` contains `p25.a`)."""
    return inner == outer or inner.startswith(outer + ".")


def label(anchor: str, lang: Lang = "zh") -> str:
    """The human label of an anchor in Chinese or English."""
    doc_id, locator = split_anchor(anchor)
    zh_doc, en_doc = _DOC_SHORT.get(doc_id, (_doc_zh(doc_id), doc_id))
    row = _ROW.match(locator)
    if row:
        n = row["n"]
        return f"附录第{n}项产出" if lang == "zh" else f"Appendix output {n}"
    para = _PARA.match(locator)
    if para:
        n = para["n"]
        tail = "".join(f"({x})" for x in (para["letter"], para["roman"]) if x)
        kind = para["kind"]
        if lang == "zh":
            where = "结论" if kind == "c" else ""
            return f"{zh_doc} {where}第{n}段{tail}"
        where = "Conclusions para." if kind == "c" else "para."
        sep = ", " if doc_id in _DOC_SHORT or _NUMBERED_ID.match(doc_id) else " "
        return f"{en_doc}{sep}{where} {n}{tail}"
    art = _ARTICLE.match(locator)
    if art:
        n, p = art["n"], art["para"]
        tail = "".join(f"({x})" for x in (art["letter"], art["roman"]) if x)
        if lang == "zh":
            return f"{_doc_zh(doc_id)} 第{n}条" + (f"第{p}款" if p else "") + tail
        return f"{doc_id}, Art. {n}" + (f"({p})" if p else "") + tail
    page = _PAGE.match(locator)
    if page:
        if lang == "zh":
            return f"{_doc_zh(doc_id)} 第{page['page']}页第{page['n']}段"
        return f"{doc_id}, p. {page['page']}, para. {page['n']}"
    return f"{doc_id} {locator}"


def _doc_zh(doc_id: str) -> str:
    """`C142` → `第142号公约`, `R195` → `第195号建议书`; other ids as they are."""
    m = _NUMBERED_ID.match(doc_id)
    if not m:
        return doc_id
    return f"第{int(m['n'])}号" + ("公约" if m["t"] == "C" else "建议书")
