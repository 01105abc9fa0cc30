"""Another language version of a document, aligned to the document's anchors by the numbers
ILO documents share across languages: paragraph 25(a) is 25(a) in Chinese, English, French
and Spanish. The version's numbered runs are mapped in order onto the document's (the
Resolution's own paragraphs, then the Conclusions); Appendix rows are not numbered in the
text, so they keep the working translation.

The alignment is measured, not assumed: units matched, unmatched on either side, and items
counted differently under the same paragraph. A version that does not align is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._structure import Layout, join_lines
from ._units import Document

MIN_MATCHED = 0.9  # of the document's numbered units
MAX_EXTRA = 0.1  # of the version's units


@dataclass(frozen=True)
class Alignment:
    """How a version's units map onto a document's anchors."""

    doc_id: str
    matched: dict[str, str]  # document locator → the version's text
    unmatched_document: tuple[str, ...]
    unmatched_version: tuple[str, ...]
    count_mismatches: tuple[str, ...]  # "p25: 3 items here, 4 in GB.346/INS/4"
    numbered: int  # the document's numbered units (rows excluded)
    version_units: int
    rows_kept: int  # Appendix rows, shown from the working translation

    @property
    def ok(self) -> bool:
        return (len(self.matched) >= MIN_MATCHED * self.numbered
                and len(self.unmatched_version) <= MAX_EXTRA * max(self.version_units, 1))

    def reason(self) -> str:
        """Why the version was refused, in one line."""
        return (f"only {len(self.matched)} of the {self.numbered} numbered units of {self.doc_id} "
                f"were found in the file (at least {MIN_MATCHED:.0%} needed) and "
                f"{len(self.unmatched_version)} of its {self.version_units} units have no match "
                f"(at most {MAX_EXTRA:.0%}); first missing: {', '.join(self.unmatched_document[:5]) or '-'}; "
                f"first unmatched in the file: {', '.join(self.unmatched_version[:5]) or '-'}")

    def report(self) -> dict[str, object]:
        return {"matched": len(self.matched), "numbered": self.numbered,
                "unmatched_document": list(self.unmatched_document),
                "unmatched_version": list(self.unmatched_version),
                "count_mismatches": list(self.count_mismatches), "rows_kept": self.rows_kept}


def _prefix(locator: str) -> str:
    m = re.match(r"[a-z]+", locator)
    return m.group(0) if m else ""


def align(doc: Document, layout: Layout) -> Alignment:
    """Map the units of `layout` (another language's text of `doc`) onto `doc`'s anchors."""
    numbered = [u for u in doc.units if u.kind != "row"]
    prefixes = list(dict.fromkeys(_prefix(u.locator) for u in numbered if u.parent is None))
    version: dict[str, str] = {}
    unmatched_version: list[str] = []
    by_locator = {u.locator: u for u in numbered}
    for n in layout.nodes:
        loc = n.locator
        run = 0
        m = re.match(r"s(\d+)\.(.*)", loc)
        if m:
            run, loc = int(m[1]) - 1, m[2]
        if layout.scheme == "paragraphs" and run < len(prefixes):
            loc = prefixes[run] + loc[1:]
        text = join_lines(n.lines)
        if loc in by_locator and (text or not by_locator[loc].text):  # an article heading alone
            version[loc] = text
        else:
            unmatched_version.append(n.locator)
    mismatches = []
    for u in numbered:
        if u.locator in version and u.children:
            here = sum(1 for n in version if n.startswith(u.locator + ".") and "." not in n[len(u.locator) + 1:])
            if here != len(u.children):
                mismatches.append(f"{u.locator}: {here} items here, {len(u.children)} in {doc.doc_id}")
    return Alignment(doc.doc_id, version, tuple(u.locator for u in numbered if u.locator not in version),
                     tuple(unmatched_version), tuple(mismatches), len(numbered), len(layout.nodes),
                     sum(1 for u in doc.units if u.kind == "row"))
