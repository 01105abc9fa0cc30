"""From units to chunks: the text that is cited stays verbatim; a context header (document,
section, pillar/component, the parent's lead-in, Appendix fields) is added for search only.
Where the corpus holds an English version of the unit, the chunk carries it too, with an
English header, so English questions are searched against English text."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Corpus, Document, Lang, Unit, label


@dataclass(frozen=True)
class Chunk:
    """One searchable unit. `covers` lists every anchor whose text the chunk holds; a unit
    chunk covers its own anchor, a naive character chunk may cover several."""

    anchor: str
    text: str
    context: str
    covers: tuple[str, ...]
    text_en: str = ""
    context_en: str = ""

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text

    @property
    def search_text_en(self) -> str:
        """The English version with its header; the Chinese search text when there is none."""
        if not self.text_en:
            return self.search_text
        return f"{self.context_en}\n{self.text_en}" if self.context_en else self.text_en


def unit_chunks(corpus: Corpus) -> list[Chunk]:
    """One chunk per finest unit (an item, a sub-item, a paragraph without items, a row)."""
    out: list[Chunk] = []
    for doc in corpus.documents:
        for unit in doc.leaves():
            head = context(doc, unit)
            if doc.lang == "en":  # an added English document is its own English version
                text_en, ctx_en = unit.text, context(doc, unit, "en")
                zh = doc.rendering("zh", unit.locator)
                if zh:  # its Chinese version (searched, never cited in place of the source)
                    head = f"{head}\n{zh[0]}"
            else:
                text_en = (doc.rendering("en", unit.locator) or ("", ""))[0]
                ctx_en = context_en(doc, unit) if text_en else ""
            out.append(Chunk(unit.anchor, unit.text, head, (unit.anchor,), text_en, ctx_en))
    return out


def context(doc: Document, unit: Unit, lang: Lang = "zh") -> str:
    """The heading path of a unit, written out for the embedder and the lexical index."""
    parts = [f"{doc.doc_id} {doc.title}"]
    if unit.section:
        parts.append(unit.section)
    if unit.group:
        parts.append(unit.group)
    lead: list[str] = []
    parent = doc.get(unit.parent) if unit.parent else None
    while parent is not None:
        lead.insert(0, f"{label(parent.anchor, lang)} {parent.text}")
        parent = doc.get(parent.parent) if parent.parent else None
    parts.extend(lead)
    head = " › ".join(parts) + f" › {label(unit.anchor, lang)}"
    if unit.row is not None:
        row = unit.row
        points = "、".join(label(p) for p in row.points) or row.points_raw
        head += (
            f"\n对应《2021年结论》要点：{points}；对应战略支柱：{row.pillars_raw}；"
            f"计划和预算产出：{', '.join(row.pb_outputs)}；可持续发展目标：{row.sdg_raw}；"
            f"时间框架：{row.timeframe}；{row.component_title}（{row.component_budget}）"
        )
    return head


def context_en(doc: Document, unit: Unit) -> str:
    """The heading path in English, from the document's English version."""
    version = doc.version("en")
    if version is None:
        return ""
    parts = [f"{doc.doc_id} {version.title}"]
    for heading in (unit.section, unit.group):
        if heading:
            parts.append((doc.heading_in("en", heading) or ("", ""))[0])
    lead: list[str] = []
    parent = doc.get(unit.parent) if unit.parent else None
    while parent is not None:
        lead.insert(0, f"{label(parent.anchor, 'en')} {(doc.rendering('en', parent.locator) or ('', ''))[0]}")
        parent = doc.get(parent.parent) if parent.parent else None
    head = " › ".join(p for p in [*parts, *lead] if p) + f" › {label(unit.anchor, 'en')}"
    found = doc.row_in("en", unit.locator)
    row = found[0] if found else None
    if row:
        head += (f"\nConclusions points: {row.get('points', '')}; pillars: {row.get('pillars', '')}; "
                 f"SDG targets: {row.get('sdg', '')}; timeframe: {row.get('timeframe', '')}; "
                 f"budget of the component: {row.get('budget', '')}")
    return head
