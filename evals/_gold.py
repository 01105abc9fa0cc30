"""Gold questions as JSON Lines (`{"id", "lang", "type", "question", "gold"}`, optional
`near_topic` and `of`), read with line-numbered errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA = Path(__file__).parent
DEV = DATA / "gold_dev.jsonl"
TEST = DATA / "gold_test.jsonl"  # sealed: only aggregate numbers are ever shown
REWORDINGS = DATA / "rewordings_dev.jsonl"  # two rewordings of 50 dev questions
STARTER = DATA / "starter.jsonl"  # the 13 starter questions the tests hold the system to

QType = Literal["fact", "mandate", "list", "obligation", "out_of_scope"]
TYPES = ("fact", "mandate", "list", "obligation", "out_of_scope")


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
    near_topic: bool = False  # out of scope, but about things the documents name
    of: str = ""  # for a rewording: the id of the question it rewords

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
                near_topic=bool(raw.get("near_topic", False)), of=str(raw.get("of", "")),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(
                f"{path}:{n}: not a question object ({exc}); each line must be "
                '{"id", "lang", "type", "question", "gold"}'
            ) from exc
        if q.lang not in ("zh", "en") or q.type not in TYPES:
            raise GoldError(f"{path}:{n}: lang must be zh|en and type one of {'|'.join(TYPES)}")
        if (q.type == "out_of_scope") != (not q.gold):
            raise GoldError(f"{path}:{n}: gold must be [] exactly for out_of_scope questions")
        out.append(q)
    if not out:
        raise GoldError(f"{path} holds no questions")
    return out


def default_questions() -> list[Question]:
    """The project's own questions that may be looked at one by one: the dev part (the
    sealed test part is run with `ilo-qa eval --split test`, which shows aggregates only)."""
    return read_questions(DEV, "dev")
