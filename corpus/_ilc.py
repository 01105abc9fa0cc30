"""Parser for ILC.109/Res (Chinese PDF extraction): the Resolution's paragraphs r1–r2 and
the Conclusions c1–c14 under sections I–IV, with lettered items and the roman sub-items of
c14(a). Lines are hard-wrapped, so every line that starts no unit continues the last one."""

from __future__ import annotations

import re

from ._draft import Draft, freeze_all, lines, next_letter, next_roman
from ._units import RESTORE, CorpusError, Unit

DOC_ID = "ILC.109/Res"
TITLE = "关于技能和终身学习的决议"

_CONCLUSIONS = re.compile(r"^关于技能和终身学习的一般性讨论的结论$")
_SECTION = re.compile(r"^(?P<roman>I|II|III|IV)\.\s+(?P<title>.+)$")
_PARA = re.compile(r"^(?P<n>\d{1,2})\.\s*")
_MARK = re.compile(r"^\((?P<mark>[a-z]+)\)\s*")
_PREAMBLE = re.compile(r"^国际劳工组织大会")


def parse(text: str) -> tuple[tuple[Unit, ...], str]:
    """Units of ILC.109/Res in reading order, and the Resolution's preamble."""
    resolution: list[Draft] = []
    conclusions: list[Draft] = []
    preamble: list[str] = []
    paras = resolution
    section = "决议"
    current: Draft | None = None

    for line in lines(text):
        body = line.text
        if _CONCLUSIONS.match(body):
            paras, section, current = conclusions, body, None
            continue
        m = _SECTION.match(body)
        if m and paras is conclusions:
            section, current = f"{m['roman']}. {m['title']}", None
            continue
        m = _PARA.match(body)
        if m and int(m["n"]) == len(paras) + 1:
            prefix = "r" if paras is resolution else "c"
            current = Draft(f"{prefix}{m['n']}", "paragraph", section=section)
            paras.append(current)
            current.add(*line.tail(m.end()))
            continue
        m = _MARK.match(body)
        if m and paras:
            current = _item(paras[-1], m["mark"], line.number)
            current.add(*line.tail(m.end()))
            continue
        if current is None:
            # Before the first paragraph: the title block, then the preamble that opens
            # with "国际劳工组织大会…" and runs until r1.
            if preamble or _PREAMBLE.match(body):
                preamble.append(body)
            continue
        current.add(line.start, line.end, body)

    if len(resolution) != 2 or len(conclusions) != 14:
        raise CorpusError(
            f"{DOC_ID}: found {len(resolution)} resolution and {len(conclusions)} Conclusions "
            f"paragraphs, expected 2 and 14; {RESTORE}"
        )
    return freeze_all(DOC_ID, resolution + conclusions), "".join(preamble)


def _item(para: Draft, mark: str, line_no: int) -> Draft:
    """A `(x)` marker: the paragraph's next letter, else the next roman of its last item.

    In c12 and c14 `(i)` and `(v)` are letters, because the letter sequence reaches them;
    only inside c14(a), right after `(a)`, does `(i)` start romans.
    """
    if mark == next_letter(para):
        return para.child(f"{para.locator}.{mark}", "item")
    last = para.children[-1] if para.children else None
    if last is not None and mark == next_roman(last):
        return last.child(f"{last.locator}.{mark}", "subitem")
    raise CorpusError(
        f"{DOC_ID} line {line_no}: marker ({mark}) is neither the next letter of "
        f"{para.locator} nor the next roman of its last item; "
        f"{RESTORE}"
    )
