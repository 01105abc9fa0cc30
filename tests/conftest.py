"""Shared fixtures: the real corpus, the real default embedder, one index built per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant, Settings, shape_of
from corpus import Corpus, load_corpus
from evals import STARTER  # noqa: F401 - the starter questions, kept in the repository
from index import Index, VectorEmbedder, build_index, make_embedder


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="session")
def embedder() -> VectorEmbedder:
    return make_embedder()


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ilo-qa-home")


@pytest.fixture(scope="session")
def index(corpus: Corpus, embedder: VectorEmbedder, home: Path) -> Index:
    settings = Settings(home=home)
    return build_index(corpus, embedder, settings.index_dir, shape=shape_of(settings),
                       cache_dir=settings.cache_dir)


@pytest.fixture(scope="session")
def assistant(index: Index, home: Path, corpus: Corpus, embedder: VectorEmbedder) -> Assistant:
    return Assistant(Settings(home=home), corpus=corpus, embedder=embedder, build=False)


@pytest.fixture()
def env_home(home: Path, index: Index, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """ILO_QA_HOME pointing at the session's built index, for the CLI."""
    monkeypatch.setenv("ILO_QA_HOME", str(home))
    yield home
