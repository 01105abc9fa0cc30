"""`make soak`: 50 concurrent users on loopback for 10 minutes (SOAK_SECONDS to change it),
half through `POST /api/ask`, half through Gradio's `/ask` (its HTTP call API, as a program
would use it, each call a new session). Counts errors and samples the server's resident
memory every 10 s. Target (issue 13): zero errors, RSS at the end within 15% of RSS after
the first minute. Prints the numbers; asserts nothing."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import httpx

from evals import default_questions
from tests.load import free_port, pct, start_server

USERS = 50
SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _gradio_ask(c: httpx.Client, url: str, q: str) -> dict[str, object]:
    """One answer through Gradio's call API: POST the question, read the event stream."""
    r = c.post(f"{url}gradio_api/call/ask", json={"data": [q]})
    r.raise_for_status()
    event = r.json()["event_id"]
    with c.stream("GET", f"{url}gradio_api/call/ask/{event}") as s:
        kind = ""
        for line in s.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind == "complete":
                out: dict[str, object] = json.loads(line[5:])[0]
                return out
            elif kind == "error":
                raise RuntimeError(f"gradio error event: {line}")
    raise RuntimeError("no complete event")


def main() -> int:
    qs = [q.question for q in default_questions()]
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = start_server(port)
    errors: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def user(i: int) -> None:
        with httpx.Client(timeout=120) as c:
            n = i
            while not stop.is_set():
                q = qs[n % len(qs)]
                n += USERS
                t = time.perf_counter()
                try:
                    if i % 2:
                        r = c.post(f"{url}api/ask", json={"question": q})
                        r.raise_for_status()
                        ok = r.json()["backend"] != "busy" and bool(r.json()["answer"])
                    else:
                        ok = bool(_gradio_ask(c, url, q)["answer"])
                    if not ok:
                        raise RuntimeError("empty or busy answer")
                except Exception as exc:
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}"[:200])
                    continue
                with lock:
                    latencies.append(time.perf_counter() - t)

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(USERS)]
    started = time.monotonic()
    for t in threads:
        t.start()
    samples: list[tuple[float, float]] = []
    try:
        while time.monotonic() - started < SECONDS:
            time.sleep(10)
            samples.append((time.monotonic() - started, rss_mb(server.pid)))
            print(f"{samples[-1][0]:5.0f} s  RSS {samples[-1][1]:6.1f} MB  answers {len(latencies)}  "
                  f"errors {len(errors)}", flush=True)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=130)
        server.terminate()
        server.wait()
    first = next((mb for s, mb in samples if s >= 60), samples[0][1] if samples else 0.0)
    end = samples[-1][1] if samples else 0.0
    growth = (end - first) / first if first else 0.0
    print(f"soak: {USERS} users for {SECONDS} s: {len(latencies)} answers "
          f"({len(latencies) / SECONDS:.1f}/s), {len(errors)} errors, p50 {1000 * pct(latencies, .5):.0f} ms, "
          f"p95 {1000 * pct(latencies, .95):.0f} ms; RSS after 1 min {first:.0f} MB, at the end {end:.0f} MB "
          f"({growth:+.1%}; target within 15%)")
    for e in sorted(set(errors))[:10]:
        print(f"  error: {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
