"""Passage vectors kept by text hash, so a rebuild embeds only the texts that changed (a
changed glossary or calibration, a new BM25 setting, an added document).

The package ships a seed of the same form (`index/seed/`): the default embedder's vectors of
the shipped documents' chunks, so a first build on a new machine embeds nothing it does not
have to. `make seed` rewrites it; a test checks that it covers every chunk and that its
vectors are what the embedder gives.

One pair of files per embedder under the cache folder: `<key>.npy` (float32 rows, saved and
read with `allow_pickle=False`) and `<key>.json` (the SHA-256 of each row's text, in row
order, and the checksum of the `.npy`). A file that does not verify is ignored and
rewritten: a cache can cost time, never change an answer."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


QUERY = "\x00query\x00"  # key prefix of a text's query vector (no passage text starts so)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


SEED_DIR = Path(__file__).with_name("seed")


def cache_files(folder: Path, embedder_id: str) -> tuple[Path, Path]:
    """The `.npy` and `.json` of one embedder's vectors in a folder."""
    name = hashlib.sha256(embedder_id.encode()).hexdigest()[:16]
    return folder / f"embeddings-{name}.npy", folder / f"embeddings-{name}.json"


def _read(folder: Path, embedder_id: str, dim: int) -> dict[str, np.ndarray]:
    """The vectors of a cache folder by text key; empty when missing or not verified."""
    npy, meta_file = cache_files(folder, embedder_id)
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("sha256") != _sha(npy):
            return {}
        keys = meta["keys"]
        vectors = np.load(npy, allow_pickle=False)
        if (not isinstance(keys, list) or vectors.ndim != 2 or vectors.shape != (len(keys), dim)
                or vectors.dtype != np.float32 or not np.isfinite(vectors).all()):
            return {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # missing or damaged: recomputed, never trusted
    return {str(k): vectors[i] for i, k in enumerate(keys)}


class EmbeddingCache:
    """Vectors of one embedder, by text: the user's cache over the shipped seed. Not
    thread-safe: one build at a time writes it."""

    def __init__(self, folder: Path | None, embedder_id: str, dim: int,
                 seed: Path | None = SEED_DIR) -> None:
        files = cache_files(folder, embedder_id) if folder else None
        self._npy: Path | None = files[0] if files else None
        self._meta: Path | None = files[1] if files else None
        self._dim = dim
        self._rows: dict[str, np.ndarray] = _read(seed, embedder_id, dim) if seed else {}
        if folder is not None:
            self._rows.update(_read(folder, embedder_id, dim))

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, text: str) -> np.ndarray | None:
        return self._rows.get(text_key(text))

    def put(self, text: str, vector: np.ndarray) -> None:
        self._rows[text_key(text)] = np.asarray(vector, dtype=np.float32)

    def save(self, keep: list[str]) -> None:
        """Write the vectors of the texts in `keep` (the current build's), atomically; the
        rest are dropped so the cache does not grow without bound."""
        if self._npy is None or self._meta is None:
            return
        self.write(self._npy, self._meta, keep)

    def write(self, npy: Path, meta_file: Path, keep: list[str]) -> None:
        """Write the vectors of `keep` to a pair of files (the user's cache, or the seed)."""
        keys = [k for k in dict.fromkeys(text_key(t) for t in keep) if k in self._rows]
        vectors = np.stack([self._rows[k] for k in keys]) if keys else np.empty((0, self._dim), np.float32)
        try:
            npy.parent.mkdir(parents=True, exist_ok=True)
            tmp_npy = npy.with_suffix(".tmp.npy")
            np.save(tmp_npy, vectors.astype(np.float32), allow_pickle=False)
            meta = {"keys": keys, "sha256": _sha(tmp_npy), "dimension": self._dim}
            tmp_meta = meta_file.with_suffix(".tmp.json")
            tmp_meta.write_text(json.dumps(meta), encoding="utf-8")
            os.replace(tmp_npy, npy)
            os.replace(tmp_meta, meta_file)
        except OSError:
            pass  # a read-only home only costs the embedding next time
