"""Other language versions of a document, aligned to its anchors: the project's English
working translation of the shipped documents (`translations/en.json`, unofficial) and, later,
official versions a user adds. A version never replaces the source: the source text stays
what is cited; a version is what a reader of that language is shown beside it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ._anchors import Lang, split_anchor
from ._units import CorpusError

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
VersionKind = Literal["unofficial", "official"]


@dataclass(frozen=True)
class Version:
    """One document in another language, keyed by the source's locators.

    `headings` maps each source heading (section, pillar, component) to this language;
    `rows` holds an Appendix row's translated fields (output, points, pillars, sdg,
    timeframe, budget); `terms` is the terminology the translation keeps to (each source
    term always gets the same rendering), which a test checks on every unit."""

    doc_id: str
    lang: Lang
    kind: VersionKind
    title: str
    front_matter: str = ""
    preamble: str = ""
    headings: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    rows: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    terms: Mapping[str, str] = field(default_factory=dict)  # source term → its one rendering

    def text(self, locator: str) -> str | None:
        """A unit's text in this language (an Appendix row's output), or None."""
        if locator in self.units:
            return self.units[locator]
        row = self.rows.get(locator)
        return row.get("output") if row else None

    def texts(self) -> list[str]:
        """Everything written in this version, for what-does-the-corpus-mention checks."""
        out = [self.title, self.front_matter, self.preamble, *self.headings.values(),
               *self.units.values()]
        out += [v for row in self.rows.values() for v in row.values()]
        return [t for t in out if t]


def read_versions(path: Path) -> tuple[Version, ...]:
    """The versions in one translation file (`{"lang", "translation", "documents": {…}}`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        lang, kind = data["lang"], data["translation"]
        terms = {str(k): str(v) for k, v in data.get("terminology", {}).items()}
        out = []
        for doc_id, d in data["documents"].items():
            units = {split_anchor(a)[1]: str(t) for a, t in d.get("units", {}).items()}
            rows = {split_anchor(a)[1]: {k: str(v) for k, v in f.items()}
                    for a, f in d.get("rows", {}).items()}
            out.append(Version(doc_id, lang, kind, str(d["title"]), str(d.get("front_matter", "")),
                               str(d.get("preamble", "")), dict(d.get("headings", {})), units, rows,
                               terms))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CorpusError(
            f"translation file {path} is unreadable ({exc}); restore it from the repository "
            "(git checkout -- corpus/translations)"
        ) from exc
    return tuple(out)


def shipped_versions(directory: Path = TRANSLATIONS_DIR) -> tuple[Version, ...]:
    """Every version shipped with the package, in file-name order."""
    return tuple(v for p in sorted(directory.glob("*.json")) for v in read_versions(p))
