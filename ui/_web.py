"""The Gradio web UI: ask (chat with clickable citations), browse (the documents as a tree,
the Appendix as a filterable table), every anchor deep-linkable, labels in Chinese or English.

One loaded `Assistant` serves every session. The only API endpoint is `/ask`
(one input, the question; output the same object as `ilo-qa ask --json`); the UI's own events
are private. Safe defaults: 127.0.0.1, never a share link, no `allowed_paths`, questions
capped at `Settings.max_question_chars`, a bounded queue."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import gradio as gr
from gradio.events import api

from assistant import Assistant

from ._web_assets import EXAMPLES_JS, LANG_JS, ROUTER_JS
from ._web_browse import ALL, filter_choices, render_appendix, render_tree
from ._web_chat import (
    ask_json,
    is_refused,
    markdown_safe,
    render_answer,
    render_examples,
    render_sources,
    stream_json,
)
from ._web_context import render_context
from ._web_html import ANCHOR_PARAM, LANG_PARAM, esc
from ._web_i18n import EXAMPLES, LANG_CHOICES, Lang, as_lang, t
from ._web_server import Served, run, server_app

# Limits come from `Settings.web`: the machine has 2 cores and the embedder serialises on a
# lock, so more than 2 questions in flight only queue inside the process; 2 lets one
# question's search overlap another's embedding. 64 waiting drain in a few seconds; beyond
# that a burst gets Gradio's immediate "queue is full, retry" instead of unbounded memory.
# Opening a paragraph or relabelling is pure string work; its own small pool keeps browsing
# responsive while questions queue.
DEFAULT_LANG: Lang = "zh"
WARM_UP_QUESTION = "技能和终身学习战略的支柱有哪些？ Which pillars does the strategy have?"


def _header(lang: Lang) -> str:
    return f"<h1>{esc(t('title', lang))}</h1><p>{esc(t('subtitle', lang))}</p>"


def _user_message(question: str) -> str:
    return markdown_safe(question.strip())


def _history(results: list[dict[str, Any]], ui: Lang) -> list[Any]:
    """The chat rebuilt from its answers, citation labels in the interface's language."""
    out: list[Any] = []
    for r in results:
        typed = r.get("typed") or r["question"]
        shown = _user_message(typed)
        if typed.strip() != r["question"].strip():  # a follow-up, asked as a standalone question
            shown += (f'<br><span class="asked-as">{esc(t("asked_as", ui))} '
                      f"{markdown_safe(r['question'])}</span>")
        out += [{"role": "user", "content": shown},
                {"role": "assistant", "content": render_answer(r, ui)}]
    return out


def _notice(question: str, result: dict[str, Any], ui: Lang, cap: int) -> str:
    """Why a question was not taken, in the interface's language, under the question box."""
    q = (question or "").strip() if isinstance(question, str) else ""
    text = (t("empty_question", ui) if not q else
            t("too_long", ui, n=len(q), limit=cap) if len(q) > cap else str(result["answer"]))
    return (f'<div class="notice" role="alert"><b>{esc(t("refused", ui))}</b> '
            f"{esc(text)}</div>")


def _request_lang(request: Any) -> Lang:
    """`?lang=en|zh` if given, else the browser's first preferred language."""
    asked = request.query_params.get(LANG_PARAM)
    if asked in ("zh", "en"):
        return as_lang(asked)
    accept = (request.headers.get("accept-language") or "").strip().lower()
    return "zh" if not accept or accept.startswith("zh") else "en"


def _kept(results: Any, turns: int) -> list[dict[str, Any]]:
    """The chat history as the server keeps it: the last `turns` answers that are answer
    objects, whatever a client sends; a session's state cannot grow without bound."""
    if not isinstance(results, list):
        return []
    return [r for r in results if isinstance(r, dict) and isinstance(r.get("question"), str)][-turns:]


