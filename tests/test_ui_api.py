"""The web UI's API as a client sees it: `gradio_client` against a server started in this
process on a free port, answering with the session's assistant."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from gradio_client import Client

from assistant import Assistant
from ui._web import build_app, launch
from ui._web_chat import REFUSED_BACKEND

# Gradio's queue calls pandas in ways pandas 3 deprecates; not ours to fix.
pytestmark = [
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]
KEYS = ["question", "answer", "abstained", "abstain_reason", "backend", "citations", "claims"]
CITATION_KEYS = ["anchor", "label", "text", "score", "source_text", "translation", "actors", "force",
                 "supported"]
QUESTIONS = [
    "哪项产出涉及终身职业发展支持系统？",
    "结论第14段(h)对应哪些高级别产出？",
    "Which output covers the capacity of employers' organizations?",
    "What should teachers and trainers be offered according to the Conclusions?",
    "Which paragraph mandates a ratification campaign for Convention No. 142?",
    "How do I bake sourdough bread?",
    "哪一段要求针对第142号公约开展批约运动？",
    "支柱1涉及哪些方面？",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def url(assistant: Assistant) -> Iterator[str]:
    app = build_app(assistant)
    port = free_port()
    launch(app, port=port, block=False, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


@pytest.fixture(scope="module")
def client(url: str) -> Client:
    return Client(url, verbose=False)


def test_ask_is_the_only_endpoint(client: Client) -> None:
    api = client.view_api(return_format="dict", print_info=False)
    assert api is not None
    assert list(api["named_endpoints"]) == ["/ask"]
    assert api["unnamed_endpoints"] == {}
    assert [p["parameter_name"] for p in api["named_endpoints"]["/ask"]["parameters"]] == ["question"]


def test_ask_returns_the_cli_json_object(client: Client, assistant: Assistant) -> None:
    q = "Which paragraph mandates a ratification campaign for Convention No. 142?"
    result: dict[str, Any] = client.predict(q, api_name="/ask")
    assert list(result) == KEYS
    assert result == assistant.ask(q).to_json()
    assert result["abstained"] is False and result["backend"] == "extractive"
    assert [list(c) for c in result["citations"]] == [CITATION_KEYS] * len(result["citations"])
    assert len(result["citations"]) == assistant.settings.k
    assert "GB.346/INS/4#p25.a" in [c["anchor"] for c in result["citations"]]
    scores = [c["score"] for c in result["citations"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_abstains_out_of_scope(client: Client) -> None:
    result = client.predict("How do I bake sourdough bread?", api_name="/ask")
    assert list(result) == KEYS
    assert result["abstained"] is True and result["citations"] == []
    assert result["answer"] == (
        "The documents (GB.346/INS/4 and the ILC.109 Resolution) do not cover this question. "
        "No paragraph is close enough to the question. Ask about the strategy's pillars, the "
        "action plan's outputs or the 2021 Conclusions.")
    assert result["abstain_reason"] == result["answer"].split("question. ", 1)[1]


@pytest.mark.parametrize("kind", ["empty", "too long"])
def test_a_bad_question_gets_the_same_keys_and_the_reason(
    client: Client, assistant: Assistant, kind: str
) -> None:
    cap = assistant.settings.max_question_chars
    q = "   " if kind == "empty" else "技" * (cap + 1)
    result = client.predict(q, api_name="/ask")
    assert list(result) == KEYS
    assert result["abstained"] is True and result["citations"] == []
    assert result["backend"] == REFUSED_BACKEND
    expected = ("the question is empty" if kind == "empty"
                else f"the question has {cap + 1} characters, more than the limit of {cap}")
    assert result["answer"].startswith(expected)


def test_sixteen_concurrent_users_all_get_their_answer(url: str, assistant: Assistant) -> None:
    questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(16)]
    assert len(questions) <= assistant.settings.web.queue_max_size
    expected = {q: assistant.ask(q).to_json() for q in set(questions)}

    def one_user(q: str) -> dict[str, Any]:
        result: dict[str, Any] = Client(url, verbose=False).predict(q, api_name="/ask")
        return result

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(one_user, questions))
    assert results == [expected[q] for q in questions]
