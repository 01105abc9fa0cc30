"""The refusal for a unit the question numbers and the documents do not have: it says what
they have instead, so the asker can correct the number."""

from __future__ import annotations

from corpus import label
from index import Unheld

from ._scope import Lack

_DOC = {"GB.346/INS/4": ("GB.346/INS/4", "GB.346/INS/4"),
        "ILC.109/Res": ("《2021年结论》", "the Conclusions (ILC.109 Resolution)")}
_WHOLE = {"output": ("附录列有第{r}项产出，没有第{n}项。", "The Appendix lists outputs {r}; it has no output {n}."),
          "pillar": ("战略的支柱为支柱{r}，没有支柱{n}。", "The strategy's pillars are {r}; it has no pillar {n}."),
          "component": ("行动计划的要素为要素{r}，没有要素{n}。",
                        "The action plan's components are {r}; it has no component {n}.")}


def unheld_lack(unheld: Unheld) -> Lack:
    """What to say when a question numbers a unit neither document has."""
    u = unheld
    reason = f"names {u.kind} {u.written}, which the documents do not have"
    if u.kind in _WHOLE:
        zh, en = _WHOLE[u.kind]
        r = u.held[0][1] if u.held else ""
        return Lack(reason, zh.format(r=r, n=u.written), en.format(r=r, n=u.written))
    if u.kind == "paragraph":
        zh = "；".join(f"{_DOC[d][0]}为第{r}段" for d, r in u.held if d in _DOC)
        en = "; ".join(f"{_DOC[d][1]} has paragraphs {r}" for d, r in u.held if d in _DOC)
        return Lack(reason, f"文件中没有第{u.written}段：{zh}。" if zh else f"文件中没有第{u.written}段。",
                    f"The documents have no paragraph {u.written}: {en}." if en
                    else f"The documents have no paragraph {u.written}.")
    n, _, letters = u.written.partition("(")
    written_zh = f"第{n}段" + (f"({letters}" if letters else "")
    zh = "；".join(f"{label(a, 'zh')}下为{r}项" for a, r in u.held)
    en = "; ".join(f"{label(a, 'en')} has items {r}" for a, r in u.held)
    return Lack(reason, f"文件中没有{written_zh}项：{zh}。" if zh else f"文件中没有{written_zh}项。",
                f"The documents have no {u.written}: {en}." if en else f"The documents have no {u.written}.")
