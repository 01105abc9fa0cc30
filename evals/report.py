"""`make eval`: write evals/REPORT.md from one run. Every number in it is measured by this
command (nothing is written by hand): retrievers side by side on dev and test, by language
and question type, every test failure grouped by cause, and the history of changes, each
re-measured by switching it off and on."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assistant import RETRIEVERS, Abstention, Assistant, Settings, Tuning

from ._gold import DEV, TEST, Question, read_questions
from ._metrics import Outcome, first_rank, report, summarize
from ._run import run
from .calibrate import fit

REPORT = Path(__file__).with_name("REPORT.md")


@dataclass(frozen=True)
class Step:
    what: str
    tuning: Tuning
    signal: str
    novelty: bool = False
    scope: bool = False


_HAND, _DOCS = ("hand",), ("hand", "documents")
_LEX = ("hand", "documents", "lexicon", "generic")
_BASE = Tuning(lexical=1.0, glossary=False, dense_glossary=False, mentions=False,
               glossary_sources=_HAND, bare_view=False, filters=False, rows_first=False)
HISTORY: tuple[Step, ...] = (
    Step("baseline: dense + BM25 fused by RRF (k=60, equal weights); abstain on raw best cosine",
         _BASE, "cosine"),
    Step("+ bilingual glossary: Chinese terms added to the BM25 query of English questions",
         replace(_BASE, glossary=True), "cosine"),
    Step("+ units the question names (Conclusions point, paragraph, output, SDG, P&B) pinned first",
         replace(_BASE, glossary=True, mentions=True), "cosine"),
    Step("abstention on a null-model margin (best paragraph − best everyday passage)",
         replace(_BASE, glossary=True, mentions=True), "margin"),
    Step("+ glossary terms appended to the embedded English question",
         replace(_BASE, glossary=True, mentions=True, dense_glossary=True), "margin"),
    Step("lexical weight 1.5 in the fusion",
         replace(_BASE, lexical=1.5, glossary=True, mentions=True, dense_glossary=True), "margin"),
    Step("+ 232 glossary entries drawn from the documents' own vocabulary (314 in all)",
         replace(_BASE, lexical=1.5, glossary=True, mentions=True, dense_glossary=True,
                 glossary_sources=_DOCS), "margin"),
    Step("+ abstention also on novelty: share of a Chinese question's words the documents never use",
         replace(_BASE, lexical=1.5, glossary=True, mentions=True, dense_glossary=True,
                 glossary_sources=_DOCS), "margin", novelty=True),
    Step("+ a second vector per chunk without the context header; a chunk scores the better one",
         Tuning(lexical=1.5, glossary_sources=_DOCS, filters=False, rows_first=False), "margin",
         novelty=True),
    Step("lexical weight back to 1.0, the dense side being stronger now",
         Tuning(glossary_sources=_DOCS, filters=False, rows_first=False), "margin", novelty=True),
    Step("+ questions about the outputs of pillar N (or of pillar N only) / component N, or "
         "outputs without a Conclusions point: those rows first, never abstained",
         Tuning(glossary_sources=_DOCS, rows_first=False), "margin", novelty=True),
    Step("+ English for the rest of the documents' content words (749 glossary entries, 88 of "
         "them generic), in the lexical and the dense query",
         Tuning(glossary_sources=_LEX, rows_first=False), "margin", novelty=True),
    Step("+ abstention on what the question asks for: a figure the retrieved paragraphs do not "
         "state, an instrument's provisions, a title, year or English name the documents never "
         "mention, an address, who holds an office now",
         Tuning(glossary_sources=_LEX, rows_first=False), "margin", novelty=True, scope=True),
    Step("+ a \"which output\" question gets the Appendix rows of its top 10 first",
         Tuning(glossary_sources=_LEX), "margin", novelty=True, scope=True),
    Step("+ plain-language paraphrases and acronyms for 548 glossary entries (3,049 phrases: "
         "\"development banks\", \"paid time off to study\", \"unhcr\") (shipped)",
         Tuning(), "margin", novelty=True, scope=True),
)


def _configure(a: Assistant, step: Step, dev: Sequence[Question]) -> None:
    """Set a step's knobs and calibrate its abstention on dev, as `make calibrate` does."""
    a.index.tuning = step.tuning
    a.abstention = Abstention(a.embedder, {}, signal="cosine" if step.signal == "cosine" else "margin",
                              cache_dir=a.abstention.cache_dir, scope=step.scope)
    fitted = {key: v["threshold"] for key, v in fit(a, dev).items()}
    if not step.novelty:
        fitted.pop("zh_novelty", None)
    a.abstention.thresholds = fitted


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def _row(name: str, m: dict[str, Any]) -> str:
    lat = m["latency_ms"]
    return (f"| {name} | {m['n']} | {_f(m['recall_at_k'])} | {_f(m['recall_at_k_lenient'])} | "
            f"{_f(m['mrr'])} | {_f(m['abstention_accuracy'])} | {_f(m['false_abstention_rate'])} | "
            f"{lat['p50']:.1f} | {lat['p95']:.1f} |")


