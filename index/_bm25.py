"""Okapi BM25 over the chunks' stored tokens; small enough to rebuild at load in
milliseconds, so the saved index keeps only readable token lists."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np


class BM25:
    """Scores every chunk for a list of query tokens (k1 and b recorded in the manifest)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.n = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if self.n else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                postings[term].append((i, tf * (k1 + 1) / (tf + norm[i])))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._idf: dict[str, float] = {}
        for term, plist in postings.items():
            df = len(plist)
            self._idf[term] = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            self._postings[term] = (
                np.array([i for i, _ in plist], dtype=np.int64),
                np.array([w for _, w in plist], dtype=np.float32),
            )

    def scores(self, query: list[str]) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        for term in set(query):
            hit = self._postings.get(term)
            if hit is not None:
                out[hit[0]] += self._idf[term] * hit[1]
        return out

    def idf(self, term: str) -> float:
        return self._idf.get(term, 0.0)
