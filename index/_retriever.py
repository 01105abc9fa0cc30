"""The index as a LangChain retriever, so it composes into LangChain chains while the
assistant itself calls `Index.search` directly. It meets LangChain's standard retriever
tests (`langchain-tests`): `k` in the constructor or per call (`invoke(query, k=1)`), checked
to lie in 1–50; an empty query refused; `Document.id` is the anchor.

`page_content` is the unit's text, usable as is in a prompt; `DOCUMENT_PROMPT` formats a
document with its anchor and label for prompts that ask for `[anchor]` citations. `abstain`,
when given (`Assistant.retriever()` gives the assistant's own decision), returns no documents
for a question the documents do not cover."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.prompts import PromptTemplate
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from corpus import label

from ._index import Index, Mode

MAX_K = 50
SCORE_MEANING = ("fused reciprocal-rank score of the hybrid search (higher is better; "
                 "comparable within one query only, not a probability)")
DOCUMENT_PROMPT = PromptTemplate.from_template("[{anchor}] {label}\n{page_content}")


class IndexRetriever(BaseRetriever):
    """Top-k units as LangChain `Document`s (id = anchor); metadata keeps the anchor, its
    document, label, the units the chunk covers, the retrieval mode and the scores."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any
    k: int = Field(default=5, ge=1, le=MAX_K)
    mode: Mode = "hybrid"
    lang: str = "en"
    abstain: Callable[[str], bool] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None,
        **kwargs: Any,
    ) -> list[Document]:
        k = self.k if k is None else k
        if not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise ValueError(f"k must be an integer between 1 and {MAX_K}, got {k!r}")
        if not query or not query.strip():
            raise ValueError("the query is empty; give a question, e.g. 'What are the pillars?'")
        if self.abstain is not None and self.abstain(query):
            return []
        idx: Index = self.index
        return [
            Document(
                id=h.anchor,
                page_content=h.chunk.text,
                metadata={"anchor": h.anchor, "doc_id": h.anchor.split("#")[0],
                          "label": _label(h.anchor, self.lang), "covers": list(h.chunk.covers),
                          "mode": self.mode, "score": h.score, "score_meaning": SCORE_MEANING,
                          "dense": h.dense, "lexical": h.lexical, "context": h.chunk.context},
            )
            for h in idx.search(query, k, self.mode)
        ]


def _label(anchor: str, lang: str) -> str:
    try:
        return label(anchor, "zh" if lang == "zh" else "en")
    except ValueError:
        return anchor
