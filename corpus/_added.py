"""Documents and language versions a user added, kept as readable folders under the home's
`documents/`: `document.json` (what was found: id, language, title, units with their spans,
or a version's aligned texts and its alignment report), `text.txt` (the extracted text the
spans point into) and `source.<ext>` (the file as given, byte for byte).

A folder is written under a temporary name and renamed into place, so a reader sees the old
folder or the new one. A folder that does not verify (its text's checksum, its JSON's
types) is an error naming the folder and the fix, never silently skipped."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ._anchors import Lang
from ._instruments import instrument
from ._units import CorpusError, Document, Kind, Unit
from ._versions import Version

FORMAT = 1
Role = Literal["document", "version"]


class _UnitRecord(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    locator: str
    kind: Kind
    text: str
    spans: list[tuple[int, int]]
    parent: str | None
    children: list[str]
    section: str


class _Record(BaseModel):
    """`document.json`, read with strict types: a wrong type is damage, reported."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    format: int
    role: Role
    doc_id: str
    lang: Lang
    title: str
    preamble: str
    scheme: str
    source_name: str
    source_kind: str
    source_sha256: str
    source_bytes: int
    text_sha256: str
    added_at: str
    units: list[_UnitRecord]
    version_of: str | None = None
    aligned: dict[str, str] | None = None  # a version: source locator → its text here
    alignment: dict[str, object] | None = None


@dataclass(frozen=True)
class Added:
    """What `ilo-qa docs` lists about one added document or version."""

    doc_id: str
    role: Role
    lang: Lang
    title: str
    source_name: str
    source_sha256: str
    units: int
    added_at: str
    folder: Path
    version_of: str | None = None


def folder_name(doc_id: str, role: Role, lang: str) -> str:
    """A file-system-safe folder name for an id (`GB.346/INS/4` → `GB.346_INS_4`)."""
    key = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)
    return f"{key}@{lang}" if role == "version" else key


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stage(library: Path, *, role: Role, doc_id: str, lang: Lang, title: str, preamble: str,
          scheme: str, text: str, units: tuple[Unit, ...], source: Path, source_kind: str,
          raw: bytes, version_of: str | None = None, aligned: dict[str, str] | None = None,
          alignment: dict[str, object] | None = None) -> Path:
    """Write a complete folder under a temporary name in `library`; `commit` renames it."""
    library.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".staged-", dir=library))
    record = _Record(
        format=FORMAT, role=role, doc_id=doc_id, lang=lang, title=title, preamble=preamble,
        scheme=scheme, source_name=source.name, source_kind=source_kind, source_sha256=_sha(raw),
        source_bytes=len(raw), text_sha256=_sha(text.encode("utf-8")),
        added_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        units=[_UnitRecord(locator=u.locator, kind=u.kind, text=u.text, spans=list(u.spans),
                           parent=u.parent, children=list(u.children), section=u.section)
               for u in units],
        version_of=version_of, aligned=aligned, alignment=alignment,
    )
    try:
        (tmp / f"source{source.suffix.lower()}").write_bytes(raw)
        (tmp / "text.txt").write_text(text, encoding="utf-8")
        (tmp / "document.json").write_text(
            json.dumps(record.model_dump(), ensure_ascii=False, indent=1), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def commit(staged: Path, name: str) -> Path:
    """Put a staged folder in place of `name` (replacing an older one)."""
    final = staged.parent / name
    old = None
    if final.exists():
        old = staged.parent / f".old-{name}-{staged.name[-8:]}"
        final.rename(old)
    staged.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def discard(library: Path) -> None:
    """Remove what an interrupted ingest left (staged or replaced folders)."""
    if library.is_dir():
        for p in library.iterdir():
            if p.name.startswith((".staged-", ".old-")):
                shutil.rmtree(p, ignore_errors=True)


def _read(folder: Path) -> tuple[_Record, str]:
    fix = f"re-add the file, or remove it with: ilo-qa remove (or delete {folder})"
    try:
        record = _Record.model_validate_json((folder / "document.json").read_text(encoding="utf-8"))
        text = (folder / "text.txt").read_text(encoding="utf-8")
    except (OSError, ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0][:160]
        raise CorpusError(f"added document in {folder} is unreadable ({first}); {fix}") from None
    if record.format != FORMAT or _sha(text.encode("utf-8")) != record.text_sha256:
        raise CorpusError(f"added document in {folder} does not match its checksum; {fix}")
    if any(not (0 <= a <= b <= len(text)) for u in record.units for a, b in u.spans):
        raise CorpusError(f"added document in {folder} has spans outside its text; {fix}")
    return record, text


def added(library: Path | None) -> list[Added]:
    """Every added document and version, in folder order."""
    out = []
    for folder in _folders(library):
        r, _text = _read(folder)
        n = len(r.aligned or {}) if r.role == "version" else len(r.units)
        out.append(Added(r.doc_id, r.role, r.lang, r.title, r.source_name, r.source_sha256, n,
                         r.added_at, folder, r.version_of))
    return out


def _folders(library: Path | None, staged: Mapping[str, Path] | None = None,
             without: frozenset[str] = frozenset()) -> list[Path]:
    """The library's folders in name order; `staged` puts a folder not yet committed in
    place of (or beside) the one of that name, `without` leaves names out — what the
    library will hold once an ingest or a removal is committed."""
    found = {p.name: p for p in library.iterdir() if p.is_dir() and not p.name.startswith(".")} \
        if library is not None and library.is_dir() else {}
    found.update(staged or {})
    return [found[name] for name in sorted(found) if name not in without]


def read_added(library: Path | None, staged: Mapping[str, Path] | None = None,
               without: frozenset[str] = frozenset()) -> tuple[list[Document], list[Version]]:
    """The added documents (parsed units, as stored) and the added language versions."""
    docs: list[Document] = []
    versions: list[Version] = []
    for folder in _folders(library, staged, without):
        r, text = _read(folder)
        if r.role == "version":
            assert r.version_of is not None
            versions.append(Version(r.version_of, r.lang, "official", r.title, preamble=r.preamble,
                                    units=dict(r.aligned or {})))
            continue
        units = tuple(Unit(doc_id=r.doc_id, locator=u.locator, kind=u.kind, text=u.text,
                           spans=tuple(u.spans), parent=u.parent, children=tuple(u.children),
                           section=u.section) for u in r.units)
        known = instrument(r.doc_id)
        docs.append(Document(doc_id=r.doc_id, title=r.title, source_name=r.source_name,
                             sha256=r.source_sha256, text=text, units=units, preamble=r.preamble,
                             lang=r.lang, date=f"{known.year}-01-01" if known else ""))
    return docs, versions
