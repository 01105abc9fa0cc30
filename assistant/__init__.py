"""Stage 3: answers with paragraph citations.

Public: `Assistant(settings).ask(question)` → `Answer`; `Settings` (all configuration);
`Answerer`, the one interface of the answer-writing stage."""

from corpus import CorpusError, IngestError, contains, label
from index import EmbedderError, IndexStateError, Tuning

from ._abstain import CALIBRATION, Abstention, CalibrationError
from ._answer import Answer, Citation, Lang, QuestionError
from ._assistant import MAX_K, RETRIEVERS, Assistant, shape_of
from ._duties import duty_label
from ._extractive import ABSTAIN, Answerer, ExtractiveAnswerer, Written
from ._grounding import SUPPORT_FILE, Claim, Support, check, cited_anchors, claims_of, clean, fit_support, measure
from ._lang import detect
from ._library import Ingested, derive_id, documents, ingest, remove
from ._llm import NOT_IN_DOCUMENTS, Evidence, LLMAnswerer, answer_chain, chat_model, format_units
from ._question import Reading, read
from ._settings import (
    AbstentionSettings,
    AnswerSettings,
    IndexSettings,
    IngestSettings,
    LLMSettings,
    RetrievalSettings,
    Retriever,
    Settings,
    WebSettings,
)
from ._trace import trace_text

__all__ = [
    "ABSTAIN",
    "CALIBRATION",
    "MAX_K",
    "NOT_IN_DOCUMENTS",
    "RETRIEVERS",
    "SUPPORT_FILE",
    "Abstention",
    "AbstentionSettings",
    "Answer",
    "AnswerSettings",
    "Answerer",
    "Assistant",
    "CalibrationError",
    "Citation",
    "Claim",
    "CorpusError",
    "EmbedderError",
    "Evidence",
    "ExtractiveAnswerer",
    "IndexSettings",
    "IndexStateError",
    "IngestError",
    "IngestSettings",
    "Ingested",
    "LLMAnswerer",
    "LLMSettings",
    "Lang",
    "QuestionError",
    "Reading",
    "RetrievalSettings",
    "Retriever",
    "Settings",
    "Support",
    "Tuning",
    "WebSettings",
    "Written",
    "answer_chain",
    "chat_model",
    "check",
    "cited_anchors",
    "claims_of",
    "clean",
    "contains",
    "derive_id",
    "detect",
    "documents",
    "duty_label",
    "fit_support",
    "format_units",
    "ingest",
    "label",
    "measure",
    "read",
    "remove",
    "shape_of",
    "trace_text",
]