_HEAD = ("| | n | R@5 strict | R@5 lenient | MRR | abstention acc. | false abstention | p50 ms | p95 ms |\n"
         "|---|---|---|---|---|---|---|---|---|")


def _cause(o: Outcome, q: Question, a: Assistant, lenient: bool) -> str:
    if not o.in_scope or o.abstained:
        return "abstention threshold"
    if lenient:
        return "gold ambiguity (a neighbouring or enclosing unit was cited)"
    if a.index.mentioned(q.question) or any("#A" in g for g in q.gold) or any(
        a.corpus.get(g) is not None and not a.corpus.unit(g).is_leaf for g in q.gold
    ):
        return "structure (Appendix row, named unit or a paragraph's lead-in)"
    if q.lang == "en":
        return "cross-lingual (English question, Chinese text)"
    return "segmentation / wording (Chinese question, lexical side missed)"


def main() -> int:
    a = Assistant(Settings())
    dev, test = read_questions(DEV, "dev"), read_questions(TEST, "test")
    shipped = Step("shipped", a.index.tuning, a.abstention.signal, novelty=True,
                   scope=a.abstention.scope)
    out = ["# Evaluation report", "",
           "Written by `make eval` (`python -m evals.report`); do not edit by hand. "
           f"k = 5; embedder `{a.embedder.id}`; dev {len(dev)} questions (tuned on), "
           f"test {len(test)} (never tuned on).", ""]

    results: dict[tuple[str, str], dict[str, Any]] = {}
    outcomes: dict[tuple[str, str], list[Outcome]] = {}
    for r in RETRIEVERS:
        for split, qs in (("dev", dev), ("test", test)):
            oc = run(a, qs, 5, r)
            outcomes[(r, split)] = oc
            results[(r, split)] = report(oc, 5, r)
            print(f"ran {r} on {split}", file=sys.stderr)

    out += ["## Retrievers side by side", "", _HEAD]
    for split in ("dev", "test"):
        for r in RETRIEVERS:
            out.append(_row(f"{r} · {split}", results[(r, split)]))
    gap = (results[("hybrid", "test")]["recall_at_k"] or 0) - (
        results[("naive", "test")]["recall_at_k_lenient"] or 0)
    out += ["", f"Hybrid minus naive (lenient) recall@5 on test: {gap:+.3f}.", ""]

    for key, title in (("by_lang", "By language"), ("by_type", "By question type")):
        out += [f"## {title}", "", _HEAD]
        for split in ("dev", "test"):
            for r in RETRIEVERS:
                for g, m in results[(r, split)][key].items():
                    out.append(_row(f"{r} · {split} · {g}", m))
        out.append("")

    out += ["## Test-set failures of the hybrid retriever, by cause", "",
            "Causes are assigned by rule, in this order: a wrong abstention decision; a strict "
            "miss that is a lenient hit; gold that is an Appendix row, a named unit or a "
            "paragraph's lead-in; an English question; otherwise a Chinese wording miss.", ""]
    qmap = {q.id: q for q in test}
    groups: dict[str, list[str]] = {}
    for o in outcomes[("hybrid", "test")]:
        q = qmap[o.id]
        ok = (o.abstained if not o.in_scope else first_rank(o) is not None)
        if ok:
            continue
        lenient = first_rank(o, lenient=True) is not None
        cited = ", ".join(c[0].split("#")[1] for c in o.cited) or "(abstained)"
        gold = ", ".join(g.split("#")[1] for g in o.gold) or "(abstain)"
        groups.setdefault(_cause(o, q, a, lenient), []).append(
            f"- `{o.id}` ({q.lang}, {q.type}) {q.question} — gold: {gold}; returned: {cited}")
    for cause in sorted(groups, key=lambda c: -len(groups[c])):
        out += [f"### {cause} ({len(groups[cause])})", "", *groups[cause], ""]

    out += ["## History", "",
            "Each line is one change, re-measured now by switching it on over the previous line "
            "(hybrid, k = 5; abstention recalibrated on dev for each line). Numbers: recall@5 "
            "strict / MRR / abstention accuracy / false abstention.", "",
            "| change | dev | test |", "|---|---|---|"]
    for step in HISTORY:
        _configure(a, step, dev)
        cells = []
        for qs in (dev, test):
            m = summarize(run(a, qs, 5, "hybrid"))
            cells.append(f"{_f(m['recall_at_k'])} / {_f(m['mrr'])} / "
                         f"{_f(m['abstention_accuracy'])} / {_f(m['false_abstention_rate'])}")
        out.append(f"| {step.what} | {cells[0]} | {cells[1]} |")
        print(f"history: {step.what}", file=sys.stderr)
    _configure(a, shipped, dev)
    REPORT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {REPORT}", file=sys.stderr)
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
