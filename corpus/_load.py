"""Which files make up the corpus and how each is parsed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from . import _gb, _ilc
from ._added import read_added
from ._units import RESTORE, Corpus, CorpusError, Document, Unit
from ._versions import TRANSLATIONS_DIR, Version, shipped_versions

SHIPPED_DIR = Path(__file__).parent / "documents"

Parser = Callable[[str], tuple[tuple[Unit, ...], str]]


@dataclass(frozen=True)
class Source:
    """A shipped document: its file, its id and the parser that knows its layout."""

    file_name: str
    doc_id: str
    title: str
    date: str
    parse: Parser


SHIPPED: tuple[Source, ...] = (
    Source("000_5ce5573f5b147971.txt", _gb.DOC_ID, _gb.TITLE, "2022-10-06", _gb.parse),
    Source("001_4808786bded2d9d5.txt", _ilc.DOC_ID, _ilc.TITLE, "2021-12-11", _ilc.parse),
)
# The ids an added document may not take, and that `remove` refuses.
SHIPPED_IDS = frozenset(s.doc_id for s in SHIPPED)


def read_document(path: Path, source: Source, versions: tuple[Version, ...] = ()) -> Document:
    """Read and parse one file; errors name the file and what to do about it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(
            f"cannot read {path}: {exc.strerror}; {RESTORE}"
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not UTF-8 text (byte {exc.start}); {RESTORE}"
        ) from exc
    units, preamble = source.parse(text)
    return Document(
        doc_id=source.doc_id,
        title=source.title,
        source_name=path.name,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        units=units,
        preamble=preamble,
        date=source.date,
        versions=tuple(v for v in versions if v.doc_id == source.doc_id),
    )


def load_corpus(directory: Path = SHIPPED_DIR, translations: Path = TRANSLATIONS_DIR,
                added: Path | None = None, *, staged: Mapping[str, Path] | None = None,
                without: frozenset[str] = frozenset()) -> Corpus:
    """The shipped documents, parsed, in a fixed order, with their shipped language versions;
    then the documents and official versions a user added (the folder `ingest` writes), as
    they are or as they will be once a staged change is committed."""
    docs, official = read_added(added, staged, without)
    versions = (*shipped_versions(translations), *official)
    shipped = [read_document(directory / s.file_name, s, versions) for s in SHIPPED]
    own = [replace(d, versions=tuple(v for v in versions if v.doc_id == d.doc_id)) for d in docs]
    return Corpus((*shipped, *own))
