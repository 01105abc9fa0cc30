"""Stage 2: chunks of the corpus in a hybrid (dense + BM25) index kept as a readable folder.

Public verbs: `build_index()`, `open_index()`, `Index.search()`; embedders from
`make_embedder()`; `naive_index()` is the textbook LangChain baseline for comparison."""

from typing import TYPE_CHECKING

from ._aliases import ALIASES_SHA256, AliasesError, aliases
from ._bm25 import BM25
from ._build import build_index, build_texts, open_index, stale_reason, to_embed, write_seed
from ._cache import SEED_DIR, EmbeddingCache
from ._chunks import Chunk, context, unit_chunks
from ._embedders import (
    DEFAULT_EMBEDDER,
    E5Q4Embeddings,
    EmbedderError,
    SentenceTransformerEmbeddings,
    VectorEmbedder,
    make_embedder,
)
from ._glossary import GLOSSARY, SOURCES, expand
from ._index import MODES, Hit, Index, Mode, Shape, Tuning
from ._mentions import BUDGET_ASKED, SDG_COLUMN, OutputsOf
from ._retriever import DOCUMENT_PROMPT, SCORE_MEANING, IndexRetriever
from ._sections import Section
from ._store import IndexStateError, Manifest
from ._tokens import EN_STOP, en_tokens, en_words, proper_nouns, stem, tagged, tokens
from ._unheld import Unheld
from ._vocabulary import Vocabulary, periods_in, sessions_in, title_core, years_in

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
    "ALIASES_SHA256",
    "BM25",
    "BUDGET_ASKED",
    "DEFAULT_EMBEDDER",
    "DOCUMENT_PROMPT",
    "EN_STOP",
    "GLOSSARY",
    "MODES",
    "SCORE_MEANING",
    "SDG_COLUMN",
    "SEED_DIR",
    "SOURCES",
    "AliasesError",
    "Chunk",
    "E5Q4Embeddings",
    "EmbedderError",
    "EmbeddingCache",
    "Hit",
    "Index",
    "IndexRetriever",
    "IndexStateError",
    "Manifest",
    "Mode",
    "NaiveIndex",
    "OutputsOf",
    "Section",
    "SentenceTransformerEmbeddings",
    "Shape",
    "Tuning",
    "Unheld",
    "VectorEmbedder",
    "Vocabulary",
    "aliases",
    "build_index",
    "build_texts",
    "context",
    "en_tokens",
    "en_words",
    "expand",
    "make_embedder",
    "naive_index",
    "open_index",
    "periods_in",
    "proper_nouns",
    "sessions_in",
    "stale_reason",
    "stem",
    "tagged",
    "title_core",
    "to_embed",
    "tokens",
    "unit_chunks",
    "write_seed",
    "years_in",
]
