"""The web server: the Gradio UI mounted in a FastAPI app that adds a plain JSON API for
programs (`POST /api/ask`, the object `ilo-qa ask --json` prints) and guards the whole
surface: a body-size limit enforced from `Content-Length` before a body is read, Gradio's
routes that this app does not use (upload, reload, monitoring, run history, proxies,
login, streaming) answered 404, POSTs from other web pages refused (same origin unless
configured), no CORS unless configured, and security headers on every response."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from pydantic import BaseModel, Field

from assistant import Assistant, WebSettings

from ._web_assets import CSS, theme
from ._web_chat import ask_json, refused

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Gradio routes the UI never uses; each would widen what a web page can make this server do.
CLOSED = ("/gradio_api/upload", "/gradio_api/upload_progress", "/gradio_api/dev", "/gradio_api/runs",
          "/gradio_api/run-history", "/monitoring", "/gradio_api/monitoring", "/gradio_api/vibe-edit",
          "/gradio_api/vibe-code",
          "/gradio_api/undo-vibe-edit", "/gradio_api/process_recording", "/gradio_api/proxy=",
          "/gradio_api/stream", "/login", "/logout", "/gradio_api/user", "/gradio_api/token",
          "/gradio_api/mcp", "/gradio_api/file=", "/gradio_api/file/", "/docs", "/redoc",
          "/gradio_api/deep_link", "/gradio_api/reset")
# Gradio's page runs inline scripts and styles; everything else comes from this server.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
T = TypeVar("T")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin")]


class Guard:
    """ASGI middleware: closed routes → 404; a body without `Content-Length` or larger than
    the limit → 411/413 before it is read; security headers on every response."""

    def __init__(self, app: ASGIApp, max_body: int, origins: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_body = max_body
        self.origins = frozenset(o.rstrip("/") for o in origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if any(path == c or path.startswith(c if c.endswith(("=", "/")) else c + "/") or path == c + "/"
               for c in CLOSED):
            await _plain(send, 404, b"not found")
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            headers = dict(scope.get("headers") or [])
            if not self._same_origin(headers):
                # Another web page posting here (a form or fetch needs no CORS preflight).
                await _plain(send, 403, b"cross-origin requests are not accepted")
                return
            length = headers.get(b"content-length")
            if length is None or not length.isdigit():
                await _plain(send, 411, b"a Content-Length is required")
                return
            if int(length) > self.max_body:
                await _plain(send, 413, f"request body over {self.max_body} bytes".encode())
                return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


    def _same_origin(self, headers: dict[bytes, bytes]) -> bool:
        """True without an `Origin` (programs), or when it is this server or a configured one."""
        origin = headers.get(b"origin")
        if origin is None:
            return True
        value = origin.decode("latin-1").rstrip("/")
        host = headers.get(b"host", b"").decode("latin-1")
        return value in self.origins or value in (f"http://{host}", f"https://{host}")


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class _Answering:
    """At most `n` answers computed at once, each on one of `n` fixed threads, the one used
    last first (a LIFO of idle threads): more at once only contend for the two cores, a lone
    user keeps to one thread and so to one OpenMP team of the embedder (taking threads in
    turn cost a single user 10 ms a question), and a crowd keeps all `n` busy.

    A thread takes up to `batch` waiting questions at a time, has them embedded in one call
    (`prepare`), then answers them one by one, each returned as soon as it is written: with
    16 clients the embedding, most of an answer's CPU, costs ~9% less per question. A lone
    question is a batch of one, answered as before."""

    def __init__(self, n: int, batch: int, prepare: Callable[[list[Any]], object]) -> None:
        self._threads = [ThreadPoolExecutor(1, thread_name_prefix=f"ilo-qa-answer-{i}") for i in range(n)]
        self._idle = list(reversed(self._threads))  # pop() takes the one used last (under _take)
        self._waiting: deque[_Waiting] = deque()
        self._take = threading.Lock()
        self._batch = batch
        self._prepare = prepare
        self._woken = 0  # threads handed work that have not yet taken their first batch

    async def run(self, fn: Callable[[Any], T], question: Any) -> T:
        """`fn(question)` on an answer thread, its question embedded with others waiting."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[T] = loop.create_future()
        self._waiting.append(_Waiting(fn, question, done, loop))
        self._dispatch(loop)
        return await done

    def _dispatch(self, loop: asyncio.AbstractEventLoop) -> None:
        """In the event loop: an idle thread for the waiting questions, if there is one."""
        with self._take:
            # a thread woken but not yet started will take up to a batch of those waiting
            while self._idle and len(self._waiting) > self._batch * self._woken:
                self._woken += 1
                thread = self._idle.pop()
                loop.run_in_executor(thread, self._drain, thread)

    def _drain(self, thread: ThreadPoolExecutor) -> None:
        """On an answer thread: batches of waiting questions until none is left. The last
        answer of a batch is handed over only once the next batch is taken or the thread is
        idle again, so that a lone user's next question finds this same thread idle."""
        held: Callable[[], None] | None = None
        started = False
        while True:
            with self._take:
                if not started:
                    self._woken, started = self._woken - 1, True
                batch = [self._waiting.popleft() for _ in range(min(self._batch, len(self._waiting)))]
                if not batch:
                    self._idle.append(thread)
            if held is not None:
                held()
            if not batch:
                return
            with contextlib.suppress(Exception):  # each answer then embeds its own question
                self._prepare([w.question for w in batch])
            for i, w in enumerate(batch):
                try:
                    outcome: tuple[Any, BaseException | None] = (w.fn(w.question), None)
                except Exception as exc:
                    outcome = (None, exc)
                if i < len(batch) - 1:
                    w.settle(*outcome)
                else:
                    held = functools.partial(w.settle, *outcome)


