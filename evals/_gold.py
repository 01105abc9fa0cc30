"""Gold questions in the SPEC's JSON Lines format, read with line-numbered errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA = Path(__file__).parent
DEV = DATA / "gold_dev.jsonl"
TEST = DATA / "gold_test.jsonl"

QType = Literal["fact", "mandate", "out_of_scope"]


class GoldError(ValueError):
    """A question file is unreadable or malformed; the message names the file and line."""


@dataclass(frozen=True)
class Question:
    id: str
    lang: Literal["zh", "en"]
    type: QType
    question: str
    gold: tuple[str, ...]
    split: str = ""

    @property
    def in_scope(self) -> bool:
        return self.type != "out_of_scope"


def read_questions(path: Path, split: str = "") -> list[Question]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read question file {path}: {exc.strerror}") from exc
    out: list[Question] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            q = Question(
                id=str(raw["id"]), lang=raw["lang"], type=raw["type"],
                question=str(raw["question"]), gold=tuple(raw["gold"]), split=split,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(
                f"{path}:{n}: not a question object ({exc}); each line must be "
                '{"id", "lang", "type", "question", "gold"} as in SPEC.md'
            ) from exc
        if q.lang not in ("zh", "en") or q.type not in ("fact", "mandate", "out_of_scope"):
            raise GoldError(f"{path}:{n}: lang must be zh|en and type fact|mandate|out_of_scope")
        if (q.type == "out_of_scope") != (not q.gold):
            raise GoldError(f"{path}:{n}: gold must be [] exactly for out_of_scope questions")
        out.append(q)
    if not out:
        raise GoldError(f"{path} holds no questions")
    return out


def default_questions() -> list[Question]:
    """The project's own gold set: dev and test parts together."""
    return read_questions(DEV, "dev") + read_questions(TEST, "test")
