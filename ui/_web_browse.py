"""Browsing without a question: the documents as a tree (document › section › pillar or
component › paragraph › item) that also reads as the full text in order, and the Appendix
table of high-level outputs filtered by pillar, component and Conclusions point. Every
paragraph number and Appendix output is a citation link that opens it in the context panel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from corpus import ALL_PILLARS, Corpus, Document, Unit, contains

from ._web_context import short_label, unit_block
from ._web_html import cite_link, esc
from ._web_i18n import Lang, t
from ._web_text import heading, preamble, row_field, source_switch, title, unit_text

ALL = "all"  # the filter value that keeps every row


def _runs(units: Iterable[Unit], key: str) -> Iterator[tuple[str, list[Unit]]]:
    """Consecutive units sharing a section (or group): the tree's branches, in order."""
    for value, run in groupby(units, key=lambda u: str(getattr(u, key))):
        yield value, list(run)


def _paragraphs(corpus: Corpus, units: list[Unit], lang: Lang) -> str:
    return "".join(f'<div class="para">{unit_block(corpus, u, "", lang)}</div>' for u in units)


def _document_tree(corpus: Corpus, doc: Document, lang: Lang) -> str:
    tops = [u for u in doc.units if u.parent is None]
    parts = [f'<details class="doc" open><summary><span class="doc-id">{esc(doc.doc_id)}</span> '
             f"{title(doc, lang).html('t')}</summary>"]
    if doc.preamble.strip():
        parts.append(f'<details class="sec"><summary>{esc(t("preamble", lang))}</summary>'
                     f'<div class="preamble">{preamble(doc, lang).html()}</div></details>')
    for section, in_section in _runs(tops, "section"):
        parts.append(f'<details class="sec" open><summary>{heading(doc, section, lang).html("t")}'
                     "</summary>")
        for group, in_group in _runs(in_section, "group"):
            if group:
                parts.append(f'<details class="grp" open><summary>{heading(doc, group, lang).html("t")}'
                             f"</summary>{_paragraphs(corpus, in_group, lang)}</details>")
            else:
                parts.append(_paragraphs(corpus, in_group, lang))
        parts.append("</details>")
    parts.append("</details>")
    return "".join(parts)


def render_tree(corpus: Corpus, lang: Lang) -> str:
    """Both documents as collapsible trees, every unit's full text in reading order."""
    docs = "".join(_document_tree(corpus, d, lang) for d in corpus.documents)
    return f'<div class="browse"><p class="hint">{esc(t("browse_hint", lang))}</p>' \
           f'{source_switch(corpus, lang)}<div class="tree">{docs}</div></div>'


def point_label(anchor: str) -> str:
    """A Conclusions point as compactly as the table's column allows: `c14.a.vii` → `14(a)(vii)`."""
    locator = anchor.partition("#")[2]
    number, *letters = locator.split(".")
    return number.lstrip("cpr") + "".join(f"({x})" for x in letters)


def appendix_rows(corpus: Corpus) -> list[Unit]:
    """The Appendix table's rows in document order."""
    return [u for u in corpus.units() if u.row is not None]


def filter_rows(rows: list[Unit], pillar: str, component: str, point: str) -> list[Unit]:
    """Rows matching every filter; `ALL` (or empty) leaves a filter off. A pillar `N` keeps
    the rows that name pillar N, `N+` also those marked 全部 (all pillars): the meaning the
    chat's answers use (`corpus.References.outputs_for_pillar`). A point filter keeps rows
    citing that point or anything inside it (`c14` keeps rows citing `c14.d`)."""
    kept = []
    for u in rows:
        r = u.row
        assert r is not None
        if pillar not in (ALL, "") and int(pillar.rstrip("+")) not in r.pillars:
            continue
        if pillar not in (ALL, "") and not pillar.endswith("+") and r.pillars_raw == ALL_PILLARS:
            continue
        if component not in (ALL, "") and int(component) != r.component:
            continue
        if point not in (ALL, "") and not any(contains(point, p) for p in r.points):
            continue
        kept.append(u)
    return kept


def _paragraph_of(anchor: str) -> str:
    """`ILC.109/Res#c14.d` → `ILC.109/Res#c14`."""
    doc_id, _, locator = anchor.partition("#")
    return f"{doc_id}#{locator.split('.')[0]}"


