"""One settings model: every knob reachable from the environment, what shapes a build recorded
in its manifest (a change makes the index stale, with the reason), bad values refused in one
line, and a repository that stands alone."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from assistant import Settings, shape_of
from corpus import Corpus
from index import Index, Shape, VectorEmbedder, stale_reason
from ui import main

ROOT = Path(__file__).resolve().parents[1]


def test_nested_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILO_QA_RETRIEVAL_RRF_K", "30")
    monkeypatch.setenv("ILO_QA_INDEX_BM25_B", "0.5")
    monkeypatch.setenv("ILO_QA_ABSTENTION_NOVELTY", "false")
    monkeypatch.setenv("ILO_QA_ANSWER_QUOTES", "4")
    monkeypatch.setenv("ILO_QA_WEB_QUEUE_MAX_SIZE", "128")
    monkeypatch.setenv("ILO_QA_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("ILO_QA_MAX_QUESTION_CHARS", "500")
    s = Settings()
    assert s.retrieval.rrf_k == 30 and s.retrieval.tuning().k == 30
    assert s.index.bm25_b == 0.5 and shape_of(s).bm25_b == 0.5
    assert s.abstention.novelty is False and s.answer.quotes == 4
    assert s.web.queue_max_size == 128 and s.llm.base_url == "http://127.0.0.1:11434/v1"
    assert s.max_question_chars == 500


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = ["ILO_QA_HOME", "ILO_QA_EMBEDDER", "ILO_QA_RETRIEVER", "ILO_QA_K",
             "ILO_QA_MAX_QUESTION_CHARS"]
    for section in ("retrieval", "index", "abstention", "answer", "web", "llm", "ingest"):
        model = type(getattr(Settings(), section))
        names += [f"ILO_QA_{section.upper()}_{f.upper()}" for f in model.model_fields]
    missing = [n for n in names if f"`{n}`" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"bm25_k1": 1.5}, "the index was built with other settings (bm25_k1 changed)"),
        ({"views": 2}, "the index was built with other settings (views changed)"),
        ({"glossary": "0" * 64}, "the index was built with other settings (glossary changed)"),
        ({"calibration": "1" * 64},
         "the index was built with other settings (calibration changed)"),
    ],
)
def test_what_shaped_a_build_is_recorded_and_a_change_makes_it_stale(
    index: Index, corpus: Corpus, embedder: VectorEmbedder, tmp_path: Path,
    change: dict[str, object], reason: str,
) -> None:
    assert index.folder is not None
    root = tmp_path / "index"
    shutil.copytree(index.folder.parent.parent, root)
    manifest = index.manifest
    assert manifest is not None
    shape = Shape(**{**manifest.shape, **change})  # type: ignore[arg-type]
    assert stale_reason(root, corpus, embedder, Shape(**manifest.shape)) is None
    assert stale_reason(root, corpus, embedder, shape) == reason


def test_a_manifest_field_of_the_wrong_type_is_damage(
    index: Index, corpus: Corpus, embedder: VectorEmbedder, tmp_path: Path
) -> None:
    assert index.folder is not None
    root = tmp_path / "index"
    shutil.copytree(index.folder.parent.parent, root)
    live = root / "builds" / (root / "CURRENT").read_text().strip()
    manifest = json.loads((live / "manifest.json").read_text(encoding="utf-8"))
    (live / "manifest.json").write_text(json.dumps({**manifest, "files": []}), encoding="utf-8")
    reason = stale_reason(root, corpus, embedder)
    assert reason is not None and reason.startswith("index manifest in ")
    assert reason.endswith("; rebuild with: ilo-qa build") and "files" in reason


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("ILO_QA_EMBEDDER", "bogus", "ilo-qa: environment variable ILO_QA_EMBEDDER: Value error, "
         "unknown embedder 'bogus'; use 'e5-small-q4' or 'st:<sentence-transformers model name or "
         "local folder>'\n"),
        ("ILO_QA_RETRIEVAL_RRF_K", "0", "ilo-qa: environment variable ILO_QA_RETRIEVAL_RRF_K: "
         "Input should be greater than or equal to 1\n"),
    ],
)
def test_a_bad_setting_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    variable: str, value: str, message: str,
) -> None:
    monkeypatch.setenv(variable, value)
    assert main(["ask", "支柱1涉及哪些方面？"]) == 2
    assert capsys.readouterr().err == message


def test_the_repository_stands_alone() -> None:
    """Nothing the product ships, its tests or its README points outside the repository."""
    files = [p for d in ("corpus", "index", "assistant", "ui", "evals", "tests")
             for p in (ROOT / d).rglob("*.py")]
    files += [ROOT / "README.md", ROOT / "Makefile", ROOT / "pyproject.toml"]
    outside = re.compile(r"\.\./shared|shared/(?:documents|evals|SPEC)|SPEC\.md")
    hits = [str(p.relative_to(ROOT)) for p in files
            if p != Path(__file__) and outside.search(p.read_text(encoding="utf-8"))]
    assert hits == []
