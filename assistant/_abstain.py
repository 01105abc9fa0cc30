"""When to say that the documents do not cover a question.

Two similarity signals live here; on-topic questions that ask for what the documents lack
are `_scope`'s to catch. The main signal is a margin of dense similarities (below). The
second, for Chinese questions only, is novelty: the share of the question's words that the
documents never use ("德国", "工资", "失业率"); English questions are not scored on it
because their words are English while the documents are Chinese.

Raw cosine similarities of a small multilingual embedder are compressed (an off-topic
Chinese question still scores 0.83 against some paragraph) and English questions score
lower against Chinese text across the board. So the signal is a margin: the best similarity
to a paragraph minus the best similarity to a fixed set of everyday passages (a null
model, `background.json`). Its threshold depends on the embedder and the question's
language and is calibrated on the dev questions (`make calibrate` → `calibration.json`)."""

from __future__ import annotations

import hashlib
import json
import os
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
    scope: bool = True  # also refuse what `_scope` finds the documents lack
    cache_dir: Path | None = None
    _background: np.ndarray | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def background(self) -> np.ndarray:
        """The null model's vectors: embedded on first use, then kept as a plain `.npy`
        (read with allow_pickle=False) named by the embedder and the passages' hash, so a
        new process loads them instead of embedding them again (0.3 s of a cold start)."""
        with self._lock:
            if self._background is None:
                self._background = self._load_or_embed()
            return self._background

    def _load_or_embed(self) -> np.ndarray:
        passages = background_passages()
        key = hashlib.sha256("\0".join([self.embedder.id, *passages]).encode()).hexdigest()[:16]
        path = self.cache_dir / f"null-model-{key}.npy" if self.cache_dir else None
        if path is not None and path.is_file():
            try:
                vecs = np.load(path, allow_pickle=False)
                if vecs.shape == (len(passages), self.embedder.dim):
                    return np.asarray(vecs, dtype=np.float32)
            except (OSError, ValueError):
                pass  # a damaged cache file is simply recomputed
        vecs = self.embedder.passages(passages)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npy")
                np.save(tmp, vecs, allow_pickle=False)
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only home only costs the embedding next time
        return vecs

    def margin(self, best_dense: float, qvec: np.ndarray) -> float:
        """The evidence score; `cosine` (the raw best similarity) is kept for comparison."""
        if self.signal == "cosine":
            return best_dense
        return best_dense - float((self.background() @ qvec).max())

    def abstain(self, margin: float, lang: Lang, novelty: float = 0.0) -> bool:
        """Too weak a margin, or (Chinese questions) too many words the documents never use."""
        t = self.thresholds.get(lang)
        n = self.thresholds.get(f"{lang}_novelty")
        return (t is not None and margin < t) or (n is not None and novelty > n)

    @classmethod
    def for_embedder(
        cls, embedder: VectorEmbedder, cache_dir: Path | None = None, path: Path = CALIBRATION
    ) -> Abstention:
        table = json.loads(path.read_text(encoding="utf-8"))
        entry = table.get(embedder.id, {})
        return cls(embedder, {k: float(v) for k, v in entry.items()}, cache_dir=cache_dir)
