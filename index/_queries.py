"""The query vectors an index keeps: a question is embedded once however many rankings and
checks use it, a repeated one not again, and a server that has several questions waiting
embeds them together (`prepare`) before answering them one by one."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from ._embedders import VectorEmbedder


class QueryVectors:
    """The last `size` texts' query vectors (least recently used dropped first). Read-only
    arrays, as they are shared between threads."""

    def __init__(self, embedder: VectorEmbedder, size: int = 1024) -> None:
        self._embedder = embedder
        self._size = size
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray:
        """The text's vector, embedded now if not kept."""
        with self._lock:
            vec = self._kept.get(text)
            if vec is not None:
                self._kept.move_to_end(text)
                return vec
        vec = np.asarray(self._embedder.query(text), dtype=np.float32)
        self._keep([(text, vec)])
        return vec

    def prepare(self, texts: list[str]) -> int:
        """Embed in one call the texts not kept yet (at most `size`); returns how many."""
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._kept][: self._size]
        if todo:
            self._keep(list(zip(todo, self._embedder.queries(todo), strict=True)))
        return len(todo)

    def _keep(self, pairs: list[tuple[str, np.ndarray]]) -> None:
        with self._lock:
            for text, vec in pairs:
                vec = np.asarray(vec, dtype=np.float32)
                vec.setflags(write=False)
                self._kept[text] = vec
                self._kept.move_to_end(text)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
