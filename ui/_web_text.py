"""The documents as a reader of one language sees them: a unit's text, the headings, the
document title and an Appendix row's fields in that language when a version of the document
holds them (the project's unofficial working translation, or an official version), each
with the document's own text beside it for the panel's "show the source" switch.

Every text carries its language (`lang` on its element), so a screen reader picks the
right voice for Chinese and English alike."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Corpus, Document, Unit, Version

from ._web_html import esc
from ._web_i18n import Lang, t

# Appendix row fields as a version names them (`corpus.Version.rows`).
RowField = str  # "points", "pillars", "sdg", "timeframe", "budget"


@dataclass(frozen=True)
class Shown:
    """A text as shown: in the reader's language when a version has it, else the source.
    `source` is the document's own text when `text` is a translation of it."""

    text: str
    lang: str
    source: str = ""
    source_lang: str = ""
    kind: str | None = None  # "unofficial" or "official" when `text` is a translation

    def html(self, cls: str = "txt") -> str:
        """The text in its element with its language, and the source after it (hidden
        until the panel's switch shows it)."""
        out = f'<span class="{cls}" lang="{html_lang(self.lang)}">{esc(self.text)}</span>'
        if self.source:
            out += f'<span class="src" lang="{html_lang(self.source_lang)}">{esc(self.source)}</span>'
        return out


def html_lang(lang: str) -> str:
    """The `lang` attribute for a language code: Chinese is written in simplified
    characters (zh-CN), so a screen reader picks a Mandarin voice."""
    return "zh-CN" if lang == "zh" else lang


def _version(doc: Document, lang: Lang) -> Version | None:
    return doc.version(lang) if doc.lang != lang else None


def _shown(doc: Document, source: str, translated: str | None, lang: Lang,
           version: Version | None) -> Shown:
    if translated and version is not None and translated != source:
        return Shown(translated, lang, source, doc.lang, version.kind)
    return Shown(source, doc.lang)


def _found(doc: Document, source: str, found: tuple[str, str] | None, lang: Lang) -> Shown:
    if found and found[0] != source:
        return Shown(found[0], lang, source, doc.lang, found[1])
    return Shown(source, doc.lang)


def unit_text(corpus: Corpus, unit: Unit, lang: Lang) -> Shown:
    """A unit's text: an official version's when it holds the unit, else the working
    translation's, else the source."""
    doc = corpus.document(unit.doc_id)
    return _found(doc, unit.text, doc.rendering(lang, unit.locator), lang)


def heading(doc: Document, text: str, lang: Lang) -> Shown:
    """A section, pillar or component heading."""
    return _found(doc, text, doc.heading_in(lang, text), lang)


def title(doc: Document, lang: Lang) -> Shown:
    version = _version(doc, lang)
    return _shown(doc, doc.title, version.title if version else None, lang, version)


def preamble(doc: Document, lang: Lang) -> Shown:
    version = _version(doc, lang)
    return _shown(doc, doc.preamble.strip(), version.preamble.strip() if version else None,
                  lang, version)


def row_field(corpus: Corpus, unit: Unit, key: RowField, source: str, lang: Lang) -> Shown:
    """One field of an Appendix row ("全部" → "all pillars", "1.83 亿美元" → "US$183 million")."""
    doc = corpus.document(unit.doc_id)
    found = doc.row_in(lang, unit.locator)
    text = found[0].get(key) if found else None
    return _found(doc, source, (text, found[1]) if found and text else None, lang)


def translated(corpus: Corpus, lang: Lang) -> tuple[str, str] | None:
    """(kind, source language) when what a reader of `lang` is shown comes from a version
    of a document rather than the document itself; None when every document is in `lang`
    or has no version in it."""
    for doc in corpus.documents:
        version = _version(doc, lang)
        if version is not None:
            return version.kind, doc.lang
    return None


def source_switch(corpus: Corpus, lang: Lang) -> str:
    """The panel's note that its texts are a translation, and its switch to show the source
    beside them (handled by the page script: it toggles `show-src` on the panel)."""
    found = translated(corpus, lang)
    return switch_html(*found, lang) if found else ""


def switch_html(kind: str, source_lang: str, lang: Lang) -> str:
    """The note "unofficial working translation" and the show/hide-the-source button."""
    name = t(f"lang_{source_lang}", lang)
    note = t("translation_official" if kind == "official" else "translation_unofficial", lang)
    return (f'<div class="src-bar"><span class="src-note">{esc(note)}</span>'
            f'<button type="button" class="src-toggle" aria-pressed="false">'
            f'<span class="when-off">{esc(t("show_source", lang, src=name))}</span>'
            f'<span class="when-on">{esc(t("hide_source", lang, src=name))}</span></button></div>')
