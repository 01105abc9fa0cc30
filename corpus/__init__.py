"""Stage 1: the documents as trees of citable units with stable anchors.

Public verbs: `load_corpus()` parses the shipped documents; `label()` turns an anchor into
what people read; `contains()` says whether one anchor lies inside another.
"""

from ._actors import ACTORS, Actor, Duty, Force, duties, own_duty
from ._anchors import Lang, contains, label, split_anchor
from ._graph import ALL_PILLARS, References, Trace
from ._instruments import REGISTRY, Instrument, instrument, instrument_spans, mentioned_instruments
from ._load import SHIPPED, SHIPPED_DIR, Source, load_corpus, read_document
from ._normalize import fold, normalize, one_edit, zh_number
from ._units import AppendixRow, Corpus, CorpusError, Document, Kind, Unit
from ._versions import Version, read_versions

__all__ = [
    "ACTORS",
    "ALL_PILLARS",
    "REGISTRY",
    "SHIPPED",
    "SHIPPED_DIR",
    "Actor",
    "AppendixRow",
    "Corpus",
    "CorpusError",
    "Document",
    "Duty",
    "Force",
    "Instrument",
    "Kind",
    "Lang",
    "References",
    "Source",
    "Trace",
    "Unit",
    "Version",
    "contains",
    "duties",
    "fold",
    "instrument",
    "instrument_spans",
    "label",
    "load_corpus",
    "mentioned_instruments",
    "normalize",
    "one_edit",
    "own_duty",
    "read_document",
    "read_versions",
    "split_anchor",
    "zh_number",
]
