"""The textbook LangChain baseline, for comparison only: RecursiveCharacterTextSplitter
(1000/200) over the raw text, the same embedder, FAISS top-k. Each character chunk is
credited with every unit whose text it overlaps, so the comparison is fair to it."""

from __future__ import annotations

from langchain_community.vectorstores import FAISS
from langchain_community.vectorstores.utils import DistanceStrategy
from langchain_text_splitters import RecursiveCharacterTextSplitter

from corpus import Corpus

from ._chunks import Chunk
from ._embedders import VectorEmbedder
from ._index import Hit


class NaiveIndex:
    """Held in memory only: it is rebuilt when asked for (a few seconds) and never saved."""

    def __init__(self, corpus: Corpus, embedder: VectorEmbedder) -> None:
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=1000, chunk_overlap=200, add_start_index=True
        )
        texts: list[str] = []
        metas: list[dict[str, object]] = []
        for doc in corpus.documents:
            spans = [(s, e, u.anchor) for u in doc.leaves() for s, e in u.spans]
            for piece in splitter.create_documents([doc.text]):
                start = int(piece.metadata["start_index"])
                end = start + len(piece.page_content)
                covers = tuple(dict.fromkeys(a for s, e, a in spans if s < end and e > start))
                texts.append(piece.page_content)
                metas.append({"covers": list(covers), "doc_id": doc.doc_id})
        self.store = FAISS.from_texts(
            texts, embedder, metadatas=metas, distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT
        )
        self.embedder = embedder
        self.size = len(texts)

    def search(self, question: str, k: int = 5) -> list[Hit]:
        found = self.store.similarity_search_with_score(question, k=k)
        hits = []
        for doc, score in found:
            covers = tuple(str(a) for a in doc.metadata["covers"])
            anchor = covers[0] if covers else str(doc.metadata["doc_id"])  # front matter only
            chunk = Chunk(anchor, doc.page_content, "", covers)
            hits.append(Hit(chunk, float(score), float(score), 0.0))
        return hits
