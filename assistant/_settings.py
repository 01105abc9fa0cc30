"""All configuration, in one place: one nested model, read from `ILO_QA_*` environment
variables (or passed explicitly). Lower layers receive plain values (`index.Tuning`,
`index.Shape`) and never read the environment.

A nested field is set as `ILO_QA_<SECTION>_<FIELD>`: `ILO_QA_RETRIEVAL_RRF_K=30`,
`ILO_QA_WEB_QUEUE_MAX_SIZE=128`, `ILO_QA_LLM_BASE_URL=http://127.0.0.1:11434/v1`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index import DEFAULT_EMBEDDER, SOURCES, Tuning

Retriever = Literal["hybrid", "dense", "bm25", "naive"]


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ilo-qa"


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RetrievalSettings(_Section):
    """How the two searches are fused and what the structure adds (see evals/REPORT.md,
    History, for what each one is worth)."""

    rrf_k: int = Field(default=5, ge=1, description="Reciprocal-rank fusion constant: Σ w / (k + rank).")
    dense_weight: float = Field(default=1.0, ge=0, description="Weight of the dense ranking in the fusion.")
    lexical_weight: float = Field(default=1.0, ge=0, description="Weight of the BM25 ranking in the fusion.")
    glossary: bool = Field(default=True,
        description="Add the glossary's Chinese terms to the BM25 query of an English question.")
    dense_glossary: bool = Field(default=True,
        description="Add their vectors to the English question's vector too (each term embedded once, then kept).")
    dense_glossary_weight: float = Field(default=0.5, ge=0,
        description="Weight of each term's vector in that sum, the question's own vector weighing 1.")
    glossary_sources: tuple[str, ...] = Field(default=SOURCES, description="Parts of the glossary used.")
    mentions: bool = Field(default=True,
        description="Units a question names (point, paragraph, output, SDG, P&B) come first.")
    bare_view: bool = Field(default=True,
        description="Score a chunk by the better of its two vectors (with and without its heading path).")
    filters: bool = Field(default=True,
        description="A pillar's or component's units (or rows, for an outputs question) move ahead.")
    rows_first: bool = Field(default=True,
        description="A 'which output' question gets the Appendix rows of its top window first.")
    rows_window: int = Field(default=10, ge=1, description="How deep 'rows first' looks.")
    document_first: bool = Field(default=True,
        description="A question asking for a passage of one shipped document ('which Conclusions "
        "point …', '行动计划里哪一项…') gets that document's units of the same window first.")
    english_view: bool = Field(default=True,
        description="An English question, embedded as it is, is ranked against the English versions' vectors too.")
    english_lexical: bool = Field(default=True, description="And against BM25 over the English versions.")
    english_synonyms: bool = Field(default=False,
        description="Add the documents' English words for the glossary terms an English question "
        "says in other words to that BM25 query (measured: +0.002 dev MRR, -0.008 dev abstention "
        "accuracy; off).")
    everyday_zh_weight: float = Field(default=0.5, ge=0,
        description="A Chinese question's BM25 also scores the documents' terms for its everyday "
        "words (index/everyday_zh.json), at this weight (0: off; 1 measured worse on dev).")
    english_plain_query: bool = Field(default=True,
        description="Rank it with the question's own vector, without glossary terms (no second embedding: it is kept).")
    english_dense_weight: float = Field(default=1.0, ge=0,
        description="Weight of the English vectors' ranking in the fusion.")

    def tuning(self) -> Tuning:
        return Tuning(
            k=self.rrf_k, dense=self.dense_weight, lexical=self.lexical_weight,
            glossary=self.glossary, dense_glossary=self.dense_glossary,
            dense_glossary_weight=self.dense_glossary_weight,
            mentions=self.mentions, glossary_sources=self.glossary_sources,
            bare_view=self.bare_view, filters=self.filters, rows_first=self.rows_first,
            rows_window=self.rows_window, document_first=self.document_first, english_view=self.english_view,
            english_lexical=self.english_lexical, english_plain_query=self.english_plain_query,
            english_synonyms=self.english_synonyms, everyday_zh_weight=self.everyday_zh_weight,
            dense_en=self.english_dense_weight,
        )


class IndexSettings(_Section):
    """What shapes a build; recorded in its manifest, and a change makes the index stale."""

    bm25_k1: float = Field(default=1.2, gt=0, description="BM25 term-frequency saturation.")
    bm25_b: float = Field(default=0.75, ge=0, le=1, description="BM25 length normalisation.")
    views: Literal[1, 2, 3] = Field(default=3,
        description="Vectors per chunk: 1 = Chinese text with its heading path, 2 = also bare, "
        "3 = also the English version.")
    batch: int = Field(default=8, ge=1, le=256, description="Texts embedded per call during a build.")
    aliases: bool = Field(default=True,
        description="Search each unit's everyday words too (index/aliases.json: 'carers' for "
        "caregivers, 护工 for 照护人员), lexically, in both languages.")


class AbstentionSettings(_Section):
    """When to say that the documents do not cover a question."""

    signal: Literal["margin", "cosine"] = Field(default="margin",
        description="Evidence score: best paragraph minus best everyday passage, or raw cosine.")
    novelty: bool = Field(default=False,
        description="Also refuse when too many of the question's words are unknown to the documents "
        "(measured on dev: refuses no out-of-scope question the other signals let through, and "
        "some in-scope ones in everyday words; off).")
    scope: bool = Field(default=True, description="Also refuse on-topic questions asking for what the documents lack.")
    max_false_abstention: float = Field(default=0.01, ge=0, le=0.2,
        description="make calibrate: share of in-scope dev questions a threshold may refuse "
        "(0.02 on the 1,775 dev questions refused 1 % of them for no more out-of-scope ones).")
    safety: float = Field(default=0.005, ge=0,
        description="make calibrate: margin subtracted from the fitted threshold.")
    novelty_safety: float = Field(default=0.1, ge=0,
        description="make calibrate: added to the fitted novelty threshold.")


class AnswerSettings(_Section):
    quotes: int = Field(default=3, ge=1, le=50, description="Sentences the extractive answer quotes.")
    topic_share: float = Field(default=0.4, ge=0, le=1,
        description="An obligations answer keeps the actor's units at least this share as much about "
        "the topic as the best one (see `topic_lexical_weight`).")
    topic_lexical_weight: float = Field(default=0.7, ge=0, le=1,
        description="How much 'about the topic' is BM25 (as a share of the best) rather than the cosine's "
        "place in a window below the best.")
    topic_dense_window: float = Field(default=0.08, gt=0, le=1,
        description="That window, in cosine.")


class WebSettings(_Section):
    """The web server's limits (2 cores)."""

    ask_concurrency: int = Field(default=2, ge=1, description="Questions answered at once.")
    embed_batch: int = Field(default=8, ge=1, le=64,
        description="Waiting API questions an answer thread embeds in one call before answering "
        "them (cheaper per question than one by one; 1 = one at a time).")
    queue_max_size: int = Field(default=64, ge=1,
        description="Questions waiting; beyond this a caller is told to retry.")
    render_concurrency: int = Field(default=4, ge=1, description="Panels rendered at once (no embedding).")
    max_body_bytes: int = Field(default=64 * 1024, ge=1024,
        description="Largest request body any endpoint accepts, checked before it is read.")
    session_capacity: int = Field(default=100, ge=1,
        description="Browser sessions whose state is kept; the oldest go first (memory stays flat).")
    history_turns: int = Field(default=20, ge=1, description="Chat turns kept per session (older ones dropped).")
    cors_origins: tuple[str, ...] = Field(default=(),
        description="Other origins allowed to call the API from a browser (none by default).")


