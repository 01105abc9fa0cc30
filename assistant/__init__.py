"""Stage 3: answers with paragraph citations.

Public: `Assistant(settings).ask(question)` → `Answer`; `Settings` (all configuration);
`Answerer`, the one interface of the answer-writing stage."""

from corpus import CorpusError, contains, label
from index import EmbedderError, IndexStateError, Tuning

from ._abstain import CALIBRATION, Abstention, CalibrationError
from ._answer import Answer, Citation, Lang, QuestionError
from ._assistant import MAX_K, RETRIEVERS, Assistant, shape_of
from ._duties import duty_label
from ._extractive import ABSTAIN, Answerer, ExtractiveAnswerer, Written
from ._lang import detect
from ._question import Reading, read
from ._settings import (
    AbstentionSettings,
    AnswerSettings,
    IndexSettings,
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
    "RETRIEVERS",
    "Abstention",
    "AbstentionSettings",
    "Answer",
    "AnswerSettings",
    "Answerer",
    "Assistant",
    "CalibrationError",
    "Citation",
    "CorpusError",
    "EmbedderError",
    "ExtractiveAnswerer",
    "IndexSettings",
    "IndexStateError",
    "LLMSettings",
    "Lang",
    "QuestionError",
    "Reading",
    "RetrievalSettings",
    "Retriever",
    "Settings",
    "Tuning",
    "WebSettings",
    "Written",
    "contains",
    "detect",
    "duty_label",
    "label",
    "read",
    "shape_of",
    "trace_text",
]
