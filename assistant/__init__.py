"""Stage 3: answers with paragraph citations.

Public: `Assistant(settings).ask(question)` → `Answer`; `Settings` (all configuration);
`Answerer`, the one interface of the answer-writing stage."""

from corpus import CorpusError, contains, label
from index import EmbedderError, IndexStateError, Tuning

from ._abstain import CALIBRATION, Abstention
from ._answer import Answer, Citation, Lang, QuestionError
from ._assistant import MAX_K, RETRIEVERS, Assistant
from ._extractive import ABSTAIN, Answerer, ExtractiveAnswerer, Written
from ._lang import detect
from ._settings import Retriever, Settings

__all__ = [
    "ABSTAIN",
    "CALIBRATION",
    "MAX_K",
    "RETRIEVERS",
    "Abstention",
    "Answer",
    "Answerer",
    "Assistant",
    "Citation",
    "CorpusError",
    "EmbedderError",
    "ExtractiveAnswerer",
    "IndexStateError",
    "Lang",
    "QuestionError",
    "Retriever",
    "Settings",
    "Tuning",
    "Written",
    "contains",
    "detect",
    "label",
]