@dataclass
class _Waiting:
    """A question waiting for an answer thread, and where its answer goes."""

    fn: Callable[[Any], Any]
    question: Any
    done: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop

    def settle(self, result: Any, error: BaseException | None) -> None:
        def _set() -> None:
            if self.done.done():  # the client went away
                return
            if error is not None:
                self.done.set_exception(error)
            else:
                self.done.set_result(result)

        self.loop.call_soon_threadsafe(_set)


class AskResponse(BaseModel):
    """What `POST /api/ask` returns (documentation only: the object is written as is)."""

    question: str
    answer: str
    abstained: bool
    abstain_reason: str | None = Field(description="Why it abstained, in the question's language.")
    backend: str = Field(description="What wrote the answer: extractive, or the chat model's name; "
                         "none when nothing answered (a refused input, a full queue).")
    citations: list[dict[str, Any]] = Field(
        description="anchor, label, text (the answer's language), source_text, translation, score, …")
    claims: list[dict[str, Any]] = Field(description="A model's sentences, each checked against its anchors.")


class AskRequest(BaseModel):
    """`POST /api/ask`. `question` is checked as on every path: anything but non-empty text
    within the length limit gets the refusal object, never an error page."""

    question: Any = Field(description="The question, in Chinese or English.")


def server_app(assistant: Assistant, blocks: gr.Blocks) -> FastAPI:
    """The FastAPI app: `/api/ask` and its OpenAPI schema, the UI at `/`, all guarded."""
    web: WebSettings = assistant.settings.web
    app = FastAPI(title="ILO skills and lifelong learning Q&A", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    gate = threading.BoundedSemaphore(web.ask_concurrency + web.queue_max_size)
    answering = _Answering(web.ask_concurrency, web.embed_batch, assistant.prepare)

    @app.post("/api/ask", summary="Answer a question with citations", response_model=None,
              responses={200: {"model": AskResponse, "description": "The answer object."}})
    async def api_ask(body: AskRequest) -> Response:
        """The object `ilo-qa ask --json` prints (a refused question gets the same keys);
        written with `json.dumps`, not through FastAPI's encoder (measured: +3 answers/s)."""
        if not gate.acquire(blocking=False):
            found = refused(assistant, "", "the server is busy; retry in a moment")
        else:
            try:
                found = await answering.run(functools.partial(ask_json, assistant), body.question)
            finally:
                gate.release()
        return Response(json.dumps(found, ensure_ascii=False), media_type="application/json")

    app.add_middleware(CORSMiddleware, allow_origins=list(web.cors_origins), allow_methods=["GET", "POST"],
                       allow_headers=["content-type"])
    blocks.state_session_capacity = web.session_capacity
    gr.mount_gradio_app(app, blocks, path="", show_error=False, allowed_paths=None, enable_monitoring=False,
                        max_file_size=web.max_body_bytes, mcp_server=False, run_history=False,
                        footer_links=["api"], theme=theme(), css=CSS)
    app.add_middleware(Guard, max_body=web.max_body_bytes, origins=web.cors_origins)
    return app


@dataclass
class Served:
    """A server started in this process (tests, screenshots); `close()` stops it."""

    server: uvicorn.Server
    thread: threading.Thread | None

    def close(self) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=10)


def run(app: FastAPI, host: str, port: int, *, block: bool = True, quiet: bool = False) -> Served:
    """Serve until interrupted, or with `block=False` from a thread, returning once the port
    answers."""
    config = uvicorn.Config(app, host=host, port=port, log_level="warning" if quiet else "info",
                            access_log=not quiet, timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    if block:
        server.run()
        return Served(server, None)
    thread = threading.Thread(target=server.run, name="ilo-qa-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex((host, port)) == 0 and server.started:
                return Served(server, thread)
        time.sleep(0.05)
    raise RuntimeError(f"the web server did not start on {host}:{port} within 60 s")