def build_app(assistant: Assistant) -> gr.Blocks:
    """The whole UI as a `gr.Blocks`, with its queue configured; launch it with `launch`."""
    corpus = assistant.corpus
    cap = assistant.settings.max_question_chars
    lang0 = DEFAULT_LANG
    choices0 = filter_choices(corpus, lang0)
    web = assistant.settings.web
    private: dict[str, Any] = {"api_visibility": "private"}
    render: dict[str, Any] = {**private, "concurrency_limit": web.render_concurrency,
                              "concurrency_id": "render", "show_progress": "hidden"}

    def answer(question: str, results: list[dict[str, Any]] | None,
               lang: str) -> Iterator[tuple[Any, ...]]:
        """A follow-up is made standalone first (and shown so); a model's answer streams in,
        its citation labels links as soon as they are written; then the checked answer."""
        ui = as_lang(lang)
        done = _kept(results, web.history_turns)
        typed = question if isinstance(question, str) else ""
        asked = assistant.standalone(typed, [r["question"] for r in done]) if typed.strip() else typed
        for part in stream_json(assistant, asked):
            if isinstance(part, str):
                pending = {"question": asked, "typed": typed, "answer": part, "abstained": False,
                           "backend": "streaming", "citations": [], "claims": []}
                yield _history([*done, pending], ui), "", gr.skip(), gr.skip(), ""
                continue
            if is_refused(part):
                # Said under the question box, in the interface's language; nothing else changes.
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), _notice(typed, part, ui, cap)
                return
            part["typed"] = typed
            done.append(part)
            yield _history(done, ui), "", render_sources(part, ui), done, ""

    def pick(results: list[dict[str, Any]] | None, lang: str,
             evt: gr.EventData) -> Iterator[tuple[Any, ...]]:
        yield from answer(str(getattr(evt, "question", "")), results, lang)

    def open_anchor(lang: str, evt: gr.EventData) -> tuple[str, str]:
        anchor = str(getattr(evt, "anchor", "") or "")
        return render_context(corpus, anchor, as_lang(lang)), anchor

    def clear() -> tuple[list[Any], str, list[Any], str]:
        return [], "", [], ""

    def table(lang: str, pillar: str, component: str, point: str) -> str:
        return render_appendix(corpus, as_lang(lang), pillar or ALL, component or ALL, point or ALL)

    def relabel(lang_value: str, anchor: str | None, results: list[dict[str, Any]] | None,
                pillar: str, component: str, point: str) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        ch = filter_choices(corpus, lang)
        latest = results[-1] if results else None
        return (
            _header(lang), "",
            gr.Tab(label=t("tab_ask", lang)), gr.Tab(label=t("tab_browse", lang)),
            gr.Tab(label=t("tab_appendix", lang)),
            gr.Chatbot(value=_history(results or [], lang), placeholder=t("chat_placeholder", lang)),
            gr.Textbox(label=t("question", lang), placeholder=t("question_placeholder", lang),
                       info=t("question_info", lang, n=cap)),
            gr.Button(t("ask", lang)), gr.Button(t("clear", lang)),
            render_sources(latest, lang), render_examples(lang, EXAMPLES),
            render_context(corpus, anchor, lang), render_tree(corpus, lang),
            gr.Dropdown(choices=ch["pillar"], value=pillar or ALL, label=t("pillar", lang)),
            gr.Dropdown(choices=ch["component"], value=component or ALL,
                        label=t("component", lang)),
            gr.Dropdown(choices=ch["point"], value=point or ALL, label=t("point", lang)),
            table(lang, pillar, component, point),
        )

    def on_load(request: gr.Request) -> tuple[str, str, str | None]:
        lang = _request_lang(request)
        anchor = request.query_params.get(ANCHOR_PARAM) or None
        return lang, render_context(corpus, anchor, lang), anchor

    with gr.Blocks(title=f"{t('title', 'en')} · {t('title', 'zh')}",
                   analytics_enabled=False) as app:
        anchor_state = gr.State(None)
        results_state = gr.State([])  # every answer in the chat, to relabel it
        with gr.Row(elem_id="top"):
            header = gr.HTML(_header(lang0), elem_id="header")
            lang = gr.Radio(LANG_CHOICES, value=lang0, show_label=False, container=False,
                            elem_id="lang", scale=0, min_width=190)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=480), gr.Tabs(elem_id="tabs"):
                with gr.Tab(t("tab_ask", lang0), id="ask", elem_id="tab-ask") as tab_ask:
                    chat = gr.Chatbot(show_label=False, elem_id="chat", height=360, buttons=[],
                                      placeholder=t("chat_placeholder", lang0),
                                      feedback_options=None, layout="bubble")
                    with gr.Row(elem_id="ask-row"):
                        question = gr.Textbox(
                            label=t("question", lang0), elem_id="question", lines=1,
                            max_lines=6, scale=5, placeholder=t("question_placeholder", lang0),
                            max_length=cap,
                            info=t("question_info", lang0, n=cap), submit_btn=False)
                        with gr.Column(scale=1, min_width=110, elem_id="ask-buttons"):
                            ask = gr.Button(t("ask", lang0), variant="primary",
                                            elem_id="ask")
                            clear_button = gr.Button(t("clear", lang0), size="sm",
                                                     variant="secondary", elem_id="clear")
                    notice = gr.HTML("", elem_id="notice")
                    sources = gr.HTML(render_sources(None, lang0), elem_id="sources")
                    examples = gr.HTML(render_examples(lang0, EXAMPLES), elem_id="examples",
                                       js_on_load=EXAMPLES_JS)
                with gr.Tab(t("tab_browse", lang0), id="browse",
                            elem_id="tab-browse") as tab_browse:
                    tree = gr.HTML(render_tree(corpus, lang0), elem_id="tree")
                with gr.Tab(t("tab_appendix", lang0), id="appendix",
                            elem_id="tab-appendix") as tab_appendix:
                    with gr.Row(elem_id="filters"):
                        pillar = gr.Dropdown(choices0["pillar"], value=ALL,
                                             label=t("pillar", lang0), elem_id="f-pillar")
                        component = gr.Dropdown(choices0["component"], value=ALL,
                                                label=t("component", lang0),
                                                elem_id="f-component")
                        point = gr.Dropdown(choices0["point"], value=ALL,
                                            label=t("point", lang0), elem_id="f-point")
                    appendix = gr.HTML(render_appendix(corpus, lang0), elem_id="appendix")
            with gr.Column(scale=2, min_width=380, elem_id="side"):
                context = gr.HTML(render_context(corpus, None, lang0), elem_id="context",
                                  js_on_load=ROUTER_JS)

        # The API: exactly one public endpoint, /ask.
        def ask_api(question: str) -> dict[str, Any]:
            """Answer a question with citations: the object `ilo-qa ask --json` prints."""
            return ask_json(assistant, question)

        api(ask_api, api_name="ask", concurrency_limit=web.ask_concurrency, concurrency_id="ask")

        asked = [chat, question, sources, results_state, notice]
        ask_kw: dict[str, Any] = {**private, "concurrency_limit": web.ask_concurrency,
                                  "concurrency_id": "ask"}
        question.submit(answer, [question, results_state, lang], asked, **ask_kw)
        ask.click(answer, [question, results_state, lang], asked, **ask_kw)
        examples.pick(pick, [results_state, lang], asked, **ask_kw)
        cleared = [chat, sources, results_state, notice]
        clear_button.click(clear, None, cleared, **render)
        chat.clear(clear, None, cleared, **render)  # its own bin icon
        context.open(open_anchor, [lang], [context, anchor_state], **render)
        for dropdown in (pillar, component, point):
            dropdown.change(table, [lang, pillar, component, point], appendix, **render)
        lang.change(relabel, [lang, anchor_state, results_state, pillar, component, point],
                    [header, notice, tab_ask, tab_browse, tab_appendix, chat, question, ask,
                     clear_button, sources, examples, context, tree, pillar, component, point,
                     appendix], **render)
        # The choice is kept in the address (so a reload keeps it) and declared on the page.
        lang.change(None, [lang], None, js=LANG_JS, **private)
        app.load(on_load, None, [lang, context, anchor_state], **render).then(
            None, [lang], None, js=LANG_JS, **private)
    app.queue(default_concurrency_limit=web.ask_concurrency, max_size=web.queue_max_size)
    blocks: gr.Blocks = app
    return blocks


def launch(app: gr.Blocks, assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, *,
           block: bool = True, quiet: bool = False) -> Served:
    """Serve the UI with the JSON API beside it (`_web_server`): no share link, no
    `allowed_paths`, a guarded surface. With `block=False` it returns once the port answers
    (tests); `close()` the result to stop it."""
    return run(server_app(assistant, app), host, port, block=block, quiet=quiet)


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860) -> None:
    """`ilo-qa serve`: build the UI and serve it until interrupted. The first question pays
    one-off costs (jieba loads its dictionary, ~1 s); a background warm-up pays them while
    the server starts, so the first person does not."""
    threading.Thread(target=assistant.ask, args=(WARM_UP_QUESTION,), name="ilo-qa-warm-up",
                     daemon=True).start()
    launch(build_app(assistant), assistant, host, port)
