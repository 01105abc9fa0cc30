"""Answers as people see them in the chat: the answer text with every citation label turned
into a link that opens the paragraph, the list of sources, and the sources panel with copy
buttons. Also the `/ask` endpoint's function, so the API and the chat answer the same way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from assistant import Assistant, QuestionError, cited_anchors, detect, duty_label
from corpus import Duty

from ._web_html import cite_link, copy_button, esc, safe_label
from ._web_i18n import Lang, as_lang, t
from ._web_text import switch_html

REFUSED_BACKEND = "none"  # `backend` of a refused question: nothing answered it
_MARKDOWN = re.compile(r"([\\`*_\[\]~|$])")
# A label must not be followed by more of a longer label: `para. 25` inside `para. 25(a)`.
_NOT_LONGER = r"(?![0-9]|\([a-z0-9]+\))"


def ask_json(assistant: Assistant, question: str) -> dict[str, Any]:
    """The object `ilo-qa ask --json` prints. A refused question (empty, too long) gets the
    same keys: `abstained` true, no citations, the reason in `answer`, `backend` "none"."""
    try:
        return assistant.ask(question).to_json()
    except QuestionError as exc:
        return refused(assistant, question, str(exc))


def refused(assistant: Assistant, question: object, why: str) -> dict[str, Any]:
    """The refusal object; the question is echoed only when it is text the checks accept the
    form of (never an oversized input, never undecodable characters)."""
    ok = isinstance(question, str) and len(question) <= assistant.settings.max_question_chars \
        and not any("\ud800" <= c <= "\udfff" for c in question)
    return {"question": question if ok else "", "answer": why, "abstained": True, "abstain_reason": why,
            "backend": REFUSED_BACKEND, "citations": [], "claims": []}


def stream_json(assistant: Assistant, question: str) -> Iterator[str | dict[str, Any]]:
    """The chat's answer: a model's text as it arrives, then the `ask --json` object (a
    refused question's object too, as `ask_json` gives it)."""
    try:
        for part in assistant.ask_stream(question):
            yield part if isinstance(part, str) else part.to_json()
    except QuestionError as exc:
        yield refused(assistant, question, str(exc))


def is_refused(result: dict[str, Any]) -> bool:
    return bool(result.get("backend") == REFUSED_BACKEND)


def markdown_safe(text: str) -> str:
    """Plain answer text that neither HTML nor Markdown will reinterpret (line structure and
    `- ` list markers are kept: they are the answer's own layout)."""
    return _MARKDOWN.sub(r"\\\1", esc(text))


def link_citations(answer: str, citations: list[dict[str, Any]], lang: Lang | None = None) -> str:
    """The answer text, escaped, with each cited label (and each `[anchor]`, the form an LLM
    writes) made a citation link, labelled in `lang` (the interface's language) when given.
    Longest patterns first so `para. 25(a)` wins over `para. 25`."""
    targets: dict[str, str] = {}
    for c in citations:
        targets[c["label"]] = c["anchor"]
        targets[f"[{c['anchor']}]"] = c["anchor"]
    if not targets:
        return esc(answer)
    names = sorted(targets, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) + _NOT_LONGER for n in names))
    out, at = [], 0
    for found in pattern.finditer(answer):
        out.append(esc(answer[at:found.start()]))
        name = found.group(0)
        anchor = targets[name]
        shown = safe_label(anchor, lang) if lang else \
            next((c["label"] for c in citations if c["anchor"] == anchor), name)
        out.append(cite_link(anchor, shown))
        at = found.end()
    out.append(esc(answer[at:]))
    return "".join(out)


