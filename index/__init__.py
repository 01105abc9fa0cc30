"""Stage 2: chunks of the corpus in a hybrid (dense + BM25) index kept as a readable folder.

Public verbs: `build_index()`, `open_index()`, `Index.search()`; embedders from
`make_embedder()`; `naive_index()` is the textbook LangChain baseline for comparison."""

from typing import TYPE_CHECKING

from ._bm25 import BM25
from ._chunks import Chunk, context, unit_chunks
from ._embedders import (
    DEFAULT_EMBEDDER,
    E5Q4Embeddings,
    EmbedderError,
    SentenceTransformerEmbeddings,
    VectorEmbedder,
    make_embedder,
)
from ._glossary import GLOSSARY, SOURCES, expand, unknown_words
from ._index import MODES, Hit, Index, Mode, Tuning, build_index, open_index, stale_reason
from ._retriever import IndexRetriever
from ._store import IndexStateError, Manifest
from ._tokens import tokens

if TYPE_CHECKING:
    from corpus import Corpus

    from ._naive import NaiveIndex


def __getattr__(name: str) -> object:
    """`NaiveIndex` is imported on first use only (see `naive_index`)."""
    if name == "NaiveIndex":
        from ._naive import NaiveIndex

        return NaiveIndex
    raise AttributeError(f"module 'index' has no attribute {name!r}")


def naive_index(corpus: "Corpus", embedder: VectorEmbedder) -> "NaiveIndex":
    """The textbook LangChain baseline, imported on demand (langchain-community is slow to
    import and only the evaluation needs it)."""
    from ._naive import NaiveIndex

    return NaiveIndex(corpus, embedder)


__all__ = [
    "BM25",
    "DEFAULT_EMBEDDER",
    "GLOSSARY",
    "MODES",
    "SOURCES",
    "Chunk",
    "E5Q4Embeddings",
    "EmbedderError",
    "Hit",
    "Index",
    "IndexRetriever",
    "IndexStateError",
    "Manifest",
    "Mode",
    "NaiveIndex",
    "SentenceTransformerEmbeddings",
    "Tuning",
    "VectorEmbedder",
    "build_index",
    "context",
    "expand",
    "make_embedder",
    "naive_index",
    "open_index",
    "stale_reason",
    "tokens",
    "unit_chunks",
    "unknown_words",
]
