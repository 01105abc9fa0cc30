"""The Gradio web UI. It holds one loaded `Assistant` and exposes the SPEC's `/ask` endpoint
(one input, the question; output the same object as `ilo-qa ask --json`)."""

from __future__ import annotations

import html
from typing import Any

from assistant import Assistant, QuestionError


def _render(result: dict[str, Any]) -> str:
    if "error" in result:
        return f"**{html.escape(result['error'])}**"
    parts = [html.escape(result["answer"]).replace("\n", "  \n")]
    if result["citations"]:
        parts.append("\n**来源 / Sources**\n")
        for i, c in enumerate(result["citations"], start=1):
            parts.append(f"{i}. **{html.escape(c['label'])}** `{c['anchor']}` — "
                         f"{html.escape(c['text'])}")
    return "\n".join(parts)


def build_app(assistant: Assistant) -> Any:
    import gradio as gr

    def ask(question: str) -> dict[str, Any]:
        try:
            return assistant.ask(question).to_json()
        except QuestionError as exc:
            return {"question": question, "error": str(exc)}

    with gr.Blocks(title="ILO skills & lifelong learning Q&A") as app:
        gr.Markdown("## ILO 技能和终身学习问答 · Skills and lifelong learning Q&A")
        question = gr.Textbox(label="问题 / Question", lines=2, max_length=assistant.settings.max_question_chars)
        button = gr.Button("提问 / Ask", variant="primary")
        result = gr.JSON(visible=False)
        shown = gr.Markdown()
        for trigger in (button.click, question.submit):
            trigger(ask, question, result, api_name="ask" if trigger == button.click else False).then(
                _render, result, shown, api_name=False
            )
    app.queue(default_concurrency_limit=2, max_size=64)
    return app


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860) -> None:
    build_app(assistant).launch(server_name=host, server_port=port, share=False)
