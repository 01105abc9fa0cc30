"""When to say that the documents do not cover a question.

The signal is the best cosine similarity between the question and any paragraph; its
threshold depends on the embedder and on the question's language (English questions
against Chinese text score lower across the board), so it is calibrated per pair on the
dev questions (`make calibrate`) and stored in `calibration.json`, not guessed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ._answer import Lang

CALIBRATION = Path(__file__).with_name("calibration.json")


@dataclass(frozen=True)
class Abstention:
    thresholds: dict[str, float]

    def abstain(self, best_dense: float, lang: Lang) -> bool:
        t = self.thresholds.get(lang)
        return t is not None and best_dense < t

    @classmethod
    def for_embedder(cls, embedder_id: str, path: Path = CALIBRATION) -> Abstention:
        """Thresholds for this embedder; none (never abstain) for an uncalibrated one."""
        table = json.loads(path.read_text(encoding="utf-8"))
        entry = table.get(embedder_id, {})
        return cls({k: float(v) for k, v in entry.items() if k in ("zh", "en")})
