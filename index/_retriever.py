"""The index as a LangChain retriever, so it composes into LangChain chains (an LLM answer
stage, for one) while the assistant itself calls `Index.search` directly."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ._index import Index, Mode


class IndexRetriever(BaseRetriever):
    """Top-k chunks as LangChain `Document`s; metadata keeps anchor, covers and scores."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any
    k: int = 5
    mode: Mode = "hybrid"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        idx: Index = self.index
        return [
            Document(
                page_content=h.chunk.text,
                metadata={"anchor": h.anchor, "covers": list(h.chunk.covers), "score": h.score,
                          "dense": h.dense, "lexical": h.lexical, "context": h.chunk.context},
            )
            for h in idx.search(query, self.k, self.mode)
        ]
