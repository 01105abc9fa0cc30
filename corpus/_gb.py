"""Parser for GB.346/INS/4 (Chinese PDF extraction): paragraphs 1–34 with their lettered
items, the pillar/component each belongs to, and the 39 rows of the Appendix table."""

from __future__ import annotations

import re

from ._draft import Draft, Line, freeze_all, lines, next_letter
from ._units import RESTORE, AppendixRow, CorpusError, Unit

DOC_ID = "GB.346/INS/4"

_SECTION = re.compile(r"^[▶►]\s*(?P<title>.+)$")
_FIGURE = re.compile(r"^[▶►]\s*图")
_APPENDIX = re.compile(r"^[▶►]\s*附录")
_GROUP = re.compile(r"^(?P<kind>支柱|要素)\s*(?P<n>\d)\s*[:：]\s*(?P<title>.+)$")
_PARA = re.compile(r"^(?:-\s*)?(?P<n>\d{1,2})\.\s*")
_ITEM = re.compile(r"^(?:-\s*)?\((?P<letter>[a-z])\)\s*")
_BULLET = re.compile(r"^-\s+")
_COMPONENT_ROW = re.compile(r"^要素\s*(?P<n>\d)\s*[:：]\s*(?P<title>.+?)\s*\((?P<budget>[^()]+)\)$")
_POINT = re.compile(r"大会\s*[，,]\s*(?P<n>\d+)\s*(?P<letters>[a-z](?:\s*(?:,|，|和)\s*[a-z])*)?")
_SDG = re.compile(r"\d+(?:\.(?:\d+|[a-z]))?")

TITLE = "国际劳工组织 2022-2030 年技能和终身学习战略"


def parse(text: str) -> tuple[tuple[Unit, ...], str]:
    """Units of GB.346/INS/4 in reading order, and its front matter (summary box)."""
    paragraphs: list[Draft] = []
    rows: list[Draft] = []
    front: list[str] = []
    section = group = ""
    pillar: int | None = None
    component: int | None = None
    current: Draft | None = None  # the unit continuation lines belong to
    in_appendix = False
    row_component: tuple[int, str, str] | None = None

    for line in lines(text):
        body = line.text
        if in_appendix:
            row_component = _appendix_line(line, rows, row_component)
            continue
        if _APPENDIX.match(body):
            in_appendix = True
            continue
        if _FIGURE.match(body):
            continue  # a figure's caption: the figure itself did not survive extraction
        m = _SECTION.match(body)
        if m:
            section, group, pillar, component, current = m["title"].strip(), "", None, None, None
            continue
        m = _GROUP.match(body)
        if m and section:
            group = body
            n = int(m["n"])
            pillar, component = (n, None) if m["kind"] == "支柱" else (None, n)
            current = None
            continue
        if not section:
            front.append(body)
            continue
        m = _PARA.match(body)
        if m and int(m["n"]) == len(paragraphs) + 1:
            current = Draft(
                f"p{m['n']}", "paragraph", section=section, group=group,
                pillar=pillar, component=component,
            )
            paragraphs.append(current)
            current.add(*line.tail(m.end()))
            continue
        m = _ITEM.match(body)
        if m and paragraphs:
            para = paragraphs[-1]
            if m["letter"] != next_letter(para):
                raise CorpusError(
                    f"{DOC_ID} line {line.number}: item ({m['letter']}) out of order in "
                    f"paragraph {para.locator} (expected ({next_letter(para)})); "
                    f"the source file looks damaged: {RESTORE}"
                )
            current = para.child(f"{para.locator}.{m['letter']}", "item")
            current.add(*line.tail(m.end()))
            continue
        if current is None:
            raise CorpusError(
                f"{DOC_ID} line {line.number}: text outside any paragraph: {body[:40]!r}; "
                f"the source file looks damaged: {RESTORE}"
            )
        _continue(current, line)

    if len(paragraphs) != 34 or len(rows) != 39:
        raise CorpusError(
            f"{DOC_ID}: found {len(paragraphs)} paragraphs and {len(rows)} Appendix rows, "
            f"expected 34 and 39; the source file looks damaged: {RESTORE}"
        )
    return freeze_all(DOC_ID, paragraphs + rows), "\n".join(front)


def _continue(current: Draft, line: Line) -> None:
    """A line that starts no unit continues the current one (a wrapped line or a page break).

    A leading "- " is a real bullet when the text so far opens a list (ends with a colon) or
    already holds bullets; otherwise it is a page-break artefact and is dropped.
    """
    body = line.text
    bullet = _BULLET.match(body)
    if bullet:
        so_far = current.text
        in_list = so_far.endswith((":", "：")) or current.pieces[-1][3] == "\n"
        current.add(*line.tail(bullet.end()), new_line=in_list)
        return
    current.add(line.start, line.end, body)


def _appendix_line(
    line: Line, rows: list[Draft], component: tuple[int, str, str] | None
) -> tuple[int, str, str] | None:
    """One line of the flattened Appendix table; returns the component now in force."""
    fields = [f.strip() for f in line.text.split("\t")]
    if fields[0] == "高级别产出":
        return component  # the header row, repeated on every page
    m = _COMPONENT_ROW.match(fields[0])
    if m and not any(fields[1:]):
        return int(m["n"]), f"要素 {m['n']}：{m['title']}", m["budget"]
    if len(fields) != 6 or component is None:
        raise CorpusError(
            f"{DOC_ID} line {line.number}: Appendix row with {len(fields)} tab-separated fields "
            f"(expected 6, after a component line); {RESTORE}"
        )
    output, points, pillars, pb, sdg, timeframe = fields
    start = line.start + line.text.index(output)
    n = len(rows) + 1
    d = Draft(
        f"A{n}", "row", section="附录：支持执行战略的行动计划",
        group=component[1], component=component[0],
    )
    d.add(start, start + len(output), output)
    d.row = AppendixRow(
        output=output,
        points_raw=points,
        points=parse_points(points),
        pillars_raw=pillars,
        pillars=(1, 2, 3, 4, 5) if pillars == "全部" else tuple(int(p) for p in re.findall(r"\d", pillars)),
        pb_outputs=tuple(p.strip() for p in pb.split(",") if p.strip()),
        sdg_raw=sdg,
        sdg_targets=tuple(_SDG.findall(sdg)),
        timeframe=timeframe,
        component=component[0],
        component_title=component[1],
        component_budget=component[2],
    )
    rows.append(d)
    return component


def parse_points(raw: str) -> tuple[str, ...]:
    """`'大会，14d, e, g 大会，12a, b, d'` → Conclusions anchors c14.d, c14.e, c14.g, c12.a, …"""
    out: list[str] = []
    for m in _POINT.finditer(raw):
        letters = re.findall(r"[a-z]", m["letters"] or "")
        if letters:
            out.extend(f"ILC.109/Res#c{m['n']}.{x}" for x in letters)
        else:
            out.append(f"ILC.109/Res#c{m['n']}")
    return tuple(out)
