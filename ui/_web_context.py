"""A cited unit in context: where it sits (document › section › pillar or component ›
paragraph), the whole paragraph with the cited item highlighted, the paragraphs before and
after it, and for an Appendix row its fields with links to the Conclusions points it cites.
Reading the neighbourhood is how a person checks that a quoted sentence means what the
answer says it means."""

from __future__ import annotations

import re

from corpus import Corpus, Document, References, Unit, contains, instrument

from ._web_html import cite_link, copy_button, deep_link, esc, safe_label
from ._web_i18n import Lang, t
from ._web_text import heading, html_lang, row_field, source_switch, title, unit_text

# Where the locator part of a label starts: `GB.346/INS/4 第25段(a)` → `第25段(a)`.
_LOCATOR_PART = re.compile(r"结论第|第|附录|Conclusions para\.|para\.|Article|Appendix")


def short_label(anchor: str, lang: Lang) -> str:
    """The label without its document part, for a heading path that already names it."""
    full = safe_label(anchor, lang)
    found = _LOCATOR_PART.search(full)
    return full[found.start():] if found else full


def marker(unit: Unit) -> str:
    """How an item shows its place in its paragraph: `(a)`, `(vii)`."""
    return f"({unit.locator.rsplit('.', 1)[-1]})"


def top_of(corpus: Corpus, unit: Unit) -> Unit:
    """The numbered paragraph (or Appendix row) a unit belongs to."""
    while unit.parent is not None:
        parent = corpus.get(f"{unit.doc_id}#{unit.parent}")
        if parent is None:
            break
        unit = parent
    return unit


def neighbours(doc: Document, top: Unit) -> tuple[Unit | None, Unit | None]:
    """The previous and next paragraph of the same kind (rows next to rows) in reading order."""
    same = [u for u in doc.units if u.parent is None and (u.kind == "row") == (top.kind == "row")]
    at = next(i for i, u in enumerate(same) if u.locator == top.locator)
    return (same[at - 1] if at > 0 else None, same[at + 1] if at + 1 < len(same) else None)


_GRAPHS: dict[int, References] = {}


def graph(corpus: Corpus) -> References:
    """The corpus's reference graph, built once per corpus."""
    if id(corpus) not in _GRAPHS:
        _GRAPHS[id(corpus)] = References(corpus)
    return _GRAPHS[id(corpus)]


def cited_by(corpus: Corpus, anchor: str) -> list[Unit]:
    """Appendix rows whose Conclusions points are `anchor`, lie inside it or contain it."""
    return [corpus.unit(a) for a in graph(corpus).trace(anchor).cited_by]


def _links(key: str, anchors: tuple[str, ...], lang: Lang) -> str:
    if not anchors:
        return ""
    links = " ".join(cite_link(a, short_label(a, lang), "cite point") for a in anchors)
    return f'<div class="cited-by"><span class="nb-key">{esc(t(key, lang))}</span> {links}</div>'


def references(corpus: Corpus, anchor: str, lang: Lang) -> str:
    """What links a unit to the rest: the Appendix outputs citing it, for an output the
    strategy items planning the same work, for a strategy item the outputs it plans, the
    paragraphs it refers to by number and those referring to it, and the instruments it
    names with where else they are mentioned."""
    g = graph(corpus)
    tr = g.trace(anchor)
    parts = [_links("cited_by", tr.cited_by, lang), _links("planned_in", tr.planned_in, lang),
             _links("plans", tr.plans, lang),
             # a row's cites are its Conclusions points, shown in its fields already
             _links("refers_to", () if corpus.unit(anchor).row else tr.cites, lang),
             _links("referred_by", tr.mentioned_in, lang)]
    for inst in tr.mentions:
        known = instrument(inst)
        name = known.short(lang) if known else inst
        others = tuple(a for a in g.mentions_of(inst) if not contains(a, anchor)
                       and not contains(anchor, a))
        where = (f'{esc(t("mentioned_in", lang, n=len(others)))} '
                 + " ".join(cite_link(a, short_label(a, lang), "cite point") for a in others)
                 if others else esc(t("mentioned_only_here", lang)))
        parts.append(f'<div class="mentions"><span class="nb-key">{esc(name)}</span> {where}</div>')
    return "".join(parts)


def _crumbs(doc: Document, unit: Unit, lang: Lang) -> str:
    parts = [f"{esc(doc.doc_id)} · {title(doc, lang).html('t')}"]
    parts += [heading(doc, x, lang).html("t") for x in (unit.section, unit.group) if x]
    parts.append(f'<span class="here">{esc(short_label(unit.anchor, lang))}</span>')
    return '<nav class="crumbs">' + '<span class="sep">›</span>'.join(parts) + "</nav>"


