"""The index on disk: a readable folder (`faiss.index`, `chunks.json`, `manifest.json`, and
the glossary terms' query vectors: `terms.npy` rows in the order of `terms.json`).

Builds go to a new folder under `builds/`; a one-line `CURRENT` file names the live one and
is replaced atomically, so a reader sees either the old index or the new one, never half. The
build it replaces is kept (a reader may be opening it); older ones and the leftovers of
interrupted builds are removed by the next build, which holds a lock while it writes."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from pydantic import BaseModel, ConfigDict

from ._chunks import Chunk

FORMAT = 6
_FILES = ("faiss.index", "chunks.json", "terms.json", "terms.npy")


class IndexStateError(RuntimeError):
    """The index is missing, stale or damaged; the message says which and what to run."""


class Manifest(BaseModel):
    """What an index was built from, so a mismatch is noticed before it answers. Read with
    strict types: a field of the wrong type is damage, reported, never used."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    format: int
    embedder: str
    dimension: int
    corpus_sha256: str
    documents: dict[str, dict[str, str]]
    files: dict[str, str]
    shape: dict[str, Any]
    versions: dict[str, str]
    chunks: int
    embedded: int
    built_at: str
    build_seconds: float


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,80}$")


def current_dir(root: Path) -> Path | None:
    """The live build folder named by `CURRENT`, or None when nothing was built yet or the
    pointer is damaged (not a build's name): then the index is rebuilt, never half-read."""
    try:
        name = (root / "CURRENT").read_bytes().decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    folder = root / "builds" / name
    return folder if _NAME.match(name) and folder.is_dir() else None


@contextlib.contextmanager
def _build_lock(builds: Path) -> Iterator[None]:
    """One build at a time writes, switches and cleans up (across processes)."""
    with (builds / ".lock").open("a+b") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Stored:
    """What a build folder holds, read and checked."""

    manifest: Manifest
    chunks: list[Chunk]
    tokens: list[list[str]]
    tokens_en: list[list[str]]
    faiss_index: Any
    terms: dict[str, np.ndarray]


def write(
    root: Path, chunks: list[Chunk], tokens: list[list[str]], tokens_en: list[list[str]],
    vectors: np.ndarray, manifest: dict[str, Any], terms: dict[str, np.ndarray],
) -> Path:
    """Write a complete build next to the live one, then switch `CURRENT` to it."""
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    with _build_lock(builds):
        return _write_locked(root, builds, chunks, tokens, tokens_en, vectors, manifest, terms)


def _write_locked(
    root: Path, builds: Path, chunks: list[Chunk], tokens: list[list[str]], tokens_en: list[list[str]],
    vectors: np.ndarray, manifest: dict[str, Any], terms: dict[str, np.ndarray],
) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=builds))
    try:
        (tmp / "terms.json").write_text(json.dumps(list(terms), ensure_ascii=False, indent=0),
                                        encoding="utf-8")
        rows = np.stack(list(terms.values())) if terms else np.empty((0, vectors.shape[1]))
        np.save(tmp / "terms.npy", rows.astype(np.float32), allow_pickle=False)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(index, str(tmp / "faiss.index"))
        records = [
            {"anchor": c.anchor, "covers": list(c.covers), "text": c.text, "context": c.context,
             "text_en": c.text_en, "context_en": c.context_en, "tokens": t, "tokens_en": te}
            for c, t, te in zip(chunks, tokens, tokens_en, strict=True)
        ]
        (tmp / "chunks.json").write_text(
            json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        manifest = {**manifest, "files": {f: sha256_file(tmp / f) for f in _FILES}}
        (tmp / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        # Unique, so a build never replaces a folder a reader may be opening.
        stamp = manifest["built_at"].replace(":", "").replace("-", "")
        name = f"{stamp}-{manifest['files']['chunks.json'][:8]}-{secrets.token_hex(4)}"
        final = builds / name
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    previous = current_dir(root)
    pointer = root / "CURRENT.tmp"
    pointer.write_text(name + "\n", encoding="utf-8")
    os.replace(pointer, root / "CURRENT")
    # Kept: the new build and the one it replaces (a reader may still be opening it). Gone:
    # older builds and what interrupted builds left (under the lock no other build is writing).
    keep = {name, previous.name if previous else ""}
    for old in builds.iterdir():
        if old.is_dir() and old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    return final


def read(folder: Path) -> Stored:
    """Load a build folder, checking every file against the manifest's checksums."""
    try:
        raw = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest = Manifest.model_validate(raw)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexStateError(
            f"index manifest in {folder} is unreadable ({exc}); rebuild with: ilo-qa build"
        ) from exc
    if manifest.format != FORMAT:
        raise IndexStateError(
            f"index in {folder} has format {manifest.format}, this version reads {FORMAT}; "
            "rebuild with: ilo-qa build"
        )
    for name in _FILES:
        path = folder / name
        if not path.is_file() or sha256_file(path) != manifest.files.get(name):
            raise IndexStateError(
                f"index file {path} is missing or does not match its checksum; "
                "rebuild with: ilo-qa build"
            )
    try:
        records = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        chunks = [Chunk(str(r["anchor"]), str(r["text"]), str(r["context"]),
                        tuple(map(str, r["covers"])), str(r["text_en"]), str(r["context_en"]))
                  for r in records]
        tokens = [list(map(str, r["tokens"])) for r in records]
        tokens_en = [list(map(str, r["tokens_en"])) for r in records]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexStateError(
            f"index file {folder / 'chunks.json'} is not a chunk list ({exc!r}); "
            "rebuild with: ilo-qa build"
        ) from exc
    index = faiss.read_index(str(folder / "faiss.index"))
    views = int(manifest.shape.get("views", 2))
    if index.ntotal != views * len(chunks) or index.d != manifest.dimension:
        raise IndexStateError(
            f"index in {folder} holds {index.ntotal} vectors of dimension {index.d} for "
            f"{len(chunks)} chunks ({views} per chunk expected); rebuild with: ilo-qa build"
        )
    return Stored(manifest, chunks, tokens, tokens_en, index, _terms(folder, manifest.dimension))


def _terms(folder: Path, dim: int) -> dict[str, np.ndarray]:
    """The glossary terms' query vectors (already checked against the manifest)."""
    try:
        names = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        rows = np.load(folder / "terms.npy", allow_pickle=False)
        if (not isinstance(names, list) or not all(isinstance(n, str) for n in names)
                or rows.dtype != np.float32 or rows.shape != (len(names), dim)
                or not np.isfinite(rows).all()):
            raise ValueError(f"{len(names)} terms, vectors {rows.dtype} {rows.shape}")
    except (OSError, ValueError, TypeError) as exc:
        raise IndexStateError(
            f"index files {folder / 'terms.json'} and terms.npy do not match ({exc}); "
            "rebuild with: ilo-qa build"
        ) from exc
    rows.setflags(write=False)
    return {n: rows[i] for i, n in enumerate(names)}
