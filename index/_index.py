"""Search the index: dense (FAISS inner product on normalised vectors; for an English
question also its own ranking against the English versions), lexical (BM25 over jieba
tokens with glossary terms for English questions, and BM25 over the English versions) and
their reciprocal-rank fusion, with the structure's say (units a question names first, a
pillar's or component's units ahead). Building and opening are `_build`'s."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from corpus import Corpus, References, mentioned_instruments, normalize

from . import _store
from ._aliases import ALIASES_SHA256
from ._asked import asked_document
from ._bm25 import BM25
from ._chunks import Chunk
from ._embedders import VectorEmbedder
from ._everyday import document_terms
from ._glossary import GLOSSARY_SHA256, SOURCES, english_of, english_synonyms, expand
from ._mentions import OutputsOf, asks_for_output, outputs_of, preferred, resolve
from ._numbers import named
from ._queries import QueryVectors
from ._scopes import WHERE_MENTIONED, document_scopes, scope_of
from ._sections import Section, Title, numbered, section_named, section_titles, sections
from ._tokens import CJK, en_tokens, tokens
from ._unheld import Unheld, unheld, unheld_field

Mode = Literal["hybrid", "dense", "bm25"]
# The vectors of each chunk, in FAISS row blocks: the Chinese text with its heading path, the
# bare text, and the English version with its English heading path.
VIEWS = ("context", "bare", "english")
MODES: tuple[Mode, ...] = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Hit:
    """A chunk found for a query. `score` orders hits in the chosen mode; `dense` is the
    cosine similarity with the query (what abstention looks at); `lexical` the BM25 score."""

    chunk: Chunk
    score: float
    dense: float
    lexical: float

    @property
    def anchor(self) -> str:
        return self.chunk.anchor


@dataclass(frozen=True)
class Tuning:
    """The retrieval knobs, each one a measured change (see evals/REPORT.md, History); set
    from `Settings.retrieval`.

    Reciprocal-rank fusion scores a chunk Σ w / (k + rank) over its rankings; the glossary
    adds Chinese terms for the English ILO terms of a question, to the lexical query
    (`glossary`) and, their vectors at `dense_glossary_weight`, to an English question's
    vector (`dense_glossary`);
    `mentions` puts the units a question names (a point, a paragraph, an output) first;
    `bare_view` scores a chunk by the better of its Chinese vectors, with and without the
    heading path; `filters` moves a pillar's or component's units (its Appendix rows, for a
    question about outputs) ahead; `rows_first` puts the well-ranked Appendix rows first for a
    "which output" question, `document_first` the units of the one shipped document a
    question asks a passage of ("which Conclusions point …"), both within `rows_window`;
    `english_view` and `english_lexical` rank an English question against the English
    versions' vectors and text as well (weights `dense_en`, `lexical_en`);
    `english_synonyms` adds the documents' English words for the glossary terms a question
    says in other words to the English BM25 query; `other_instruments` moves back the units
    that name Conventions or Recommendations, none of them one the question names (numbers
    are where the embedding is weakest: "Convention No. 142" scored C140's output first)."""

    k: int = 5
    dense: float = 1.0
    lexical: float = 1.0
    glossary: bool = True
    dense_glossary: bool = True
    dense_glossary_weight: float = 0.5
    mentions: bool = True
    glossary_sources: tuple[str, ...] = SOURCES
    bare_view: bool = True
    filters: bool = True
    rows_first: bool = True
    rows_window: int = 10
    document_first: bool = True
    english_view: bool = True
    english_lexical: bool = True
    english_plain_query: bool = True
    dense_en: float = 1.0
    lexical_en: float = 1.0
    english_synonyms: bool = False
    other_instruments: bool = True
    everyday_zh_weight: float = 0.5


@dataclass(frozen=True)
class Shape:
    """What shapes a build besides the corpus and the embedder; recorded in the manifest,
    and any difference makes the index stale. `glossary` and `calibration` are the SHA-256
    of the files the answers depend on (the assistant passes the calibration's)."""

    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    views: int = 3  # the first n of VIEWS
    glossary: str = GLOSSARY_SHA256
    calibration: str = ""
    aliases: str = ALIASES_SHA256  # "": a unit's tokens are its own text only

    def as_dict(self) -> dict[str, Any]:
        return {"bm25_k1": self.bm25_k1, "bm25_b": self.bm25_b, "views": self.views,
                "glossary": self.glossary, "calibration": self.calibration, "aliases": self.aliases}


class Index:
    """A loaded index: chunks, their vectors in FAISS, a BM25 table over their tokens, and
    the corpus structure for questions that name a paragraph, point or output."""

    def __init__(
        self, chunks: list[Chunk], chunk_tokens: list[list[str]], chunk_tokens_en: list[list[str]],
        faiss_index: Any, embedder: VectorEmbedder, corpus: Corpus,
        manifest: _store.Manifest | None = None, folder: Path | None = None,
        terms: dict[str, np.ndarray] | None = None,
    ) -> None:
        self.chunks = tuple(chunks)
        self.embedder = embedder
        self.corpus = corpus
        self.references = References(corpus)
        self.manifest = manifest
        self.folder = folder
        self._faiss = faiss_index
        self._terms = terms or {}  # the glossary terms' query vectors, from the build
        self._vectors = QueryVectors(embedder)
        self._query = self._vectors.get
        shape = manifest.shape if manifest else {}
        k1, b = float(shape.get("bm25_k1", 1.2)), float(shape.get("bm25_b", 0.75))
        self._bm25 = BM25(chunk_tokens, k1, b)
        self._bm25_en = BM25(chunk_tokens_en, k1, b)
        self._views = faiss_index.ntotal // max(len(chunks), 1)
        self._position = {c.anchor: i for i, c in enumerate(self.chunks)}
        self._rows = frozenset(
            i for i, c in enumerate(self.chunks)
            if (u := corpus.get(c.anchor)) is not None and u.kind == "row"
        )
        self.tuning = Tuning()
        # Chunks of documents whose own text is English (standards a user added): Chinese
        # questions reach them lexically through the glossary's English terms.
        self._english = np.array([
            (d := corpus.get(c.anchor)) is not None and corpus.document(d.doc_id).lang == "en"
            for c in self.chunks], dtype=bool)
        self._scopes = document_scopes(corpus)

    def __len__(self) -> int:
        return len(self.chunks)

    def embed(self, question: str) -> np.ndarray:
        """The query vector; an English question's carries its glossary terms in Chinese,
        which pulls it towards the Chinese paragraphs it is about: each term's own vector
        (embedded by the build) is added at `dense_glossary_weight`. Appending the terms
        to the text instead measured the same on dev and cost twice the embedding time
        (the terms double an English question's tokens)."""
        vec = self._query(question)
        if self.tuning.dense_glossary and not CJK.search(question):
            extra = expand(question, self.tuning.glossary_sources)
            if extra:
                w = self.tuning.dense_glossary_weight
                blend = vec + w * np.sum([self._terms[t] if t in self._terms else self._query(t)
                                          for t in extra], axis=0)
                vec = (blend / max(float(np.linalg.norm(blend)), 1e-12)).astype(np.float32)
        return vec

    def prepare(self, questions: list[str]) -> int:
        """Embed several questions in one call (cheaper per question than one by one) so
        that searching them next finds their vectors kept; returns how many were embedded."""
        return self._vectors.prepare(list(questions))

    def dense_scores(self, qvec: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with every chunk's Chinese text, in chunk order:
        with `bare_view`, the better of the text with and without its heading path."""
        n = len(self.chunks)
        every = self._similarities(qvec)
        best = every[:n].copy()
        if self.tuning.bare_view and self._views >= 2:
            best = np.maximum(best, every[n : 2 * n])
        return best

    def plain_vector(self, question: str) -> np.ndarray:
        """The question's own vector, without glossary terms (kept from `embed`: no second
        embedding); what the English versions are searched with."""
        return self._query(question)

    def dense_scores_en(self, question: str, qvec: np.ndarray | None = None,
                        tuning: Tuning | None = None) -> np.ndarray | None:
        """An English question against the English versions' vectors: a ranking of its own
        in the fusion (None for a Chinese question or without them). It is embedded as it is
        (`english_plain_query`) or the query vector is reused."""
        if CJK.search(question) or not self.tuning.english_view or self._views < 3:
            return None
        n = len(self.chunks)
        if (tuning or self.tuning).english_plain_query or qvec is None:
            qvec = self._query(question)
        return self._similarities(qvec)[2 * n : 3 * n].copy()

    def _similarities(self, qvec: np.ndarray) -> np.ndarray:
        """Inner product with every stored vector, in FAISS row order."""
        total = self._faiss.ntotal
        sims, ids = self._faiss.search(qvec.reshape(1, -1).astype(np.float32), total)
        every = np.empty(total, dtype=np.float32)
        every[ids[0]] = sims[0]
        return every

    def lexical_scores(self, question: str) -> np.ndarray:
        terms = tokens(question)
        extra = expand(question, self.tuning.glossary_sources) if self.tuning.glossary else []
        if extra:
            terms += tokens(" ".join(extra))
        scores = self._bm25.scores(terms)
        if self.tuning.everyday_zh_weight > 0 and CJK.search(question):
            # the documents' terms for its everyday words, at a lower weight than its own
            everyday = [t for t in tokens(" ".join(document_terms(question))) if t not in terms]
            if everyday:
                scores = scores + self.tuning.everyday_zh_weight * self._bm25.scores(everyday)
        return scores

    def lexical_scores_en(self, question: str) -> np.ndarray | None:
        """BM25 over the English versions, for an English question; for a Chinese one, over
        the documents written in English only, through the glossary (None otherwise)."""
        if not self.tuning.english_lexical:
            return None
        if CJK.search(question):
            if not self._english.any():
                return None
            terms = en_tokens(" ".join(english_of(question)))
            return np.where(self._english, self._bm25_en.scores(terms), 0.0) if terms else None
        terms = en_tokens(question)
        if self.tuning.english_synonyms:
            terms += en_tokens(" ".join(english_synonyms(question, self.tuning.glossary_sources)))
        return self._bm25_en.scores(terms)

    def search(
        self, question: str, k: int = 5, mode: Mode = "hybrid", *,
        qvec: np.ndarray | None = None, dense: np.ndarray | None = None,
        tuning: Tuning | None = None, dense_text: str | None = None,
    ) -> list[Hit]:
        """The k best chunks for a question, best first. A caller that already has the
        query vector or its dense scores passes them, so nothing is computed twice;
        `dense_text` is a text already embedded whose vectors rank the dense side instead
        of the question's (a part of a question, ranked without a second embedding)."""
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; use one of {', '.join(MODES)}")
        tuning = tuning or self.tuning
        seen = dense_text or question
        if dense is None:
            dense = self.dense_scores(self.embed(seen) if qvec is None else qvec)
        lexical = self.lexical_scores(question) if mode != "dense" else np.zeros_like(dense)
        lexical_en = self.lexical_scores_en(question) if mode != "dense" else None
        if mode == "dense":
            score = dense
        elif mode == "bm25":
            score = _rrf(None, [lexical, lexical_en], tuning)
        else:
            score = _rrf(dense, [lexical, lexical_en], tuning, self.dense_scores_en(seen, qvec, tuning))
        order = list(np.argsort(-score, kind="stable"))
        norm = normalize(question) if mode == "hybrid" else question
        if mode == "hybrid" and tuning.rows_first and asks_for_output(norm):
            order = self._rows_first(order, tuning.rows_window)
        elif mode == "hybrid" and tuning.document_first:
            order = self._document_first(asked_document(norm), order, tuning.rows_window)
        if mode == "hybrid" and tuning.mentions:
            scoped = self.scoped(question)
            if scoped:
                order = _ahead({i for i, c in enumerate(self.chunks) if c.anchor.split("#")[0] in scoped}, order)
            if tuning.filters:
                order = self._prefer(self._preferred(question), order)
            if tuning.other_instruments:
                order = self._instruments_first(question, order)
            order = self._pin(self.mentioned(question), order)
        order = order[:k]
        return [
            Hit(self.chunks[i], float(score[i]), float(dense[i]), float(lexical[i])) for i in order
        ]

    def relevance(self, text: str, lexical_weight: float, window: float,
                  dense_text: str | None = None) -> np.ndarray:
        """How much each chunk is about `text`, on one scale for all of them (the fused
        score only orders: reciprocal ranks fall slowly, so a share of the best keeps
        nearly everything). The BM25 scores as shares of their best, at `lexical_weight`,
        plus where the better cosine lies in the `window` below its best (0 under it, 1 at
        the top). `dense_text`, if given, is embedded in place of `text`, as in `search`."""
        def share(x: np.ndarray | None) -> np.ndarray:
            if x is None or float(x.max()) <= 0:
                return np.zeros(len(self.chunks), dtype=np.float32)
            return x / float(x.max())

        def place(x: np.ndarray | None) -> np.ndarray:
            if x is None:
                return np.zeros(len(self.chunks), dtype=np.float32)
            return np.clip((x - (float(x.max()) - window)) / window, 0.0, 1.0)

        seen = dense_text or text
        qvec = self.embed(seen)
        zh, en = share(self.lexical_scores(text)), share(self.lexical_scores_en(text))
        # An English text: both sides rank the same units, and the better of the two let
        # the Chinese side (reached through glossary terms, often generic ones), its best
        # taken as 1, lift every unit it half matches; the English side, in the question's
        # own words, weighs 0.7 (on dev: obligations' set precision 0.41 → 0.48, coverage
        # the same; the mean: 0.46). A Chinese text: the English side holds only the
        # documents written in English, so the better of the two.
        lexical = 0.3 * zh + 0.7 * en if not CJK.search(text) and en.any() else np.maximum(zh, en)
        dense = np.maximum(place(self.dense_scores(qvec)), place(self.dense_scores_en(seen, qvec)))
        blend: np.ndarray = (lexical_weight * lexical + (1 - lexical_weight) * dense).astype(np.float32)
        return blend

    def scoped(self, question: str) -> frozenset[str]:
        """The added documents a question is about, by name ("按照第142号公约", "the 2004
        Recommendation", or "the Recommendation" when one is held), unless it asks where
        something is mentioned: their units go first."""
        if not self._scopes or WHERE_MENTIONED.search(question):
            return frozenset()
        return scope_of(question, self._scopes)

    def named(self, question: str) -> list[str]:
        """The units the question names itself (a point, a paragraph, an output), not
        expanded to their items or to the outputs citing them."""
        return named(normalize(question), self.corpus) if self.tuning.mentions else []

    def mentioned(self, question: str) -> list[str]:
        """Chunk anchors the question names explicitly (a point, a paragraph, an output)."""
        return list(self._mentioned(question))

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one Index per process; asked twice per question
    def _mentioned(self, question: str) -> tuple[str, ...]:
        found = resolve(normalize(question), self.corpus, self.references)
        return tuple(a for a in found if a in self._position)

    @functools.lru_cache(maxsize=256)  # noqa: B019 - as above
    def _preferred(self, question: str) -> tuple[str, ...]:
        return tuple(preferred(normalize(question), self.corpus, self.references))

    @functools.cached_property
    def _titles(self) -> tuple[Title, ...]:
        return section_titles(self.corpus)

    def unheld(self, question: str) -> list[Unheld]:
        """The units the question numbers that neither document has ("output 42", "14(m)"),
        when it numbers no unit they do have, or the SDG target or P&B output by which it
        picks outputs when none lists it: the question cannot be answered as asked."""
        if not self.tuning.mentions or self.mentioned(question):
            return []
        found = unheld(normalize(question), self.corpus)
        picked = self.outputs_of(question) if not found else None
        field = unheld_field(picked, self.references) if picked is not None else None
        return [field] if field is not None else found

    def numbered(self, question: str) -> str:
        """The question with the number of each pillar or component it names by title
        ("the apprenticeship pillar" → "the apprenticeship pillar 5"), so the structure's
        answers apply; unchanged otherwise."""
        return numbered(question, self._titles) if self.tuning.mentions else question

    def section_named(self, question: str, docs: tuple[str, ...] = ()) -> Section | None:
        """The one section of a document ("section 4", "第1部分", "the risks and assumptions
        section") the question names, among those of `docs` (all when empty)."""
        return section_named(question, self.corpus, self._sections, docs) if self.tuning.mentions else None

    @functools.cached_property
    def _sections(self) -> tuple[Section, ...]:
        return sections(self.corpus)

    def outputs_of(self, question: str) -> OutputsOf | None:
        """The pillar or component whose outputs the question asks for (its rows, and
        whether the rows marked 全部 are among them), if it asks for one."""
        return outputs_of(normalize(question), self.references) if self.tuning.filters else None

    def names_structure(self, question: str) -> bool:
        """True when the question names a unit, or asks for the outputs of a pillar or
        component (or of several pillars, or the rows marked all pillars): it is about these
        documents whatever its similarity scores say."""
        if not self.tuning.mentions:
            return False
        if self.mentioned(question):
            return True
        return self.tuning.filters and (bool(self._preferred(question))
                                        or self.outputs_of(question) is not None)

    def _prefer(self, anchors: tuple[str, ...], order: list[int]) -> list[int]:
        """Rows a pillar/component filter selects move ahead, keeping their ranked order."""
        return _ahead({self._position[a] for a in anchors if a in self._position}, order)

    @functools.cached_property
    def _standards(self) -> tuple[frozenset[str], ...]:
        """The Conventions and Recommendations each chunk names (C142, R195, …)."""
        return tuple(frozenset(i for i in mentioned_instruments(c.text) if _STANDARD.match(i))
                     for c in self.chunks)

    def _instruments_first(self, question: str, order: list[int]) -> list[int]:
        """Chunks naming only standards other than those the question names go last."""
        asked = {i for i in mentioned_instruments(question) if _STANDARD.match(i)}
        if not asked:
            return order
        return _ahead({i for i in order if not self._standards[i] or self._standards[i] & asked}, order)

    def _rows_first(self, order: list[int], window: int) -> list[int]:
        """Appendix rows among the top `window` move ahead, keeping their ranked order; a
        row ranked lower stays where it is (it is not what the question is about)."""
        return _ahead({i for i in order[:window] if i in self._rows}, order)

    def _document_first(self, doc: str | None, order: list[int], window: int) -> list[int]:
        """The units of the document a question asks a passage of, among the top `window`,
        move ahead ("which Conclusions point says …"); a unit ranked lower stays."""
        if doc is None:
            return order
        return _ahead({i for i in order[:window] if self.chunks[i].anchor.startswith(f"{doc}#")}, order)

    def _pin(self, anchors: list[str], order: list[int]) -> list[int]:
        """Named units first, in the order the structure gives, then the ranked rest."""
        first = [self._position[a] for a in anchors]
        taken = set(first)
        return first + [i for i in order if i not in taken]


_STANDARD = re.compile(r"^[CR]\d+$")


def _ahead(keep: set[int], order: list[int]) -> list[int]:
    """The chunks in `keep` first, then the rest, each part in its ranked order."""
    return [i for i in order if i in keep] + [i for i in order if i not in keep]


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(scores))
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return ranks


def _rrf(dense: np.ndarray | None, lexical: list[np.ndarray | None], f: Tuning,
         dense_en: np.ndarray | None = None) -> np.ndarray:
    """Reciprocal-rank fusion of the dense ranking(s) and each lexical one; a chunk no
    query term matches gets no share of that lexical ranking."""
    n = len(next(x for x in [dense, *lexical] if x is not None))
    score = np.zeros(n) if dense is None else f.dense / (f.k + _ranks(dense))
    if dense_en is not None:
        score = score + f.dense_en / (f.k + _ranks(dense_en))
    for lex, weight in zip(lexical, (f.lexical, f.lexical_en), strict=False):
        if lex is not None and (lex > 0).any():
            score = score + np.where(lex > 0, weight / (f.k + _ranks(lex)), 0.0)
    return score.astype(np.float32)
