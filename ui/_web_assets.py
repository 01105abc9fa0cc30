"""The page's look (CSS, a system-font theme) and its two small scripts. Fonts are local
(Noto CJK first) so nothing is fetched from a font CDN and Chinese renders the same offline."""

from __future__ import annotations

from typing import Any

FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", "PingFang SC", "Microsoft YaHei",
         "system-ui", "sans-serif"]
MONO = ["Noto Sans Mono CJK SC", "DejaVu Sans Mono", "ui-monospace", "monospace"]


def theme() -> Any:
    """A quiet theme with local fonts only (the default would reach for a web font)."""
    import gradio as gr

    return gr.themes.Default(primary_hue="blue", neutral_hue="slate", radius_size="sm",
                             font=FONTS, font_mono=MONO)


# Installed once per page by the context panel (the one component that is always mounted):
# a capturing click listener that turns any citation link (`a[data-anchor]`, or in the chat,
# where the sanitiser drops data attributes, `a[href*="anchor="]`) into the panel's `open`
# event, and any `[data-copy]` button into a clipboard copy. Modified clicks (new tab) and the
# permalink keep the browser's behaviour, so every citation is also a working deep link.
ROUTER_JS = """
window.__iloOpen = (anchor) => trigger('open', {anchor: anchor});
if (!window.__iloRouter) {
  window.__iloRouter = true;
  const fallbackCopy = (text) => {
    const area = document.createElement('textarea');
    area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } catch (err) { /* shown text still says what to copy */ }
    area.remove();
  };
  const copy = (button) => {
    const text = button.dataset.copy;
    window.__iloLastCopied = text;
    const shown = () => {
      if (!button.dataset.idle) { button.dataset.idle = button.textContent; }
      button.textContent = button.dataset.done; button.classList.add('done');
      setTimeout(() => { button.textContent = button.dataset.idle; button.classList.remove('done'); }, 1600);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(shown, () => { fallbackCopy(text); shown(); });
    } else { fallbackCopy(text); shown(); }
  };
  // "Show the Chinese source": the panel (a Gradio block that outlives its content) keeps the
  // choice; its buttons say which state they are in.
  const PANELS = '#context, #tree, #appendix, #sources';
  const syncSwitches = () => document.querySelectorAll('.src-toggle').forEach((b) => {
    const panel = b.closest(PANELS);
    b.setAttribute('aria-pressed', panel && panel.classList.contains('show-src') ? 'true' : 'false');
  });
  window.__iloSyncSwitches = syncSwitches;
  new MutationObserver(syncSwitches).observe(document.body, {childList: true, subtree: true});
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const toggle = event.target.closest('.src-toggle');
    if (toggle) {
      const panel = toggle.closest(PANELS);
      if (panel) { panel.classList.toggle('show-src'); syncSwitches(); }
      return;
    }
    const button = event.target.closest('[data-copy]');
    if (button) { event.preventDefault(); event.stopPropagation(); copy(button); return; }
    const link = event.target.closest('a[data-anchor], a[href*="anchor="]');
    if (!link || link.classList.contains('permalink')) return;
    const anchor = link.dataset.anchor || new URL(link.href, location.href).searchParams.get('anchor');
    if (!anchor) return;
    event.preventDefault(); event.stopPropagation();
    window.__iloOpening = true;
    window.__iloOpen(anchor);
  }, true);
}
watch('value', () => {
  const body = element.querySelector('.ctx-body');
  const hit = element.querySelector('.ctx-body .hit');
  if (body && hit) { body.scrollTop = Math.max(0, hit.offsetTop - 48); }
  if (window.__iloOpening) {
    // A citation opened it: the panel takes the focus, and when it is not beside the text
    // (a phone: it sits below) the page scrolls to it.
    window.__iloOpening = false;
    const panel = element.querySelector('.ctx');
    if (panel) {
      const below = panel.getBoundingClientRect().top > window.innerHeight * 0.6
        || window.innerWidth < 900;
      panel.focus({preventScroll: !below});
      if (below) { panel.scrollIntoView({block: 'start'}); }
    }
  }
});
"""

