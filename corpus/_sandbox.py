"""Parse an untrusted file in a child process with a time limit and a memory limit, so a
hostile PDF (a compression bomb, a circular xref, a cyclic page tree, absurd lengths, deep
nesting) costs at most those limits and never the caller's process."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ._extract import Extracted, IngestError, kind_of


@dataclass(frozen=True)
class Limits:
    """What one parse may cost: seconds of wall time, megabytes of address space, and the
    size of the file itself (checked before anything is read)."""

    seconds: float = 60.0
    memory_mb: int = 1024
    max_bytes: int = 50 * 1024 * 1024


def _limit(memory_mb: int, seconds: float) -> None:
    """Runs in the child before it starts: caps its memory and CPU time."""
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cpu = int(seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))


def extract_isolated(path: Path, limits: Limits = Limits()) -> Extracted:
    """The text of `path`, parsed in a child process under `limits`; an `IngestError` names
    the file and what went wrong when the file is bad or the child hits a limit."""
    kind_of(path)  # an unsupported extension is refused before any work
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    if not path.is_file():
        raise IngestError(f"{path}: not a file; give the path of a .pdf, .html or .txt file")
    if size == 0:
        raise IngestError(f"{path.name}: the file is empty; nothing was added")
    if size > limits.max_bytes:
        raise IngestError(f"{path.name}: {size / 2**20:.1f} MB is more than the limit of "
                          f"{limits.max_bytes / 2**20:.0f} MB (ILO_QA_INGEST_MAX_BYTES); nothing was added")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "HOME")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "corpus._extract", str(path.resolve())],
            capture_output=True, timeout=limits.seconds, env=env, check=False,
            preexec_fn=lambda: _limit(limits.memory_mb, limits.seconds),
        )
    except subprocess.TimeoutExpired:
        raise IngestError(
            f"{path.name}: parsing took longer than {limits.seconds:g} s (a damaged or hostile "
            "file?); nothing was added"
        ) from None
    memory = (f"{path.name}: parsing needed more than {limits.memory_mb} MB (a compression bomb or "
              "a damaged file?); nothing was added")
    try:
        out = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        if done.returncode < 0 or b"MemoryError" in done.stderr:  # killed by a signal or out of memory
            raise IngestError(memory) from None
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise IngestError(f"{path.name}: the parser failed ({tail[0][:160]}); nothing was added") from None
    if not out.get("ok"):
        raise IngestError(memory if out.get("error") == "memory" else str(out.get("error")))
    return Extracted(out["kind"], tuple(map(str, out["pages"])), str(out.get("title", "")),
                     float(out.get("peak_mb", 0.0)))