def unit_block(corpus: Corpus, unit: Unit, target: str, lang: Lang) -> str:
    """A unit and its children, nested; the target gets the `hit` class."""
    hit = " hit" if unit.anchor == target else ""
    num = short_label(unit.anchor, lang) if unit.parent is None else marker(unit)
    head = (f'<div class="line{hit}" data-unit="{esc(unit.anchor)}">'
            f'{cite_link(unit.anchor, num, "num")}{unit_text(corpus, unit, lang).html()}</div>')
    kids = [corpus.get(f"{unit.doc_id}#{c}") for c in unit.children]
    inner = "".join(f"<li>{unit_block(corpus, k, target, lang)}</li>" for k in kids if k)
    return head + (f'<ul class="items">{inner}</ul>' if inner else "")


def _neighbour(corpus: Corpus, unit: Unit | None, key: str, lang: Lang) -> str:
    if unit is None:
        return ""
    shown = unit_text(corpus, unit, lang)
    return (f'<div class="nb"><span class="nb-key">{esc(t(key, lang))}</span> '
            f'{cite_link(unit.anchor, short_label(unit.anchor, lang))}'
            f'<div class="nb-text" lang="{html_lang(shown.lang)}">{esc(shown.text)}</div></div>')


def row_fields(corpus: Corpus, unit: Unit, lang: Lang) -> str:
    """An Appendix row's fields as a two-column table, in the reader's language ("全部" →
    "all pillars"); its Conclusions points are links."""
    row = unit.row
    if row is None:
        return ""
    doc = corpus.document(unit.doc_id)
    points = " ".join(cite_link(p, short_label(p, lang), "cite point") for p in row.points)
    pillars = row_field(corpus, unit, "pillars", row.pillars_raw, lang)
    fields = [
        ("f_points", points or row_field(corpus, unit, "points", row.points_raw, lang).html()),
        ("f_pillars", pillars.html()),
        ("f_component", heading(doc, row.component_title, lang).html()),
        ("f_budget", row_field(corpus, unit, "budget", row.component_budget, lang).html()),
        ("f_pb", esc(", ".join(row.pb_outputs))),
        ("f_sdg", row_field(corpus, unit, "sdg", row.sdg_raw, lang).html()),
        ("f_timeframe", row_field(corpus, unit, "timeframe", row.timeframe, lang).html()),
    ]
    body = "".join(f"<tr><th>{esc(t(k, lang))}</th><td>{v}</td></tr>" for k, v in fields)
    return f'<table class="fields"><caption>{esc(t("row_fields", lang))}</caption>{body}</table>'


def _title(lang: Lang) -> str:
    return f"<h3>{esc(t('context', lang))}</h3>"


def render_context(corpus: Corpus, anchor: str | None, lang: Lang) -> str:
    """The context panel for `anchor` (or its empty state, or a clear not-found message)."""
    if not anchor:
        return f'<div class="ctx empty">{_title(lang)}<p>{esc(t("context_empty", lang))}</p></div>'
    unit = corpus.get(anchor)
    if unit is None:
        return (f'<div class="ctx missing">{_title(lang)}<p class="warn">{esc(t("not_found", lang, anchor=anchor))}'
                f'</p><p>{esc(t("not_found_hint", lang))}</p></div>')
    doc = corpus.document(unit.doc_id)
    top = top_of(corpus, unit)
    before, after = neighbours(doc, top)
    row = unit.kind == "row"
    name = safe_label(anchor, lang)
    by = references(corpus, anchor, lang)
    return (
        f'<div class="ctx" tabindex="-1" data-anchor-shown="{esc(anchor)}">{_title(lang)}'
        f'{_crumbs(doc, unit, lang)}'
        f'<div class="ctx-head"><span class="ctx-label">{esc(name)}</span>'
        f"<code>{esc(anchor)}</code>{copy_button(name, anchor, lang)}"
        f'<a class="permalink" href="{esc(deep_link(anchor))}" target="_blank" '
        f'title="{esc(t("permalink_title", lang))}">{esc(t("permalink", lang))}</a></div>'
        f"{source_switch(corpus, lang)}"
        f'<div class="ctx-body">{_neighbour(corpus, before, "previous_row" if row else "previous", lang)}'
        f'<div class="para">{unit_block(corpus, top, anchor, lang)}</div>'
        f"{row_fields(corpus, unit, lang)}{by}"
        f'{_neighbour(corpus, after, "next_row" if row else "next", lang)}</div></div>'
    )
