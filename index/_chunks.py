"""From units to chunks: the text that is cited stays verbatim; a context header (document,
section, pillar/component, the parent's lead-in, Appendix fields) is added for search only."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Corpus, Document, Unit, label


@dataclass(frozen=True)
class Chunk:
    """One searchable unit. `covers` lists every anchor whose text the chunk holds; a unit
    chunk covers its own anchor, a naive character chunk may cover several."""

    anchor: str
    text: str
    context: str
    covers: tuple[str, ...]

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


def unit_chunks(corpus: Corpus) -> list[Chunk]:
    """One chunk per finest unit (an item, a sub-item, a paragraph without items, a row)."""
    out: list[Chunk] = []
    for doc in corpus.documents:
        for unit in doc.leaves():
            out.append(Chunk(unit.anchor, unit.text, context(doc, unit), (unit.anchor,)))
    return out


def context(doc: Document, unit: Unit) -> str:
    """The heading path of a unit, written out for the embedder and the lexical index."""
    parts = [f"{doc.doc_id} {doc.title}"]
    if unit.section:
        parts.append(unit.section)
    if unit.group:
        parts.append(unit.group)
    lead: list[str] = []
    parent = doc.get(unit.parent) if unit.parent else None
    while parent is not None:
        lead.insert(0, f"{label(parent.anchor)} {parent.text}")
        parent = doc.get(parent.parent) if parent.parent else None
    parts.extend(lead)
    head = " › ".join(parts) + f" › {label(unit.anchor)}"
    if unit.row is not None:
        row = unit.row
        points = "、".join(label(p) for p in row.points) or row.points_raw
        head += (
            f"\n对应《2021年结论》要点：{points}；对应战略支柱：{row.pillars_raw}；"
            f"计划和预算产出：{', '.join(row.pb_outputs)}；可持续发展目标：{row.sdg_raw}；"
            f"时间框架：{row.timeframe}；{row.component_title}（{row.component_budget}）"
        )
    return head
