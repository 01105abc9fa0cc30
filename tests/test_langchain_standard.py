"""The components that claim to be LangChain components, under LangChain's own standard
suites (`langchain-tests`): the index as a retriever, the embedders as `Embeddings`. Plus
what the suites do not cover: k checked, empty queries refused, ids and metadata, the
assistant's abstention as "no documents"."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests, RetrieversIntegrationTests

from assistant import Assistant
from index import DOCUMENT_PROMPT, SCORE_MEANING, E5Q4Embeddings, Index, IndexRetriever

_BOUND: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def _bind_index(index: Index) -> None:
    """The standard suite builds the retriever from constructor parameters; the session's
    index is handed to it here."""
    _BOUND["index"] = index


class TestIndexRetrieverStandard(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[IndexRetriever]:
        return IndexRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"index": _BOUND["index"]}

    @property
    def retriever_query_example(self) -> str:
        return "What does the strategy say about recognition of prior learning?"


class TestE5Q4EmbeddingsStandard(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[E5Q4Embeddings]:
        return E5Q4Embeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {}


def test_k_is_checked_and_an_empty_query_refused(index: Index) -> None:
    retriever = IndexRetriever(index=index)
    assert len(retriever.invoke("apprenticeships", k=1)) == 1
    assert len(retriever.invoke("apprenticeships")) == 5
    for bad in (0, 51, "3"):
        with pytest.raises(ValueError, match="k must be an integer between 1 and 50"):
            retriever.invoke("apprenticeships", k=bad)
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        IndexRetriever(index=index, k=0)
    with pytest.raises(ValueError, match="the query is empty"):
        retriever.invoke("   ")


def test_documents_carry_their_anchor_label_and_what_the_score_means(index: Index) -> None:
    docs = IndexRetriever(index=index, k=3).invoke(
        "Which paragraph mandates a ratification campaign for Convention No. 142?")
    first = docs[0]
    assert first.id == first.metadata["anchor"] == "GB.346/INS/4#p25.a"
    assert first.metadata["doc_id"] == "GB.346/INS/4"
    assert first.metadata["label"] == "GB.346/INS/4 para. 25(a)"
    assert first.metadata["mode"] == "hybrid" and first.metadata["score_meaning"] == SCORE_MEANING
    assert first.page_content == index.corpus.unit("GB.346/INS/4#p25.a").text
    assert DOCUMENT_PROMPT.format(**first.metadata, page_content=first.page_content) == (
        f"[GB.346/INS/4#p25.a] GB.346/INS/4 para. 25(a)\n{first.page_content}")


def test_the_assistants_retriever_returns_nothing_it_would_refuse(assistant: Assistant) -> None:
    retriever = assistant.retriever(k=3)
    assert retriever.invoke("How do I bake sourdough bread?") == []
    assert len(retriever.invoke("What are the five pillars of the strategy?")) == 3
    assert len(assistant.retriever(k=3, abstain=False).invoke("How do I bake sourdough bread?")) == 3
