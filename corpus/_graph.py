"""Cross-references read from the parsed structure: which Appendix outputs answer which
Conclusions points, which carry an SDG target or a P&B output. The seed of the reference
graph (outputs ↔ Conclusions points ↔ strategy paragraphs ↔ standards)."""

from __future__ import annotations

from collections.abc import Iterable

from ._anchors import contains
from ._units import Corpus, Unit

ALL_PILLARS = "全部"  # the Appendix's "all pillars" mark


class References:
    """Look-ups over the Appendix rows of a corpus, in document order."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self.rows: tuple[Unit, ...] = tuple(u for u in corpus.units() if u.row is not None)

    def outputs_for_points(self, points: Iterable[str]) -> list[str]:
        """Rows citing any of the given Conclusions anchors (or a point inside one), most
        matches first, then in document order."""
        wanted = list(points)
        scored = []
        for i, unit in enumerate(self.rows):
            assert unit.row is not None
            n = sum(any(contains(w, p) for p in unit.row.points) for w in wanted)
            if n:
                scored.append((-n, i, unit.anchor))
        return [a for _, _, a in sorted(scored)]

    def outputs_without_points(self) -> list[str]:
        """Rows whose "corresponding points" column reads 未具体提及 (none given)."""
        return [u.anchor for u in self.rows if u.row and not u.row.points]

    def outputs_for_pillar(self, pillar: int, only: bool = False, with_all: bool = False) -> list[str]:
        """Rows that name this pillar explicitly, those mapped to fewest pillars first; with
        `only`, the rows mapped to this pillar alone; with `with_all`, then also the rows
        marked 全部 (all pillars). One meaning everywhere: the chat, the API and the Appendix
        filter all read "outputs of pillar N" this way and say so."""
        rows = [u for u in self.rows if u.row and u.row.pillars_raw != ALL_PILLARS
                and pillar in u.row.pillars and (not only or len(u.row.pillars) == 1)]
        out = [u.anchor for u in sorted(rows, key=lambda u: len(u.row.pillars) if u.row else 0)]
        return out + (self.outputs_for_all_pillars() if with_all and not only else [])

    def outputs_for_all_pillars(self) -> list[str]:
        """Rows whose pillar column reads 全部: they serve every pillar."""
        return [u.anchor for u in self.rows if u.row and u.row.pillars_raw == ALL_PILLARS]

    def outputs_for_component(self, component: int) -> list[str]:
        return [u.anchor for u in self.rows if u.component == component]

    def outputs_with_sdg(self, target: str) -> list[str]:
        return [u.anchor for u in self.rows if u.row and target in u.row.sdg_targets]

    def outputs_with_pb(self, output: str) -> list[str]:
        return [u.anchor for u in self.rows if u.row and output in u.row.pb_outputs]

    def leaves_under(self, anchor: str) -> list[str]:
        """The finest units at or below an anchor (a paragraph's items, or itself)."""
        unit = self._corpus.get(anchor)
        if unit is None:
            return []
        if unit.is_leaf:
            return [anchor]
        doc = self._corpus.document(unit.doc_id)
        return [u.anchor for u in doc.leaves() if contains(anchor, u.anchor)]