class IngestSettings(_Section):
    """What adding one file may cost; it is parsed in a child process held to these limits."""

    timeout_seconds: float = Field(default=60.0, gt=0, le=3600,
        description="Wall time the parser may take on one file before it is stopped.")
    memory_mb: int = Field(default=1024, ge=128, description="Address space the parser may use, in MB.")
    max_bytes: int = Field(default=50 * 1024 * 1024, ge=1, description="Largest file accepted, in bytes.")


class LLMSettings(_Section):
    """An OpenAI-compatible chat endpoint that writes answers (Ollama, llama.cpp, vLLM, …)."""

    base_url: str | None = Field(default=None, description="Chat endpoint; when set, answers are written by it.")
    model: str = Field(default="", description="Model name sent to the endpoint.")
    api_key: str = Field(default="", description="API key for the endpoint, if any.")
    timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for the endpoint.")


class Settings(BaseSettings):
    """Everything a user can change without editing code."""

    model_config = SettingsConfigDict(env_prefix="ILO_QA_", env_nested_delimiter="_",
                                      env_nested_max_split=1, extra="ignore", frozen=True)

    home: Path = Field(
        default_factory=_default_home,
        description="Where the built index, caches and ingested documents live. "
        "The shipped corpus/ is never written to.",
    )
    embedder: str = Field(
        default=DEFAULT_EMBEDDER,
        description="'e5-small-q4' (multilingual-e5-small 4-bit, bundled) or "
        "'st:<sentence-transformers model name or local folder>'.",
    )
    retriever: Retriever = Field(default="hybrid", description="Retrieval mode: hybrid, dense, bm25 or naive.")
    k: int = Field(default=5, ge=1, le=50, description="How many paragraphs to retrieve and cite.")
    max_question_chars: int = Field(default=1000, ge=10, description="Longer questions are refused.")
    retrieval: RetrievalSettings = RetrievalSettings()
    index: IndexSettings = IndexSettings()
    abstention: AbstentionSettings = AbstentionSettings()
    answer: AnswerSettings = AnswerSettings()
    web: WebSettings = WebSettings()
    llm: LLMSettings = LLMSettings()
    ingest: IngestSettings = IngestSettings()

    @field_validator("home")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    @field_validator("embedder")
    @classmethod
    def _known_embedder(cls, v: str) -> str:
        if v == DEFAULT_EMBEDDER or (v.startswith("st:") and v[3:].strip()):
            return v
        raise ValueError(f"unknown embedder {v!r}; use '{DEFAULT_EMBEDDER}' or "
                         "'st:<sentence-transformers model name or local folder>'")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def documents_dir(self) -> Path:
        """The documents and language versions a user added (`ilo-qa ingest`)."""
        return self.home / "documents"
