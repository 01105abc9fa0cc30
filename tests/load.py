"""`make load`: answer latency and throughput through the web server, beside the in-process
answer time they are measured against. Starts `ilo-qa serve` on a free loopback port and asks
the dev questions (every question distinct within a run, so nothing is served twice and no
kept query vector helps: 1 + 80 + 240 + 40 + 240 of them):

- in process: `Assistant.ask`, warm, one at a time (the floor);
- `POST /api/ask` (the JSON API) with 1 client, then 16 clients at once;
- Gradio's `/ask` (gradio_client) with 1 client, then 16 clients at once.

Targets (issue 13): `/api/ask` p50 at 1 client within 2x the in-process p50; at least 60
answers/s with 16 clients. Prints numbers and targets; asserts nothing."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from gradio_client import Client

from assistant import Assistant, Settings
from evals import default_questions

EXE = str(Path(sys.executable).with_name("ilo-qa"))
CLIENTS, EACH = 16, 15


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    """`ilo-qa serve` on loopback, returned once it answers HTTP 200."""
    p = subprocess.Popen([EXE, "serve", "--port", str(port)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=os.environ)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and p.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return p
        except httpx.HTTPError:
            time.sleep(0.1)
    p.kill()
    raise SystemExit("ilo-qa serve did not start")


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def _line(name: str, lat: list[float], wall: float | None = None) -> str:
    rate = f", {len(lat) / wall:.1f} answers/s" if wall else ""
    return f"{name}: p50 {1000 * pct(lat, .5):.0f} ms, p95 {1000 * pct(lat, .95):.0f} ms (n={len(lat)}){rate}"


def _concurrent(ask: Callable[[int, int], None]) -> tuple[list[float], float]:
    def client(i: int) -> list[float]:
        out = []
        for j in range(EACH):
            t = time.perf_counter()
            ask(i, j)
            out.append(time.perf_counter() - t)
        return out

    t0 = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        lat = [x for xs in pool.map(client, range(CLIENTS)) for x in xs]
    return lat, time.perf_counter() - t0


def main() -> int:
    subprocess.run([EXE, "build"], check=True, capture_output=True, env=os.environ)
    qs = [q.question for q in default_questions()]
    a = Assistant(Settings())
    a.ask(qs[0])
    inproc = []
    for q in qs[1:81]:
        t = time.perf_counter()
        a.ask(q)
        inproc.append(time.perf_counter() - t)
    del a
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = start_server(port)
    try:
        with httpx.Client(timeout=60) as c:
            c.post(f"{url}api/ask", json={"question": qs[0]})
            single_api = []
            for q in qs[1:81]:  # the questions timed in process: the same work
                t = time.perf_counter()
                assert c.post(f"{url}api/ask", json={"question": q}).status_code == 200
                single_api.append(time.perf_counter() - t)
        clients = [httpx.Client(timeout=120) for _ in range(CLIENTS)]

        def api(i: int, j: int) -> None:
            r = clients[i].post(f"{url}api/ask", json={"question": qs[81 + i * EACH + j]})
            assert r.status_code == 200 and r.json()["backend"] != "busy"

        many_api, wall_api = _concurrent(api)
        for c in clients:
            c.close()
        g = Client(url, verbose=False)
        single_gr = []
        for q in qs[321:361]:
            t = time.perf_counter()
            g.predict(q, api_name="/ask")
            single_gr.append(time.perf_counter() - t)
        gclients = [Client(url, verbose=False) for _ in range(CLIENTS)]

        def gradio(i: int, j: int) -> None:
            gclients[i].predict(qs[361 + i * EACH + j], api_name="/ask")

        many_gr, wall_gr = _concurrent(gradio)
    finally:
        server.terminate()
        server.wait()
    floor = statistics.median(inproc)
    print(_line("in process (Assistant.ask)", inproc))
    print(_line("POST /api/ask, 1 client", single_api)
          + f"  [target: p50 <= {2000 * floor:.0f} ms = 2x in-process]")
    print(_line(f"POST /api/ask, {CLIENTS} clients", many_api, wall_api) + "  [target: >= 60 answers/s]")
    print(_line("Gradio /ask, 1 client", single_gr))
    print(_line(f"Gradio /ask, {CLIENTS} clients", many_gr, wall_gr))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
