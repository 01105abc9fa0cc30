"""The web UI's API as a client sees it: `gradio_client` against a server started in this
process on a free port, answering with the session's assistant."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
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
    port = free_port()
    served = launch(build_app(assistant), assistant, port=port, block=False, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        served.close()


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


# The plain JSON API and the guarded surface (ui/_web_server.py).

def test_api_ask_gives_the_cli_object_and_has_a_schema(url: str, assistant: Assistant) -> None:
    q = "哪项产出涉及终身职业发展支持系统？"
    r = httpx.post(f"{url}api/ask", json={"question": q}, timeout=30)
    assert r.status_code == 200 and r.json() == assistant.ask(q).to_json()
    schema = httpx.get(f"{url}api/openapi.json", timeout=10).json()
    ok = schema["paths"]["/api/ask"]["post"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/AskResponse"}
    assert list(schema["components"]["schemas"]["AskResponse"]["properties"]) == KEYS


@pytest.mark.parametrize("question", [42, ["支柱1涉及哪些方面？"], {"q": 1}, None, "\ud800", "技" * 1001])
def test_api_ask_refuses_what_is_not_a_question_with_the_refusal_object(url: str, question: object) -> None:
    body = json.dumps({"question": question})  # a lone surrogate travels as \ud800
    r = httpx.post(f"{url}api/ask", content=body, headers={"content-type": "application/json"}, timeout=30)
    assert r.status_code == 200
    got = r.json()
    assert list(got) == KEYS and got["abstained"] is True and got["backend"] == REFUSED_BACKEND
    assert got["question"] == "" and got["citations"] == []  # never echoed back


def test_bodies_over_the_limit_or_without_a_length_are_refused_before_they_are_read(
        url: str, assistant: Assistant) -> None:
    limit = assistant.settings.web.max_body_bytes
    big = json.dumps({"question": "x" * (limit + 10)})
    for path in ("api/ask", "gradio_api/queue/join", "gradio_api/call/ask"):
        r = httpx.post(f"{url}{path}", content=big, headers={"content-type": "application/json"}, timeout=10)
        assert r.status_code == 413, path
    chunked = httpx.post(f"{url}api/ask", content=iter([b'{"question": "hi"}']), timeout=10)
    assert chunked.status_code == 411


CLOSED = ["gradio_api/upload", "gradio_api/upload_progress", "gradio_api/dev/reload", "monitoring",
          "gradio_api/monitoring", "gradio_api/runs", "gradio_api/run-history/buckets", "gradio_api/vibe-code",
          "gradio_api/mcp/sse", "gradio_api/proxy=https://example.org/", "login", "gradio_api/token",
          "docs", "gradio_api/file=/etc/passwd", "gradio_api/file=../../etc/passwd",
          "gradio_api/file/etc/passwd", "gradio_api/stream/x/close"]


@pytest.mark.parametrize("path", CLOSED)
def test_routes_the_ui_does_not_use_are_closed(url: str, path: str) -> None:
    for method in ("GET", "POST"):
        r = httpx.request(method, f"{url}{path}", content=b"x" if method == "POST" else None, timeout=10)
        assert r.status_code == 404, (method, path, r.status_code)


TRAVERSAL = ["static/../../../../etc/passwd", "static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
             "assets/..%2f..%2f..%2f..%2fetc%2fpasswd", "assets//etc/passwd",
             "svelte/../../../etc/passwd",
             "gradio_api/file=%2fetc%2fpasswd", "custom_component/x/y/z/..%2f..%2fpasswd",
             "favicon.ico/../../etc/passwd"]


@pytest.mark.parametrize("path", TRAVERSAL)
def test_file_routes_refuse_traversal_and_absolute_paths(url: str, path: str, assistant: Assistant) -> None:
    r = httpx.get(f"{url}{path}", timeout=10)
    assert "root:x:0:0" not in r.text and r.status_code in (400, 403, 404, 405)
    index = assistant.index.folder
    assert index is not None
    r = httpx.get(f"{url}gradio_api/file={index / 'manifest.json'}", timeout=10)
    assert r.status_code == 404 and "corpus_sha256" not in r.text


def test_security_headers_and_no_foreign_cors(url: str) -> None:
    for r in (httpx.get(url, timeout=10), httpx.post(f"{url}api/ask", json={"question": ""}, timeout=10)):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    pre = httpx.options(f"{url}api/ask", headers={"Origin": "https://evil.example",
                                                  "Access-Control-Request-Method": "POST"}, timeout=10)
    assert "access-control-allow-origin" not in pre.headers
    for path in ("api/ask", "gradio_api/queue/join", "gradio_api/call/ask"):
        r = httpx.post(f"{url}{path}", json={"question": "支柱1涉及哪些方面？"},
                       headers={"Origin": "https://evil.example"}, timeout=30)
        assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    same = httpx.post(f"{url}api/ask", json={"question": "支柱1涉及哪些方面？"},
                      headers={"Origin": url.rstrip("/")}, timeout=30)
    assert same.status_code == 200 and same.json()["citations"]


def test_answers_run_on_fixed_threads_the_last_used_first() -> None:
    """A lone user keeps to one thread (one OpenMP team for the embedder); at most `n` run
    at once, on `n` threads."""
    import asyncio
    import threading
    import time

    from ui._web_server import _Answering

    running, most, names = 0, 0, []
    lock = threading.Lock()

    def work(_q: object) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with lock:
            running -= 1
        return threading.current_thread().name

    async def main() -> None:
        pool = _Answering(2, 1, lambda qs: None)
        names.extend([await pool.run(work, i) for i in range(5)])
        names.extend(await asyncio.gather(*(pool.run(work, i) for i in range(8))))

    asyncio.run(main())
    assert len(set(names[:5])) == 1  # one after another: always the same thread
    assert len(set(names[5:])) == 2 and most == 2  # a crowd: both threads, never more


def test_waiting_questions_are_embedded_together_then_answered_each() -> None:
    """A thread takes up to `batch` waiting questions, has them prepared in one call, then
    answers each; a lone question is a batch of one; an answer that fails fails alone."""
    import asyncio
    import threading

    from ui._web_server import _Answering

    prepared: list[list[int]] = []
    started, release = threading.Event(), threading.Event()

    def answer(q: int) -> int:
        if q == 0:
            started.set()
            release.wait(5)  # the others queue up meanwhile
        if q == 7:
            raise ValueError("seven")
        return q * 10

    async def main() -> list[object]:
        pool = _Answering(1, 4, prepared.append)
        lone = await pool.run(answer, -1)
        tasks = [asyncio.ensure_future(pool.run(answer, 0))]
        await asyncio.get_running_loop().run_in_executor(None, started.wait, 5)
        tasks += [asyncio.ensure_future(pool.run(answer, i)) for i in range(1, 10)]
        await asyncio.sleep(0.05)
        release.set()
        return [lone, *await asyncio.gather(*tasks, return_exceptions=True)]

    got = asyncio.run(main())
    assert prepared == [[-1], [0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]
    assert got[:8] == [-10, 0, 10, 20, 30, 40, 50, 60]
    assert isinstance(got[8], ValueError) and got[9:] == [80, 90]


def test_sixteen_api_clients_get_the_answers_asked_alone(url: str, assistant: Assistant) -> None:
    """Answered in batches of waiting questions: the same objects as one at a time."""
    questions = [*QUESTIONS, "What will the Office do on apprenticeships?", "哪项产出涉及优质学徒制？",
                 "Which paragraph mandates output 33?", "理事会被要求或被提请采取什么行动？"]
    questions = [questions[i % len(questions)] for i in range(16)]
    expected = {q: assistant.ask(q).to_json() for q in set(questions)}
    with ThreadPoolExecutor(max_workers=16) as pool:
        got = list(pool.map(lambda q: httpx.post(f"{url}api/ask", json={"question": q}, timeout=60).json(),
                            questions))
    assert got == [expected[q] for q in questions]
