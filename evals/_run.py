"""Run a question set through the assistant's public API and collect outcomes."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from assistant import Assistant, Retriever

from ._gold import Question
from ._metrics import Outcome, report


def run(
    assistant: Assistant, questions: Sequence[Question], k: int = 5,
    retriever: Retriever = "hybrid",
) -> list[Outcome]:
    """Ask every question once after one warm-up call; time each ask (warm latency)."""
    if questions:
        assistant.ask(questions[0].question, k=k, retriever=retriever)
    outcomes = []
    for q in questions:
        t = time.perf_counter()
        a = assistant.ask(q.question, k=k, retriever=retriever)
        seconds = time.perf_counter() - t
        cited = tuple(c.covers or (c.anchor,) for c in a.citations)
        outcomes.append(
            Outcome(q.id, q.lang, q.type, q.gold, cited, a.abstained, seconds, q.split,
                    q.near_topic)
        )
    return outcomes


def evaluate(
    assistant: Assistant, questions: Sequence[Question], k: int = 5,
    retriever: Retriever = "hybrid", *, sealed: bool = False,
) -> dict[str, Any]:
    """The `ilo-qa eval --json` object for one retriever (aggregates only when sealed)."""
    return report(run(assistant, questions, k, retriever), k, retriever, sealed=sealed)
