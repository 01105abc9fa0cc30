"""A small OpenAI-compatible chat server on loopback, for tests: it records every request and
answers each with the next canned reply — text (as one message, or streamed in chunks), an
HTTP error, a malformed body, or silence longer than the client's timeout."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One canned reply: `text`, or `status` (an HTTP error), `raw` (a body sent as is),
    `delay` seconds of silence first."""

    text: str = ""
    status: int = 200
    raw: bytes | None = None
    delay: float = 0.0


@dataclass
class ChatServer:
    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def prompt(self, i: int = -1) -> str:
        """The messages of request `i`, joined: what the model was shown."""
        return "\n".join(m["content"] for m in self.requests[i]["messages"])


def _completion(text: str) -> dict[str, Any]:
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _chunk(text: str, done: bool = False) -> bytes:
    body = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0,
            "model": "test", "choices": [{"index": 0, "delta": {} if done else {"content": text},
                                          "finish_reason": "stop" if done else None}]}
    return f"data: {json.dumps(body)}\n\n".encode()


def _handler(server: ChatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            server.requests.append(body)
            reply = server.replies.pop(0) if server.replies else Reply("")
            if reply.delay:
                time.sleep(reply.delay)
            if reply.status != 200 or reply.raw is not None:
                data = reply.raw if reply.raw is not None else b'{"error": {"message": "boom"}}'
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if body.get("stream"):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = reply.text.split(" ")
                for i, word in enumerate(words):
                    self.wfile.write(_chunk(word + (" " if i < len(words) - 1 else "")))
                    self.wfile.flush()
                self.wfile.write(_chunk("", done=True) + b"data: [DONE]\n\n")
                return
            data = json.dumps(_completion(reply.text)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (the timeout test leaves after 2 s; its reply is written at
        3 s) is expected: without this, socketserver prints a traceback into whichever later
        test is capturing stderr. Anything else is still printed."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def chat_server() -> Iterator[ChatServer]:
    """A running server on a free loopback port; `server.url` is its `/v1` base URL."""
    server = ChatServer()
    httpd = _Server(("127.0.0.1", 0), _handler(server))
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