# The language choice: kept in the address (`?lang=en`, so a reload or a shared link keeps
# it) and declared on the page (`<html lang>`), so screen readers use the right voice.
LANG_JS = """
(lang) => {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', lang);
  window.history.replaceState(window.history.state, '', url);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  return [lang];
}
"""

# The example chips: a click asks that question.
EXAMPLES_JS = """
element.addEventListener('click', (event) => {
  const chip = event.target.closest('[data-q]');
  if (chip) { trigger('pick', {question: chip.dataset.q}); }
});
"""

CSS = """
.gradio-container { max-width: 1360px !important; margin: 0 auto !important; }
#top { align-items: center; gap: 12px; margin-bottom: 2px; }
#header h1 { font-size: 1.45rem; font-weight: 650; margin: 0; letter-spacing: .01em; }
#header p { margin: 4px 0 0; color: var(--body-text-color-subdued); font-size: .92rem; }
#lang { flex-grow: 0 !important; min-width: 190px !important; }
#lang .wrap { justify-content: flex-end; }
#side { position: sticky; top: 8px; align-self: flex-start; }
#chat { border-radius: 8px; }
#chat .message-content p, #chat .message-content li { line-height: 1.65; }
#chat a.cite, .sources a.cite, .ctx a.cite { color: var(--color-accent); text-decoration: none;
  border-bottom: 1px dashed currentColor; white-space: nowrap; cursor: pointer; }
#chat a.cite:hover, .sources a.cite:hover, .ctx a.cite:hover { border-bottom-style: solid; }
#chat code { font-size: .8em; opacity: .75; }
#chat .sources-line { display: block; font-size: .88rem; line-height: 2; margin-top: 4px; }
#chat .sources-line b { margin-right: 6px; }
#chat .sources-line .n, .sources .n { display: inline-block; width: 18px; height: 18px;
  border-radius: 50%; text-align: center; line-height: 18px; font-size: .7rem;
  background: var(--color-accent-soft); color: var(--color-accent); margin: 0 4px 0 8px; }
.abstain-badge { display: inline-block; padding: 2px 10px; border-radius: 999px;
  background: #fff4e5; color: #8a4b00; border: 1px solid #f3c98b; font-weight: 600; }
#ask-row { align-items: stretch; }
#ask-buttons { min-width: 110px !important; gap: 6px; }
.sources h4, .examples h4 { margin: 6px 0 6px; font-size: .82rem; font-weight: 600;
  text-transform: uppercase; letter-spacing: .06em; color: var(--body-text-color-subdued); }
.sources ol { list-style: none; margin: 0; padding: 0; }
.sources li { display: flex; align-items: center; gap: 10px; padding: 6px 2px;
  border-top: 1px solid var(--border-color-primary); font-size: .9rem; }
.sources li:first-child { border-top: none; }
.sources .n { flex: none; margin: 0; }
.sources code, .ctx-head code { font-size: .76rem; color: var(--body-text-color-subdued);
  background: var(--background-fill-secondary); padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
.sources .src-text { flex: 1; min-width: 0; font-size: .84rem; color: var(--body-text-color-subdued);
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sources .duty { flex: none; font-size: .74rem; padding: 1px 8px; border-radius: 999px; white-space: nowrap;
  color: var(--body-text-color); background: var(--background-fill-secondary);
  border: 1px solid var(--border-color-primary); }
button.copy { font-size: .75rem; padding: 1px 9px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color); }
button.copy:hover { border-color: var(--color-accent); color: var(--color-accent); }
button.copy.done { border-color: #2f9e44; color: #2f9e44; }
.examples .chip { display: inline-block; margin: 0 6px 6px 0; padding: 5px 12px; font-size: .86rem;
  border-radius: 999px; cursor: pointer; border: 1px solid var(--border-color-primary);
  background: var(--background-fill-secondary); color: var(--body-text-color); text-align: left; }
.examples .chip:hover { border-color: var(--color-accent); color: var(--color-accent); }
.ctx { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 14px 16px;
  background: var(--background-fill-primary); }
.ctx h3 { margin: 0 0 8px; font-size: .82rem; font-weight: 600; text-transform: uppercase;
  letter-spacing: .06em; color: var(--body-text-color-subdued); }
.ctx.empty p, .ctx.missing p { color: var(--body-text-color-subdued); margin: 0; line-height: 1.6; }
.ctx.missing p.warn { color: #b42318; font-weight: 600; margin-bottom: 6px; }
.crumbs { font-size: .8rem; color: var(--body-text-color-subdued); line-height: 1.5; }
.crumbs .sep { margin: 0 6px; opacity: .6; }
.crumbs .here { color: var(--body-text-color); font-weight: 600; }
.ctx-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 8px 0 10px;
  padding-bottom: 10px; border-bottom: 1px solid var(--border-color-primary); }
.ctx-label { font-size: 1.08rem; font-weight: 650; flex-basis: 100%; }
.ctx-head .permalink { font-size: .78rem; color: var(--body-text-color-subdued); }
.ctx-body { position: relative; max-height: calc(100vh - 240px); min-height: 120px; overflow-y: auto;
  padding-right: 4px; }
.ctx .txt, .tree .txt, .preamble, .nb-text { white-space: pre-line; }
.ctx .para { line-height: 1.75; margin: 8px 0; }
.ctx .para a.num, .tree a.num { font-weight: 600; margin-right: 6px; white-space: nowrap;
  color: var(--color-accent); text-decoration: none; }
.ctx .items, .tree .items { list-style: none; margin: 2px 0 2px 14px; padding: 0; }
.ctx .line { padding: 3px 8px; border-radius: 6px; border-left: 3px solid transparent; }
.ctx .line.hit { background: #fff6d6; border-left-color: #f0b400; }
.nb { font-size: .86rem; color: var(--body-text-color-subdued); margin: 6px 0; padding: 6px 8px;
  background: var(--background-fill-secondary); border-radius: 6px; }
.nb-key, .cited-by .nb-key, .mentions .nb-key { font-size: .72rem; text-transform: uppercase; letter-spacing: .05em;
  margin-right: 6px; }
.nb-text { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical;
  overflow: hidden; margin-top: 2px; line-height: 1.6; }
#context table.fields, #context table.fields tr, #appendix table.rows, #appendix table.rows tr {
  border: none !important; }
#context table.fields th, #context table.fields td, #appendix table.rows th,
#appendix table.rows td { border: none !important;
  border-top: 1px solid var(--border-color-primary) !important; }
#context table.fields tr:first-child th, #context table.fields tr:first-child td {
  border-top: none !important; }
table.fields { width: 100%; border-collapse: collapse; font-size: .85rem; margin: 10px 0; }
table.fields caption { text-align: left; font-weight: 600; font-size: .8rem; padding-bottom: 4px;
  color: var(--body-text-color-subdued); }
table.fields th { text-align: left; font-weight: 500; width: 34%; color: var(--body-text-color-subdued);
  vertical-align: top; }
table.fields th, table.fields td { padding: 5px 6px; border-top: 1px solid var(--border-color-primary); }
a.point { display: inline-block; margin: 0 6px 2px 0; }
.cited-by, .mentions { font-size: .85rem; margin: 8px 0; }
.browse .hint, .appendix .count { font-size: .86rem; color: var(--body-text-color-subdued); margin: 2px 0 8px; }
.tree { max-height: calc(100vh - 250px); overflow-y: auto; padding-right: 6px; }
.tree details { margin: 2px 0; }
.tree summary { cursor: pointer; padding: 4px 0; font-weight: 600; }
.tree details.doc > summary { font-size: 1.02rem; }
.tree .doc-id { font-family: var(--font-mono); font-size: .85rem; color: var(--color-accent);
  margin-right: 6px; }
.tree details.sec, .tree details.grp { margin-left: 14px; }
.tree details.grp > summary { font-weight: 500; color: var(--body-text-color-subdued); }
.tree .para { margin: 4px 0 8px 14px; line-height: 1.7; }
.tree .line { padding: 1px 0; }
.preamble { font-size: .86rem; color: var(--body-text-color-subdued); margin-left: 14px; }
#filters { gap: 10px; }
.appendix { max-height: calc(100vh - 310px); overflow-y: auto; }
table.rows { width: 100%; border-collapse: collapse; font-size: .86rem; }
table.rows th { position: sticky; top: 0; background: var(--background-fill-secondary); text-align: left;
  font-weight: 600; padding: 6px 8px; z-index: 1; }
table.rows td { padding: 6px 8px; border-top: 1px solid var(--border-color-primary); vertical-align: top;
  line-height: 1.55; }
table.rows tr.component td { background: var(--color-accent-soft); font-weight: 600; }
table.rows .budget { font-weight: 400; color: var(--body-text-color-subdued); margin-left: 8px; }
table.rows td.no { width: 40px; text-align: right; }
table.rows td.pil, table.rows td.tf { white-space: nowrap; }
table.rows td.pts { width: 150px; }
table.rows a.point { margin: 0 8px 0 0; }
table.rows a.cite { color: var(--color-accent); text-decoration: none; }
footer { margin-top: 8px !important; }
#lang label:focus-within { outline: 2px solid var(--color-accent); outline-offset: 2px; border-radius: 6px; }
#lang input:focus-visible { outline: 2px solid var(--color-accent); outline-offset: 2px; }
.ctx:focus { outline: 2px solid var(--color-accent-soft); outline-offset: 2px; }
#chat .answer .backend { font-size: .76rem; color: var(--body-text-color-subdued); margin-top: 6px; }
#chat .answer .unsupported { font-size: .78rem; color: #b42318; white-space: nowrap; }
#chat .asked-as { font-size: .8rem; opacity: .8; }
.notice { margin: 6px 0; padding: 8px 12px; border-radius: 6px; background: #fff4e5;
  color: #8a4b00; border: 1px solid #f3c98b; font-size: .9rem; }
.notice:empty { display: none; }
/* The source beside a translation: hidden until the panel's switch shows it. */
.src { display: none; }
.show-src .src { display: block; margin: 3px 0 2px; padding-left: 8px; font-size: .9em;
  border-left: 2px solid var(--border-color-primary); color: var(--body-text-color-subdued); }
.show-src .sources .src-text { white-space: normal; }
.src-bar { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; margin: 4px 0 8px;
  font-size: .8rem; color: var(--body-text-color-subdued); }
.src-toggle { font-size: .78rem; padding: 1px 10px; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color); }
.src-toggle:focus-visible { outline: 2px solid var(--color-accent); outline-offset: 2px; }
.src-toggle .when-on, .show-src .src-toggle .when-off { display: none; }
.show-src .src-toggle .when-on { display: inline; }
.sources .texts { flex: 1; min-width: 0; overflow: hidden; }
.sources .texts .src-text { display: block; }
#chat .answer ul { margin: 4px 0 6px 1.1em; padding: 0; }
#chat .answer p { margin: 4px 0; }
.show-src .sources li { align-items: flex-start; }
/* Toasts (a busy server) at the bottom, never over the language switch. */
.toast-wrap { top: auto !important; bottom: var(--size-4) !important; }
/* A phone: the title wraps as a heading does, the side panel sits below, the Appendix rows
   become cards with their column names. */
@media (max-width: 640px) {
  #top { flex-wrap: wrap !important; }
  #header { min-width: 100% !important; flex-basis: 100% !important; }
  #header h1 { font-size: 1.2rem; word-break: normal; overflow-wrap: anywhere; }
  #lang { min-width: 100% !important; flex-basis: 100% !important; }
  #lang .wrap { justify-content: flex-start; }
  #side { position: static; }
  .ctx-body, .tree, .appendix { max-height: none; }
  table.rows thead { display: none; }
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: auto !important; }
  table.rows tr[data-unit] { padding: 6px 0; border-top: 1px solid var(--border-color-primary); }
  table.rows td, #appendix table.rows td { border: none !important; padding: 2px 4px;
    text-align: left !important; }
  table.rows td.pil, table.rows td.tf { white-space: normal; }
  table.rows td[data-label]::before { content: attr(data-label) ": "; font-weight: 600;
    color: var(--body-text-color-subdued); font-size: .78rem; }
  table.rows td.out::before { display: block; }
  .sources li { flex-wrap: wrap; }
  .sources code { display: none; }
  .sources .texts { flex-basis: 100%; order: 5; }
}
"""
