"""When a question is too far from the documents: the similarity signals.

On-topic questions that ask for what the documents lack are `_scope`'s to catch. Here:

- the margin: the best dense similarity to a paragraph minus the best similarity to a fixed
  set of everyday passages (a null model, `background.json`). Raw cosines of a small
  multilingual embedder are compressed (an off-topic Chinese question still scores 0.83
  against some paragraph) and English questions score lower against Chinese text, so the
  margin, not the cosine, is thresholded;
- novelty: the share of the question's content words that the documents (in any language
  version) never use ("德国", "sourdough").

Thresholds depend on the embedder and the question's language; `make calibrate` fits them on
the dev questions (`calibration.json`). An embedder with no thresholds is refused at start:
running it would answer everything."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from index import VectorEmbedder, Vocabulary, en_tokens, tagged

from ._answer import Lang
from ._question import Reading

CALIBRATION = Path(__file__).with_name("calibration.json")
BACKGROUND = Path(__file__).with_name("background.json")


class CalibrationError(RuntimeError):
    """The embedder has no abstention thresholds; the message says how to fit them."""


def background_passages(path: Path = BACKGROUND) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["passages"])


def calibration_sha256(path: Path = CALIBRATION) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Abstention:
    """Thresholds per language on the margin (`zh`, `en`) and on novelty (`zh_novelty`,
    `en_novelty`)."""

    embedder: VectorEmbedder
    thresholds: dict[str, float]
    signal: Literal["margin", "cosine"] = "margin"
    scope: bool = True  # also refuse what `_scope` finds the documents lack
    novelty: bool = True
    cache_dir: Path | None = None
    _background: np.ndarray | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def background(self) -> np.ndarray:
        """The null model's vectors: embedded on first use, then kept as a plain `.npy`
        (read with allow_pickle=False) whose checksum is kept beside it, so a new process
        loads them instead of embedding them again, and a damaged file is never used."""
        with self._lock:
            if self._background is None:
                self._background = self._load_or_embed()
            return self._background

    def _load_or_embed(self) -> np.ndarray:
        passages = background_passages()
        key = _sha("\0".join([self.embedder.id, *passages]).encode())[:16]
        path = self.cache_dir / f"null-model-{key}.npy" if self.cache_dir else None
        if path is not None:
            vecs = _read_checked(path, (len(passages), self.embedder.dim))
            if vecs is not None:
                return vecs
        vecs = self.embedder.passages(passages)
        if path is not None:
            _write_checked(path, vecs)
        return vecs

    def margin(self, best_dense: float, qvec: np.ndarray) -> float:
        """The evidence score; `cosine` (the raw best similarity) is kept for comparison."""
        if self.signal == "cosine":
            return best_dense
        return best_dense - float((self.background() @ qvec).max())

    def weak(self, margin: float, lang: Lang) -> bool:
        t = self.thresholds.get(lang)
        return t is not None and margin < t

    def novel(self, novelty: float, lang: Lang) -> bool:
        n = self.thresholds.get(f"{lang}_novelty")
        return self.novelty and n is not None and novelty > n

    @classmethod
    def for_embedder(
        cls, embedder: VectorEmbedder, cache_dir: Path | None = None, path: Path = CALIBRATION,
        *, required: bool = True, **options: object,
    ) -> Abstention:
        """The calibrated thresholds of this embedder; a `CalibrationError` when there are
        none (unless not `required`: `make calibrate` itself runs without them)."""
        table = json.loads(path.read_text(encoding="utf-8"))
        entry = table.get(embedder.id)
        if not isinstance(entry, dict) or not {"zh", "en"} <= set(entry):
            if required:
                raise CalibrationError(
                    f"embedder {embedder.id!r} has no abstention thresholds in {path.name}; "
                    "fit them on the dev questions with: make calibrate (then rebuild)"
                )
            entry = {}
        return cls(embedder, {k: float(v) for k, v in entry.items()}, cache_dir=cache_dir,
                   **options)  # type: ignore[arg-type]


def _read_checked(path: Path, shape: tuple[int, int]) -> np.ndarray | None:
    """The array at `path` if its `.sha256` file matches and it has the expected shape and
    finite values; None otherwise (it is then recomputed)."""
    try:
        data = path.read_bytes()
        if path.with_suffix(".sha256").read_text(encoding="ascii").strip() != _sha(data):
            return None
        vecs = np.load(path, allow_pickle=False)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if vecs.shape != shape or vecs.dtype != np.float32 or not np.isfinite(vecs).all():
        return None
    return np.asarray(vecs, dtype=np.float32)


def _write_checked(path: Path, vecs: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, np.asarray(vecs, dtype=np.float32), allow_pickle=False)
        sha_tmp = path.with_suffix(".sha256.tmp")
        sha_tmp.write_text(_sha(tmp.read_bytes()) + "\n", encoding="ascii")
        os.replace(tmp, path)
        os.replace(sha_tmp, path.with_suffix(".sha256"))
    except OSError:
        pass  # a read-only home only costs the embedding next time


# Nouns that talk about the documents, not about a topic ("哪些段落提到…").
_DOCUMENT_TALK_ZH = frozenset("段落 条目 文本 条款 地方 内容 部分 文件 段".split())


def content_words(reading: Reading) -> list[str]:
    """The words that carry a question's topic: nouns of two characters or more by jieba's
    dictionary (Chinese), stemmed content words of three letters or more (English)."""
    if reading.lang == "zh":
        return [w for w, flag in tagged(reading.norm)
                if len(w) > 1 and not w.isascii() and (flag[:1] == "n" or flag == "vn")
                and w not in _DOCUMENT_TALK_ZH]
    return [w for w in en_tokens(reading.norm) if len(w) > 2]


def unknown_words(reading: Reading, vocabulary: Vocabulary) -> list[str]:
    """The content words the documents never use, in the question's language (the Chinese
    text and the everyday words for its terms; the English versions and the glossary's
    English)."""
    if reading.lang == "zh":
        return [w for w in content_words(reading)
                if not (vocabulary.knows_zh(w) or vocabulary.says_zh(w))]
    return [w for w in content_words(reading) if f" {w} " not in vocabulary.en_stems]


def novelty(reading: Reading, vocabulary: Vocabulary) -> float:
    """Share of the question's content words the documents never use."""
    words = content_words(reading)
    return len(unknown_words(reading, vocabulary)) / len(words) if words else 0.0
