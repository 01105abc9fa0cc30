"""The assistant: retrieve, decide whether to abstain, then hand the evidence to the
answer-writing stage. One object holds the loaded corpus, embedder and index, so a process
pays start-up once and every question after that costs one query embedding plus a lookup."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from corpus import Corpus, label, load_corpus
from index import Hit, Index, VectorEmbedder, make_embedder, naive_index, open_index

from ._abstain import Abstention
from ._answer import Answer, Citation, Lang, QuestionError
from ._extractive import ABSTAIN, Answerer, ExtractiveAnswerer
from ._lang import detect
from ._scope import Lack, Scope
from ._settings import Retriever, Settings

if TYPE_CHECKING:
    from index import NaiveIndex

_WEAK = Lack("weak evidence: the question is not close enough to any paragraph")
RETRIEVERS: tuple[Retriever, ...] = ("hybrid", "dense", "bm25", "naive")
MAX_K = 50


class Assistant:
    """Answers questions about the corpus with citations. Thread-safe for `ask`."""

    def __init__(
        self,
        settings: Settings,
        *,
        corpus: Corpus | None = None,
        embedder: VectorEmbedder | None = None,
        answerer: Answerer | None = None,
        build: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.settings = settings
        self.corpus = corpus or load_corpus()
        self.embedder = embedder or make_embedder(settings.embedder)
        self.index: Index = open_index(
            settings.index_dir, self.corpus, self.embedder, build=build, progress=progress
        )
        self.answerer: Answerer = answerer or ExtractiveAnswerer()
        self.abstention = Abstention.for_embedder(self.embedder, cache_dir=settings.home / "cache")
        self.scope = Scope.of(self.corpus)
        self._naive: NaiveIndex | None = None
        self._naive_lock = threading.Lock()

    def check(self, question: str, k: int) -> str:
        """The question, stripped, or a QuestionError saying what to change."""
        q = (question or "").strip()
        if not q:
            raise QuestionError("the question is empty; ask something, e.g. '支柱1涉及哪些方面？'")
        if len(q) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question has {len(q)} characters, more than the limit of "
                f"{self.settings.max_question_chars}; shorten it"
            )
        if not 1 <= k <= MAX_K:
            raise QuestionError(f"k must be between 1 and {MAX_K}, got {k}")
        return q

    def retrieve(
        self, question: str, k: int, retriever: Retriever, dense: np.ndarray
    ) -> list[Hit]:
        if retriever == "naive":
            return self.naive().search(question, k)
        if retriever not in RETRIEVERS:
            raise QuestionError(
                f"unknown retriever {retriever!r}; use one of {', '.join(RETRIEVERS)}"
            )
        return self.index.search(question, k, retriever, dense=dense)

    def refuses(
        self, question: str, lang: Lang, qvec: np.ndarray, dense: np.ndarray, hits: list[Hit]
    ) -> Lack | None:
        """Why the documents do not cover the question, or None (see `_abstain` and
        `_scope`). A question that names a paragraph, point or output of theirs, or a
        pillar's outputs, is about them whatever its similarity scores say."""
        if self.index.names_structure(question):
            return None
        margin = self.abstention.margin(float(dense.max()), qvec)
        if self.abstention.abstain(margin, lang, self.index.novelty(question)):
            return _WEAK
        if self.abstention.scope:
            return self.scope.lacks(question, [h.chunk.text for h in hits])
        return None

    def evidence(self, question: str) -> float:
        """How clearly the question is about these documents: the null-model margin (what
        the thresholds are calibrated on)."""
        qvec = self.index.embed(question)
        return self.abstention.margin(float(self.index.dense_scores(qvec).max()), qvec)

    def ask(self, question: str, k: int | None = None, retriever: Retriever | None = None) -> Answer:
        """Retrieve the k best units, abstain if the evidence is weak, else write an answer."""
        k = self.settings.k if k is None else k
        retriever = retriever or self.settings.retriever
        q = self.check(question, k)
        lang = detect(q)
        qvec = self.index.embed(q)
        dense = self.index.dense_scores(qvec)
        hits = self.retrieve(q, k, retriever, dense)
        lack = self.refuses(q, lang, qvec, dense, hits) if hits else _WEAK
        if lack:
            text = f"{ABSTAIN[lang]}{' ' if lang == 'en' else ''}{lack.say(lang)}".rstrip()
            return Answer(q, text, True, "extractive", (), lang, lack.reason)
        citations = tuple(self._citation(h, lang) for h in hits)
        written = self.answerer.write(q, lang, citations)
        return Answer(q, written.text, False, written.backend, citations, lang)

    def _citation(self, hit: Hit, lang: Lang) -> Citation:
        anchor = hit.anchor
        name = label(anchor, lang) if "#" in anchor else anchor  # a naive chunk may cover no unit
        return Citation(anchor, name, hit.chunk.text, hit.score, hit.chunk.covers)

    def naive(self) -> NaiveIndex:
        """The textbook baseline, built in memory on first use."""
        with self._naive_lock:
            if self._naive is None:
                self._naive = naive_index(self.corpus, self.embedder)
            return self._naive

    def timed_embedding(self, question: str) -> float:
        """Seconds to embed a question alone: the floor under any answer's latency."""
        t = time.perf_counter()
        self.embedder.query(question)
        return time.perf_counter() - t