def filter_choices(corpus: Corpus, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """The dropdowns' (label, value) choices: pillars, components and the Conclusions points
    the table cites (with their paragraphs, which match all of their items)."""
    rows = appendix_rows(corpus)
    pillars = sorted({p for u in rows if u.row for p in u.row.pillars})
    components: dict[int, str] = {}
    cited: set[str] = set()
    for u in rows:
        assert u.row is not None
        components.setdefault(u.row.component, u.row.component_title)
        cited.update(u.row.points)
    order = {u.anchor: i for i, u in enumerate(corpus.units())}
    points = cited | {_paragraph_of(p) for p in cited}
    everything = (t("all", lang), ALL)
    return {
        "pillar": [everything] + [c for p in pillars for c in (
            (t("pillar_n", lang, n=p), str(p)), (t("pillar_n_all", lang, n=p), f"{p}+"))],
        "component": [everything] + [(_component_name(corpus, n, name, lang), str(n))
                                     for n, name in sorted(components.items())],
        "point": [everything] + [(short_label(p, lang), p)
                                 for p in sorted(points, key=lambda a: order.get(a, len(order)))],
    }


def _component_name(corpus: Corpus, n: int, name: str, lang: Lang) -> str:
    """A component's title in the reader's language."""
    row = next(u for u in appendix_rows(corpus) if u.row and u.row.component == n)
    return heading(corpus.document(row.doc_id), name, lang).text


def render_appendix(corpus: Corpus, lang: Lang, pillar: str = ALL, component: str = ALL,
                    point: str = ALL) -> str:
    """The Appendix as a table, grouped under its components, filtered."""
    rows = appendix_rows(corpus)
    kept = filter_rows(rows, pillar, component, point)
    shown = t("rows_shown", lang, n=len(kept), total=len(rows))
    if pillar not in (ALL, ""):
        marked = sum(1 for u in rows if u.row and u.row.pillars_raw == ALL_PILLARS)
        shown += ("" if lang == "zh" else " ") + t(
            "pillar_all_in" if pillar.endswith("+") else "pillar_all_out", lang, m=marked)
    count = f'<p class="count">{esc(shown)}</p>'
    if not kept:
        return f'<div class="appendix">{count}<p class="empty">{esc(t("no_rows", lang))}</p></div>'
    columns = ("col_no", "f_output", "f_pillars", "f_points", "f_timeframe")
    head = "".join(f"<th>{esc(t(k, lang))}</th>" for k in columns)
    name = {k: esc(t(k, lang)) for k in columns}  # each cell's column, for the phone layout
    body = []
    for _, run in groupby(kept, key=lambda u: u.row.component if u.row else 0):
        group = list(run)
        first = group[0].row
        assert first is not None
        doc = corpus.document(group[0].doc_id)
        budget = row_field(corpus, group[0], "budget", first.component_budget, lang)
        body.append(f'<tr class="component"><td colspan="5">'
                    f'{heading(doc, first.component_title, lang).html("t")}'
                    f' <span class="budget">{budget.html("t")}</span></td></tr>')
        for u in group:
            r = u.row
            assert r is not None
            points = " ".join(cite_link(p, point_label(p), "cite point", short_label(p, lang))
                              for p in r.points)
            if not points:
                points = row_field(corpus, u, "points", r.points_raw, lang).html()
            body.append(
                f'<tr data-unit="{esc(u.anchor)}"><td class="no" data-label="{name["col_no"]}">'
                f"{cite_link(u.anchor, u.locator[1:], 'cite num')}</td>"
                f'<td class="out" data-label="{name["f_output"]}">{unit_text(corpus, u, lang).html()}</td>'
                f'<td class="pil" data-label="{name["f_pillars"]}">'
                f'{row_field(corpus, u, "pillars", r.pillars_raw, lang).html()}</td>'
                f'<td class="pts" data-label="{name["f_points"]}">{points}</td>'
                f'<td class="tf" data-label="{name["f_timeframe"]}">'
                f'{row_field(corpus, u, "timeframe", r.timeframe, lang).html()}</td></tr>')
    return (f'<div class="appendix">{count}{source_switch(corpus, lang)}'
            f'<table class="rows"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
