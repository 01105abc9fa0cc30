"""The few HTML atoms every panel shares: escaping, the deep link of an anchor, a citation
link and a copy button. Citations are real links (`?anchor=…`), so they work as deep links
when opened in a new tab; a plain click is caught by the page script and opens the paragraph
in the context panel instead (see `_web_assets.ROUTER_JS`)."""

from __future__ import annotations

import html
from urllib.parse import quote

from corpus import label

from ._web_i18n import Lang, t

ANCHOR_PARAM = "anchor"
LANG_PARAM = "lang"


def esc(text: str) -> str:
    """Text made safe for HTML, quotes included (it also goes into attributes)."""
    return html.escape(text, quote=True)


def deep_link(anchor: str) -> str:
    """The relative URL that opens the app on `anchor`: `?anchor=GB.346/INS/4%23p25.a`
    (`#` must be written `%23`, or the browser keeps it to itself)."""
    return f"?{ANCHOR_PARAM}={quote(anchor, safe='/')}"


def safe_label(anchor: str, lang: Lang) -> str:
    """The people's label of an anchor, or the anchor itself when it has no locator."""
    try:
        return label(anchor, lang)
    except ValueError:
        return anchor


def cite_link(anchor: str, text: str, cls: str = "cite", title: str = "") -> str:
    """A link that opens `anchor` in the context panel (and is a deep link otherwise)."""
    hover = f' title="{esc(title)}"' if title else ""
    return (f'<a class="{cls}" href="{esc(deep_link(anchor))}" data-anchor="{esc(anchor)}"{hover}>'
            f"{esc(text)}</a>")


def copy_text(citation_label: str, anchor: str) -> str:
    """What the copy button copies: `GB.346/INS/4 第25段(a) [GB.346/INS/4#p25.a]`."""
    return f"{citation_label} [{anchor}]"


def copy_button(citation_label: str, anchor: str, lang: Lang) -> str:
    """A button whose click copies label and anchor (handled by the page script)."""
    return (f'<button type="button" class="copy" data-copy="{esc(copy_text(citation_label, anchor))}"'
            f' data-done="{esc(t("copied", lang))}" title="{esc(t("copy_title", lang))}">'
            f"{esc(t('copy', lang))}</button>")
