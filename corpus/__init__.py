"""Stage 1: the documents as trees of citable units with stable anchors.

Public verbs: `load_corpus()` parses the shipped documents; `label()` turns an anchor into
what people read; `contains()` says whether one anchor lies inside another.
"""

from ._anchors import Lang, contains, label, split_anchor
from ._graph import References
from ._load import SHIPPED, SHIPPED_DIR, Source, load_corpus, read_document
from ._units import AppendixRow, Corpus, CorpusError, Document, Kind, Unit

__all__ = [
    "SHIPPED",
    "SHIPPED_DIR",
    "AppendixRow",
    "Corpus",
    "CorpusError",
    "Document",
    "Kind",
    "Lang",
    "References",
    "Source",
    "Unit",
    "contains",
    "label",
    "load_corpus",
    "read_document",
    "split_anchor",
]
