"""Stage 1: the documents as trees of citable units with stable anchors.

Public verbs: `load_corpus()` parses the shipped documents (and those a user added);
`extract_isolated()` + `parse_layout()` read a file a user adds, `align()` maps another
language version onto a document's anchors; `label()` turns an anchor into
what people read; `contains()` says whether one anchor lies inside another.
"""

from ._actors import ACTORS, Actor, Duty, Force, duties, own_duty
from ._added import Added, added, commit, discard, folder_name, stage
from ._align import Alignment, align
from ._anchors import Lang, contains, label, split_anchor
from ._extract import Extracted, IngestError
from ._graph import ALL_PILLARS, References, Trace
from ._instruments import REGISTRY, Instrument, instrument, instrument_spans, mentioned_instruments
from ._load import SHIPPED, SHIPPED_DIR, SHIPPED_IDS, Source, load_corpus, read_document
from ._normalize import fold, normalize, one_edit, zh_number
from ._sandbox import Limits, extract_isolated
from ._structure import Layout, language, parse_layout
from ._units import AppendixRow, Corpus, CorpusError, Document, Kind, Unit
from ._versions import Version, read_versions

__all__ = [
    "ACTORS",
    "ALL_PILLARS",
    "REGISTRY",
    "SHIPPED",
    "SHIPPED_DIR",
    "SHIPPED_IDS",
    "Actor",
    "Added",
    "Alignment",
    "AppendixRow",
    "Corpus",
    "CorpusError",
    "Document",
    "Duty",
    "Extracted",
    "Force",
    "IngestError",
    "Instrument",
    "Kind",
    "Lang",
    "Layout",
    "Limits",
    "References",
    "Source",
    "Trace",
    "Unit",
    "Version",
    "added",
    "align",
    "commit",
    "contains",
    "discard",
    "duties",
    "extract_isolated",
    "fold",
    "folder_name",
    "instrument",
    "instrument_spans",
    "label",
    "language",
    "load_corpus",
    "mentioned_instruments",
    "normalize",
    "one_edit",
    "own_duty",
    "parse_layout",
    "read_document",
    "read_versions",
    "split_anchor",
    "stage",
    "zh_number",
]
