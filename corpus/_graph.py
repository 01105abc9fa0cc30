"""The reference graph, read from the parsed structure: which Appendix outputs answer which
Conclusions points (the rows' own column), which strategy items plan the same work as an
output (`plans.json`, a hand-checked annotation of the Appendix), which units name which
instruments (in any written form), and which rows carry an SDG target or a P&B output.

`References.trace(ref)` answers "what does this cite, what cites it, where is it
mentioned" for an anchor or an instrument; `References.chain(anchor)` is the mandate chain
staff ask for: output → Conclusions point(s) → strategy paragraph(s)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ._anchors import contains
from ._instruments import instrument, mentioned_instruments
from ._units import Corpus, CorpusError, Unit

PLANS = Path(__file__).with_name("plans.json")

ALL_PILLARS = "全部"  # the Appendix's "all pillars" mark

# "上文第 5 段" / "第 12 段(a)": a unit pointing at a paragraph of its own document and part.
_PARAGRAPH_REF = re.compile(r"第\s*(\d+)\s*段(?:\s*[(（]([a-z])[)）])?")


@dataclass(frozen=True)
class Trace:
    """The neighbours of an anchor or an instrument in the reference graph, each list in
    document order: what it cites (Conclusions points, the instruments it names), what
    plans it or cites it (Appendix outputs), the strategy items that plan the same work,
    and, for an instrument, the units that mention it."""

    ref: str
    cites: tuple[str, ...] = ()
    cited_by: tuple[str, ...] = ()
    planned_in: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # instruments the unit names
    mentioned_in: tuple[str, ...] = ()  # units that name the instrument, or refer to the unit
    extra: dict[str, str] = field(default_factory=dict)


def read_plans(path: Path = PLANS) -> dict[str, tuple[str, ...]]:
    """Row anchor → the strategy items planning the same work (possibly none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): tuple(map(str, v)) for k, v in data["plans"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CorpusError(
            f"{path} is unreadable ({exc}); restore it with: git checkout -- corpus/plans.json"
        ) from exc


class References:
    """The reference graph of a corpus: look-ups over the Appendix rows, the plans
    annotation and the instrument mentions, in document order."""

    @property
    def corpus(self) -> Corpus:
        return self._corpus

    def __init__(self, corpus: Corpus, plans: dict[str, tuple[str, ...]] | None = None) -> None:
        self._corpus = corpus
        self.rows: tuple[Unit, ...] = tuple(u for u in corpus.units() if u.row is not None)
        self._order = {u.anchor: i for i, u in enumerate(corpus.units())}
        known = plans if plans is not None else read_plans()
        self._plans = {a: p for a, p in known.items() if corpus.get(a) is not None}
        self._mentions: dict[str, list[str]] = {}
        self._refers: dict[str, tuple[str, ...]] = {}
        for u in corpus.units():
            for inst in mentioned_instruments(u.text):
                self._mentions.setdefault(inst, []).append(u.anchor)
            refs = self._paragraph_refs(u)
            if refs:
                self._refers[u.anchor] = refs

    def _paragraph_refs(self, unit: Unit) -> tuple[str, ...]:
        """The paragraphs a unit's text points at by number ("上文第 5 段"): in its own
        document and part (a Conclusions point points at a Conclusions paragraph)."""
        part = re.match(r"[A-Za-z]*", unit.locator)
        prefix = part.group(0) if part else ""
        found = []
        for m in _PARAGRAPH_REF.finditer(unit.text):
            target = f"{unit.doc_id}#{prefix}{m.group(1)}" + (f".{m.group(2)}" if m.group(2) else "")
            if self._corpus.get(target) is not None and target != unit.anchor:
                found.append(target)
        return tuple(dict.fromkeys(found))

    def refers_to(self, anchor: str) -> tuple[str, ...]:
        """The paragraphs a unit's own text refers to by number."""
        return self._refers.get(anchor, ())

    def referred_by(self, anchor: str) -> tuple[str, ...]:
        """The units whose text refers by number to `anchor`, to a paragraph holding it or
        to a part of it."""
        return self._sorted(u for u, targets in self._refers.items()
                            if any(contains(anchor, t) or contains(t, anchor) for t in targets))

    def in_order(self, anchors: Iterable[str]) -> tuple[str, ...]:
        """Anchors without repeats, in document order."""
        return tuple(sorted(dict.fromkeys(anchors), key=lambda a: self._order.get(a, len(self._order))))

    _sorted = in_order

    def planned_in(self, row: str) -> tuple[str, ...]:
        """The strategy items that plan the same work as an Appendix output."""
        return self._plans.get(row, ())

    def outputs_planned_in(self, anchor: str) -> tuple[str, ...]:
        """The outputs whose work a strategy paragraph or item (or one inside it) plans."""
        return self._sorted(r for r, ps in self._plans.items()
                            if any(contains(anchor, p) or contains(p, anchor) for p in ps))

    def mentions_of(self, instrument_id: str) -> tuple[str, ...]:
        """The units whose own text names an instrument, in any written form."""
        return tuple(self._mentions.get(instrument_id, ()))

    def instruments(self) -> tuple[str, ...]:
        """Every instrument the corpus names, in order of first mention."""
        return tuple(sorted(self._mentions, key=lambda i: self._order[self._mentions[i][0]]))

    def points_without_outputs(self) -> tuple[str, ...]:
        """The Conclusions points, in the paragraphs the Appendix cites, that no output cites:
        staff need to know what the action plan leaves without an output. A lettered point
        with sub-items none of which is cited (14(a)) comes before them."""
        cited = [p for u in self.rows if u.row for p in u.row.points]
        paragraphs = {p.partition("#")[0] + "#" + p.partition("#")[2].split(".")[0] for p in cited}
        return tuple(u.anchor for u in self._corpus.units()
                     if any(contains(par, u.anchor) and par != u.anchor for par in paragraphs)
                     and not any(contains(u.anchor, c) or contains(c, u.anchor) for c in cited))

    def chain(self, anchor: str) -> Trace:
        """The mandate chain of an output (the points it answers, the strategy items that
        plan it), of a Conclusions point (the outputs answering it, none included, and their
        strategy items) or of a strategy item (the outputs it plans and their points)."""
        unit = self._corpus.get(anchor)
        if unit is None:
            return Trace(anchor)
        if unit.row is not None:
            return Trace(anchor, cites=self._sorted(unit.row.points), plans=(),
                         planned_in=self.planned_in(anchor))
        outputs = self.outputs_for_points([anchor]) if unit.doc_id != "GB.346/INS/4" else []
        if outputs:
            items = self._sorted(p for r in outputs for p in self.planned_in(r))
            return Trace(anchor, cited_by=self._sorted(outputs), planned_in=items)
        rows = self.outputs_planned_in(anchor)
        points = self._sorted(p for r in rows for u in [self._corpus.get(r)] if u and u.row
                              for p in u.row.points)
        return Trace(anchor, plans=rows, cites=points)

    def trace(self, ref: str) -> Trace:
        """What an anchor or an instrument (`C142`, `R195`, `CENTENARY-2019`) cites, what
        cites it, where it is mentioned."""
        if "#" not in ref:
            known = instrument(ref)
            return Trace(ref, mentioned_in=self.mentions_of(ref),
                         extra={"title_zh": known.zh, "title_en": known.en} if known else {})
        unit = self._corpus.get(ref)
        if unit is None:
            return Trace(ref)
        inside = [u for u in self._corpus.units() if contains(ref, u.anchor)]
        cites = [p for u in inside if u.row for p in u.row.points]
        cites += [t for u in inside for t in self.refers_to(u.anchor) if not contains(ref, t)]
        rows = [r.anchor for r in self.rows if r.row
                and any(contains(ref, p) or contains(p, ref) for p in r.row.points)]
        planned = [p for u in inside for p in self.planned_in(u.anchor)]
        mentions = [i for u in inside for i in mentioned_instruments(u.text)]
        return Trace(ref, cites=self._sorted(cites), cited_by=self._sorted(rows),
                     planned_in=self._sorted(planned), plans=self.outputs_planned_in(ref),
                     mentions=tuple(dict.fromkeys(mentions)),
                     mentioned_in=tuple(a for a in self.referred_by(ref) if not contains(ref, a)))

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
        """Rows listing an SDG target ("4.4"), or for a goal ("4") the goal or any of its
        targets."""
        def has(t: str) -> bool:
            return t == target or ("." not in target and t.split(".")[0] == target)
        return [u.anchor for u in self.rows if u.row and any(has(t) for t in u.row.sdg_targets)]

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
