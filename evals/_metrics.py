"""Retrieval metrics as pure functions, so they can be checked on hand-made cases.

Strict: a citation equal to a gold anchor or inside it (`p25.a` for gold `p25`).
Lenient: also a citation that contains the gold anchor (`p25` for gold `p25.a`)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant import contains


@dataclass(frozen=True)
class Outcome:
    """One question's result: what was cited (each citation's covered anchors), whether the
    assistant abstained, and how long it took."""

    id: str
    lang: str
    type: str
    gold: tuple[str, ...]
    cited: tuple[tuple[str, ...], ...]
    abstained: bool
    seconds: float
    split: str = ""
    near_topic: bool = False

    @property
    def in_scope(self) -> bool:
        return bool(self.gold)


def strict_match(cited: str, gold: str) -> bool:
    return contains(gold, cited)


def lenient_match(cited: str, gold: str) -> bool:
    return contains(gold, cited) or contains(cited, gold)


def first_rank(o: Outcome, lenient: bool = False) -> int | None:
    """1-based rank of the first citation that matches a gold anchor, None if none does."""
    if o.abstained:
        return None
    match = lenient_match if lenient else strict_match
    for rank, covers in enumerate(o.cited, start=1):
        if any(match(c, g) for c in covers for g in o.gold):
            return rank
    return None


def coverage(o: Outcome) -> float:
    """Share of the gold set the answer cites (strict matching), for list and obligation
    questions whose gold is a whole set; 0 when it abstained."""
    if o.abstained or not o.gold:
        return 0.0
    cited = [c for covers in o.cited for c in covers]
    return sum(any(strict_match(c, g) for c in cited) for g in o.gold) / len(o.gold)


SET_TYPES = ("list", "obligation")


def precision(o: Outcome) -> float:
    """Share of the answer's citations that lie within its gold set (a citation of a whole
    enumeration counts when it contains a gold member), for list and obligation questions:
    coverage alone rewards citing everything. 0 when it abstained."""
    if o.abstained or not o.gold or not o.cited:
        return 0.0
    return sum(any(lenient_match(c, g) for c in covers for g in o.gold)
               for covers in o.cited) / len(o.cited)


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def _percentile(values: Sequence[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def summarize(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """The metric block of `ilo-qa eval --json` for a group of outcomes."""
    items = list(outcomes)
    scoped = [o for o in items if o.in_scope]
    oos = [o for o in items if not o.in_scope]
    ranks = [first_rank(o) for o in scoped]
    ms = [o.seconds * 1000 for o in items]
    covered = [coverage(o) for o in scoped]
    precise = [precision(o) for o in scoped if o.type in SET_TYPES]
    return {
        "n": len(items),
        "recall_at_k": _share([r is not None for r in ranks]),
        "recall_at_k_lenient": _share([first_rank(o, lenient=True) is not None for o in scoped]),
        "mrr": round(sum(1 / r for r in ranks if r) / len(ranks), 4) if ranks else None,
        "abstention_accuracy": _share([o.abstained for o in oos]),
        "abstention_accuracy_near_topic": _share([o.abstained for o in oos if o.near_topic]),
        "false_abstention_rate": _share([o.abstained for o in scoped]),
        "coverage": round(sum(covered) / len(covered), 4) if covered else None,
        "complete_rate": _share([c == 1.0 for c in covered]),
        "set_precision": round(sum(precise) / len(precise), 4) if precise else None,
        "latency_ms": {
            "p50": round(_percentile(ms, 50), 2) if ms else None,
            "p95": round(_percentile(ms, 95), 2) if ms else None,
        },
    }


def report(
    outcomes: Sequence[Outcome], k: int, retriever: str, *, sealed: bool = False
) -> dict[str, Any]:
    """Metrics overall, by language and by type, plus one record per question; a sealed
    set (the test part) gets the aggregates only, `questions` empty."""
    out: dict[str, Any] = {"retriever": retriever, "k": k, **summarize(outcomes)}
    for key in ("lang", "type"):
        groups = sorted({getattr(o, key) for o in outcomes})
        out[f"by_{key}"] = {
            g: summarize(o for o in outcomes if getattr(o, key) == g) for g in groups
        }
    out["sealed"] = sealed
    out["questions"] = [] if sealed else [
        {
            "id": o.id,
            "split": o.split,
            "hit": first_rank(o) is not None,
            "hit_lenient": first_rank(o, lenient=True) is not None,
            "rank": first_rank(o),
            "abstained": o.abstained,
            "cited": [list(c) if len(c) > 1 else c[0] for c in o.cited],
            "ms": round(o.seconds * 1000, 2),
        }
        for o in outcomes
    ]
    return out
