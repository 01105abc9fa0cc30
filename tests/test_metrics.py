"""The metric functions on small hand-made cases."""

from __future__ import annotations

from evals import Outcome, coverage, first_rank, lenient_match, precision, report, strict_match, summarize

P25, P25A, P2 = "GB.346/INS/4#p25", "GB.346/INS/4#p25.a", "GB.346/INS/4#p2"


def _o(id_: str, gold: tuple[str, ...], cited: list[str], abstained: bool = False,
       lang: str = "zh", ms: float = 10.0) -> Outcome:
    type_ = "fact" if gold else "out_of_scope"
    return Outcome(id_, lang, type_, gold, tuple((c,) for c in cited), abstained, ms / 1000)


def test_strict_and_lenient_matching() -> None:
    assert strict_match(P25A, P25) and strict_match(P25, P25)
    assert not strict_match(P25, P25A)
    assert lenient_match(P25, P25A) and lenient_match(P25A, P25)
    assert not strict_match(P2, P25) and not lenient_match(P2, P25)
    assert not lenient_match("GB.346/INS/4#p2", "GB.346/INS/4#p25.a")


def test_first_rank_strict_lenient_and_abstained() -> None:
    o = _o("q", (P25A,), [P2, P25, P25A])
    assert first_rank(o) == 3 and first_rank(o, lenient=True) == 2
    assert first_rank(_o("q", (P25A,), [P25A], abstained=True)) is None
    multi = Outcome("q", "zh", "fact", (P25,), ((P2, P25A),), False, 0.0)
    assert first_rank(multi) == 1  # a chunk covering several anchors counts for each


def test_summary_counts_mrr_and_abstention() -> None:
    outcomes = [
        _o("a", (P25,), [P25A]),                 # hit at 1
        _o("b", (P25A,), [P2, P25]),             # strict miss, lenient hit at 2
        _o("c", (P25,), [P2, P2, P25]),          # hit at 3
        _o("d", (P25,), [], abstained=True),     # false abstention: a miss
        _o("e", (), [], abstained=True),         # out of scope, abstained
        _o("f", (), [P2], abstained=False),      # out of scope, answered
    ]
    m = summarize(outcomes)
    assert m["n"] == 6
    assert m["recall_at_k"] == 0.5
    assert m["recall_at_k_lenient"] == 0.75
    assert m["mrr"] == round((1 + 1 / 3) / 4, 4)
    assert m["abstention_accuracy"] == 0.5
    assert m["false_abstention_rate"] == 0.25


def test_coverage_complete_rate_and_set_precision() -> None:
    p25b = "GB.346/INS/4#p25.b"
    whole = Outcome("w", "en", "list", (P25A, p25b), ((P25A,), (p25b,)), False, 0.0)
    half = Outcome("h", "en", "list", (P25A, p25b), ((P25A,), (P2,), (P2,), (P2,)), False, 0.0)
    lead = Outcome("l", "en", "obligation", (P25A,), ((P25,),), False, 0.0)
    fact = Outcome("f", "en", "fact", (P25A,), ((P2,),), False, 0.0)
    assert coverage(whole) == 1.0 and precision(whole) == 1.0
    assert coverage(half) == 0.5 and precision(half) == 0.25
    # a citation of the whole enumeration contains its gold item: precise, but not coverage
    assert coverage(lead) == 0.0 and precision(lead) == 1.0
    m = summarize([whole, half, lead, fact])
    assert m["coverage"] == round((1 + 0.5 + 0 + 0) / 4, 4)
    assert m["complete_rate"] == 0.25
    assert m["set_precision"] == round((1 + 0.25 + 1) / 3, 4)  # the fact question is not a set
    assert summarize([fact])["set_precision"] is None


def test_latency_percentiles_and_groups() -> None:
    outcomes = [_o(str(i), (P25,), [P25], ms=float(i), lang="zh" if i % 2 else "en")
                for i in range(1, 101)]
    r = report(outcomes, k=5, retriever="hybrid")
    assert r["latency_ms"] == {"p50": 50.5, "p95": 95.05}
    assert set(r["by_lang"]) == {"zh", "en"} and r["by_lang"]["zh"]["n"] == 50
    assert r["by_type"]["fact"]["recall_at_k"] == 1.0
    assert r["questions"][0] == {"id": "1", "split": "", "hit": True, "hit_lenient": True,
                                 "rank": 1, "abstained": False, "cited": [P25], "ms": 1.0}
