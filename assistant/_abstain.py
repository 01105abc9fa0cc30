"""When to say that the documents do not cover a question.

Raw cosine similarities of a small multilingual embedder are compressed (an off-topic
Chinese question still scores 0.83 against some paragraph) and English questions score
lower against Chinese text across the board. So the signal is a margin: the best similarity
to a paragraph minus the best similarity to a fixed set of everyday passages (a null
model, `background.json`). Its threshold depends on the embedder and the question's
language and is calibrated on the dev questions (`make calibrate` → `calibration.json`)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from index import VectorEmbedder

from ._answer import Lang

CALIBRATION = Path(__file__).with_name("calibration.json")
BACKGROUND = Path(__file__).with_name("background.json")


def background_passages(path: Path = BACKGROUND) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["passages"])


@dataclass
class Abstention:
    """Thresholds per language on the margin; none (never abstain) when uncalibrated."""

    embedder: VectorEmbedder
    thresholds: dict[str, float]
    signal: Literal["margin", "cosine"] = "margin"
    _background: np.ndarray | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def background(self) -> np.ndarray:
        """The null model's vectors, embedded once per process on first use."""
        with self._lock:
            if self._background is None:
                self._background = self.embedder.passages(background_passages())
            return self._background

    def margin(self, best_dense: float, qvec: np.ndarray) -> float:
        """The evidence score; `cosine` (the raw best similarity) is kept for comparison."""
        if self.signal == "cosine":
            return best_dense
        return best_dense - float((self.background() @ qvec).max())

    def abstain(self, margin: float, lang: Lang) -> bool:
        t = self.thresholds.get(lang)
        return t is not None and margin < t

    @classmethod
    def for_embedder(cls, embedder: VectorEmbedder, path: Path = CALIBRATION) -> Abstention:
        table = json.loads(path.read_text(encoding="utf-8"))
        entry = table.get(embedder.id, {})
        return cls(embedder, {k: float(entry[k]) for k in ("zh", "en") if k in entry})