def _blocks(answer: str, citations: list[dict[str, Any]], lang: Lang) -> str:
    """The answer's lines as HTML: "- " lines as a list, the others as paragraphs, labels as
    links. One HTML block with no blank line, so the chat's Markdown leaves it whole."""
    out: list[str] = []
    items: list[str] = []
    for line in answer.splitlines():
        if line.startswith("- "):
            items.append(f"<li>{link_citations(line[2:], citations, lang)}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line.strip():
            out.append(f"<p>{link_citations(line, citations, lang)}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def render_answer(result: dict[str, Any], ui: Lang | None = None) -> str:
    """The chat message for an answer: written in the question's language (and marked so),
    its citation labels in the interface's language `ui` (the question's when not given)."""
    lang = as_lang(detect(result.get("question") or ""))
    ui = ui or lang
    code = "zh-CN" if lang == "zh" else "en"
    if result["abstained"]:
        return (f'<div class="answer" lang="{code}"><p><span class="abstain-badge">'
                f'{esc(t("abstained", lang))}</span></p>{_blocks(result["answer"], [], lang)}'
                f"<p><em>{esc(t('abstained_hint', lang))}</em></p></div>")
    cites = result["citations"]
    claims = result.get("claims") or []
    body = _claims(claims, cites, ui) if claims else _blocks(result["answer"], cites, ui)
    if result.get("backend") == "streaming":  # citations are links as soon as they are written
        written = [{"anchor": a, "label": f"[{a}]"} for a in cited_anchors(result["answer"])]
        body = _blocks(result["answer"], written, ui)
    if cites:
        listed = " ".join(f'<span class="n">{i}</span>{cite_link(c["anchor"], safe_label(c["anchor"], ui))}'
                          for i, c in enumerate(cites, start=1))
        body += f'<p class="sources-line"><b>{esc(t("sources", ui))}</b> {listed}</p>'
    body += _written_by(result.get("backend") or "", ui)
    return f'<div class="answer" lang="{code}">{body}</div>'


def _claims(claims: list[dict[str, Any]], cites: list[dict[str, Any]], ui: Lang) -> str:
    """A model's answer, sentence by sentence, each followed by links to what it cites; a
    sentence the cited units do not support (or that cites nothing) is marked, with why."""
    parts = []
    for c in claims:
        links = " ".join(cite_link(a, safe_label(a, ui)) for a in c.get("anchors") or [])
        mark = "" if c.get("supported") else (
            f' <span class="unsupported" title="{esc(str(c.get("why") or ""))}">'
            f'{esc(t("unsupported", ui))}</span>')
        parts.append(f"{esc(c['text'])}{' (' + links + ')' if links else ''}{mark}")
    return f"<p>{' '.join(parts)}</p>"


def _written_by(backend: str, ui: Lang) -> str:
    """Which backend wrote the answer: the quotations, a model (its name), or the quotations
    after a model failed (and why)."""
    if backend.startswith("llm:"):
        text = t("by_model", ui, model=backend[4:])
    elif backend.startswith("extractive (LLM fallback:"):
        text = t("by_fallback", ui, why=backend.split(":", 1)[1].rstrip(")").strip())
    elif backend == "streaming":
        text = t("by_streaming", ui)
    else:
        text = t("by_quotes", ui)
    return f'<p class="backend">{esc(text)}</p>'


def _duty(c: dict[str, Any], lang: Lang) -> str:
    """Who is asked to act in a cited unit and how strongly, if anyone."""
    actors = tuple(c.get("actors") or ())
    if not actors:
        return ""
    text = duty_label(Duty(actors, c.get("force") or "none"), lang)
    return f'<span class="duty" title="{esc(t("duty", lang))}">{esc(text)}</span>'


def render_sources(result: dict[str, Any] | None, lang: Lang) -> str:
    """The latest answer's sources in the order the answer uses them (their rank is the
    number; raw scores are not shown), with who is asked to act, the text and a copy
    button each."""
    if not result or not result.get("citations"):
        return ""
    items = []
    translated = ""
    for i, c in enumerate(result["citations"], start=1):
        name = safe_label(c["anchor"], lang)
        text = f'<span class="src-text" lang="{_code(c["text"])}">{esc(c["text"])}</span>'
        source = c.get("source_text") or ""
        if c.get("translation") and source and source != c["text"]:
            text += f'<span class="src" lang="{_code(source)}">{esc(source)}</span>'
            translated = translated or c["translation"]
        items.append(
            f'<li><span class="n">{i}</span>{cite_link(c["anchor"], name)}'
            f'<code>{esc(c["anchor"])}</code><span class="texts">{text}</span>'
            f'{_duty(c, lang)}{copy_button(name, c["anchor"], lang)}</li>')
    switch = _switch(translated, result, lang) if translated else ""
    return (f'<div class="sources"><h4>{esc(t("sources", lang))}</h4>{switch}'
            f'<ol>{"".join(items)}</ol></div>')


def _code(text: str) -> str:
    """The `lang` attribute of a text: zh-CN when it is mostly Chinese."""
    return "zh-CN" if detect(text) == "zh" else "en"


def _switch(kind: str, result: dict[str, Any], lang: Lang) -> str:
    """The note that the quotations are a translation, with the switch showing the sources."""
    first = next(c for c in result["citations"] if c.get("translation"))
    return switch_html(kind, "zh" if detect(first.get("source_text") or "") == "zh" else "en", lang)


def render_examples(lang: Lang, examples: tuple[str, ...]) -> str:
    """Example questions as chips; a click asks it (handled by `_web_assets.EXAMPLES_JS`)."""
    chips = "".join(f'<button type="button" class="chip" data-q="{esc(q)}">{esc(q)}</button>'
                    for q in examples)
    return f'<div class="examples"><h4>{esc(t("examples", lang))}</h4><div>{chips}</div></div>'
