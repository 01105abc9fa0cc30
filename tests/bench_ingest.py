"""`make bench-ingest`: what adding documents costs and how well they are then found.

Generates PDFs of the two standards modelled on C142 and R195 (`evals/standards/`, written
for the tests, not the official texts) and the Chinese C142 as a language version, ingests
each into a fresh home, and measures: parse time per page, ingest time per 100 units (parse
and index update), the parsing child's peak memory; then retrieval on the standards' gold
questions (dev: looked at and tuned on; test: written by a second helper, aggregates only).
Writes its section of evals/REPORT.md (between the `standards` markers) and prints it."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant import Assistant, Ingested, Settings, ingest
from evals import evaluate, read_questions
from tests import files

STANDARDS = Path(__file__).parent.parent / "evals" / "standards"
REPORT = Path(__file__).parent.parent / "evals" / "REPORT.md"
START, END = "<!-- standards: written by make bench-ingest -->", "<!-- /standards -->"


def _pdf(text: str, path: Path, per_page: int) -> Path:
    """The text as a PDF, a few articles or paragraphs a page (fewer when a page overflows)."""
    blocks = re.split(r"\n(?=Article \d+\n|第\d+条\n|\d{1,2}\. |[IVX]+\. [A-Z])", text.strip())
    while True:
        pages = [["\n".join(blocks[i : i + per_page])] for i in range(0, len(blocks), per_page)]
        try:
            return files.text_pdf(path, pages)
        except ValueError:
            if per_page == 1:
                raise
            per_page -= 1


def _row(name: str, done: Ingested, wall: float) -> str:
    parse, build = done.seconds.get("parse", 0.0), done.seconds.get("build", 0.0)
    return (f"| {name} | {done.pages} | {done.units} | {parse / done.pages * 1000:.0f} ms | "
            f"{(parse + build) / done.units * 100:.1f} s | {done.embedded} | {done.parse_peak_mb:.0f} MB | "
            f"{wall:.1f} s |")


def _metrics(name: str, m: dict[str, Any]) -> str:
    def f(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    return (f"| {name} | {m['n']} | {f(m['recall_at_k'])} | {f(m['mrr'])} | {f(m['abstention_accuracy'])} | "
            f"{f(m['false_abstention_rate'])} | {f(m['coverage'])} | {f(m['complete_rate'])} |")


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ilo-qa-bench-ingest-"))
    settings = Settings(home=home)
    Assistant(settings)  # the shipped index first, so each ingest measures its own update
    made = home.parent / f"{home.name}-files"
    made.mkdir()
    jobs = [
        ("C142, English PDF", _pdf((STANDARDS / "c142_en.txt").read_text(encoding="utf-8"), made / "c142.pdf", 3), {}),
        ("R195, English PDF", _pdf((STANDARDS / "r195_en.txt").read_text(encoding="utf-8"), made / "r195.pdf", 3), {}),
        ("C142, Chinese PDF (version of C142)",
         _pdf((STANDARDS / "c142_zh.txt").read_text(encoding="utf-8"), made / "c142_zh.pdf", 3),
         {"version_of": "C142", "lang": "zh"}),
    ]
    rows = []
    for name, path, extra in jobs:
        started = time.perf_counter()
        done = ingest(settings, path, **extra)  # type: ignore[arg-type]
        rows.append(_row(name, done, time.perf_counter() - started))
    a = Assistant(settings, build=False)
    dev = evaluate(a, read_questions(STANDARDS / "dev.jsonl"))
    test = evaluate(a, read_questions(STANDARDS / "test.jsonl"), sealed=True)
    lines = [
        START, "## Added standards (`make bench-ingest`)", "",
        "Generated PDFs of two standards modelled on C142 and R195 (`evals/standards/`, written for the "
        "tests, not the official texts), ingested one after the other into a fresh home on this "
        "machine (2 cores). Per page: parsing in the sandboxed child; per 100 units: parsing plus "
        "the index update (only new texts are embedded). Peak: the parsing child's resident memory.", "",
        "| file | pages | units | parse per page | ingest per 100 units | texts embedded | parse peak | wall |",
        "|---|---|---|---|---|---|---|---|", *rows, "",
        "Retrieval with both standards added (hybrid, k=5). dev (33 questions, en and zh, by a helper) "
        "was looked at and tuned on; test (30, by a second helper that saw neither the code nor the "
        "dev questions) is sealed: aggregates only.", "",
        "| part | n | R@5 | MRR | abstention acc. | false abst. | coverage | complete |",
        "|---|---|---|---|---|---|---|---|",
        _metrics("standards · dev", dev), _metrics("standards · test", test),
        *[_metrics(f"standards · test · {g}", m) for g, m in sorted(test["by_lang"].items())], END,
    ]
    section = "\n".join(lines)
    report = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    if START in report and END in report:
        report = report[: report.index(START)] + section + report[report.index(END) + len(END):]
    else:
        report = report.rstrip("\n") + "\n\n" + section + "\n"
    REPORT.write_text(report, encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
