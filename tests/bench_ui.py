"""`make bench` (second half): start-up of `ilo-qa serve` with a built index (until its port
answers HTTP 200), and `/ask` latency for one user and for 16 concurrent users (each its own
gradio_client, 20 questions each). Prints numbers; asserts nothing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gradio_client import Client

from evals import default_questions
from tests.load import free_port

EXE = str(Path(sys.executable).with_name("ilo-qa"))
USERS, EACH = 16, 20


def _start(port: int) -> tuple[subprocess.Popen[bytes], float]:
    t0 = time.perf_counter()
    p = subprocess.Popen([EXE, "serve", "--port", str(port)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    while p.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as r:
                if r.status == 200:
                    return p, time.perf_counter() - t0
        except OSError:
            time.sleep(0.05)
    raise SystemExit("ilo-qa serve exited before answering")


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> int:
    subprocess.run([EXE, "build"], check=True, capture_output=True, env=os.environ)
    starts = []
    for _ in range(3):
        p, dt = _start(free_port())
        starts.append(dt)
        p.terminate()
        p.wait()
    port = free_port()
    p, _ = _start(port)
    url = f"http://127.0.0.1:{port}/"
    qs = [q.question for q in default_questions()]
    try:
        single = []
        c = Client(url, verbose=False)
        c.predict(qs[0], api_name="/ask")
        for q in qs[:40]:
            t = time.perf_counter()
            c.predict(q, api_name="/ask")
            single.append(time.perf_counter() - t)

        def user(i: int) -> list[float]:
            client = Client(url, verbose=False)
            out = []
            for j in range(EACH):
                t = time.perf_counter()
                client.predict(qs[(i * EACH + j) % len(qs)], api_name="/ask")
                out.append(time.perf_counter() - t)
            return out

        t0 = time.perf_counter()
        with ThreadPoolExecutor(USERS) as pool:
            lat = [x for xs in pool.map(user, range(USERS)) for x in xs]
        wall = time.perf_counter() - t0
    finally:
        p.terminate()
        p.wait()
    print(f"`ilo-qa serve` start-up with a built index: median {statistics.median(starts):.2f} s "
          f"({', '.join(f'{s:.2f}' for s in starts)})")
    print(f"/ask, 1 user: p50 {1000 * _pct(single, .5):.0f} ms, p95 {1000 * _pct(single, .95):.0f} ms")
    print(f"/ask, {USERS} concurrent users x {EACH}: p50 {1000 * _pct(lat, .5):.0f} ms, "
          f"p95 {1000 * _pct(lat, .95):.0f} ms, {len(lat) / wall:.1f} answers/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
