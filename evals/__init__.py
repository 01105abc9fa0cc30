"""Evaluation: gold questions, metrics, runs and the report. Uses only `assistant`'s API."""

from ._gold import DEV, REWORDINGS, STARTER, TEST, GoldError, Question, default_questions, read_questions
from ._metrics import (
    Outcome,
    coverage,
    first_rank,
    lenient_match,
    precision,
    report,
    strict_match,
    summarize,
)
from ._run import evaluate, run

__all__ = [
    "DEV",
    "REWORDINGS",
    "STARTER",
    "TEST",
    "GoldError",
    "Outcome",
    "Question",
    "coverage",
    "default_questions",
    "evaluate",
    "first_rank",
    "lenient_match",
    "precision",
    "read_questions",
    "report",
    "run",
    "strict_match",
    "summarize",
]
