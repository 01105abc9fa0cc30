"""`make bench`: the performance numbers of the closing notes, measured on this machine.

Build time of the index (from the shipped seed, and embedding every text), warm answer
latency over the gold questions, the bare query-embedding time (the floor), cold `ilo-qa ask`
wall time with a built index, and peak memory. Targets are printed beside the numbers; nothing here asserts."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant import Assistant, Settings, shape_of
from corpus import load_corpus
from evals import default_questions
from index import build_index, make_embedder


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ilo-qa-bench-"))
    settings = Settings(home=home)
    corpus = load_corpus()
    embedder = make_embedder()
    shape = shape_of(settings)
    t = time.perf_counter()  # from nothing: every text embedded
    build_index(corpus, embedder, home / "scratch", shape=shape, seed=None)
    scratch_s = time.perf_counter() - t
    t = time.perf_counter()  # a first build on a new machine: the shipped seed
    build_index(corpus, embedder, settings.index_dir, shape=shape, cache_dir=settings.cache_dir)
    build_s = time.perf_counter() - t

    assistant = Assistant(settings, corpus=corpus, embedder=embedder, build=False)
    questions = [q.question for q in default_questions()]
    assistant.ask(questions[0])
    answer_ms, embed_ms = [], []
    for q in questions:
        t = time.perf_counter()
        assistant.ask(q)
        answer_ms.append((time.perf_counter() - t) * 1000)
        embed_ms.append(assistant.timed_embedding(q) * 1000)
    p50, p95 = _pct(answer_ms, 50), _pct(answer_ms, 95)
    floor = statistics.median(embed_ms)

    exe = Path(sys.executable).with_name("ilo-qa")
    env = {**os.environ, "ILO_QA_HOME": str(home)}
    cold = []
    for q in ("支柱1涉及哪些方面？", "Which output covers apprenticeships?", "结论第14段(h)对应哪些高级别产出？"):
        t = time.perf_counter()
        subprocess.run([str(exe), "ask", q, "--json"], env=env, check=True, capture_output=True)
        cold.append(time.perf_counter() - t)
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(assistant.index)
    print(f"index build, {n} chunks, {3 * n} vectors: first build with the shipped seed "
          f"{build_s:.1f} s; every text embedded {scratch_s:.1f} s (target ≤ 30 s)")
    print(f"warm answer latency over {len(questions)} questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          "(target p50 ≤ 30 ms)")
    print(f"bare query embedding: median {floor:.1f} ms; p50 answer / embedding = {p50 / floor:.2f}")
    print(f"cold `ilo-qa ask` with a built index: median {statistics.median(cold):.2f} s, "
          f"max {max(cold):.2f} s (target ≤ 3 s)")
    print(f"peak RSS: cold ask {child_rss:.0f} MB; this benchmark process {self_rss:.0f} MB "
          "(target ≤ 500 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
