"""`make llm-check`: how well the configured chat model judges whether units answer a
question, on `evals/answerability.jsonl` (44 question/evidence pairs built from dev
questions, 22 answerable: a question with the units that answer it; 22 not: a near-topic
out-of-scope question with the units retrieved for it, or a question with units from other
sections). A scripted fake model cannot show this; run it against your own endpoint:

    ILO_QA_LLM_BASE_URL=http://127.0.0.1:11434/v1 ILO_QA_LLM_MODEL=qwen2.5:7b make llm-check

It prints the share judged right, for each kind and language, and exits 2 (one line) when no
endpoint is configured."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant import NOT_IN_DOCUMENTS, Assistant, LLMAnswerer, Settings

ANSWERABILITY = Path(__file__).with_name("answerability.jsonl")


def main() -> int:
    settings = Settings()
    if not settings.llm.base_url:
        print("llm-check: no model to check; set ILO_QA_LLM_BASE_URL (e.g. "
              "http://127.0.0.1:11434/v1 for Ollama) and ILO_QA_LLM_MODEL", file=sys.stderr)
        return 2
    assistant = Assistant(settings)
    answerer = assistant.answerer
    assert isinstance(answerer, LLMAnswerer)
    items = [json.loads(line) for line in ANSWERABILITY.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    results: list[tuple[dict[str, object], bool | None]] = []
    for item in items:
        lang = item["lang"]
        evidence = [assistant.unit_evidence(a, lang) for a in item["evidence"]]
        try:
            reply = answerer.chain.invoke(answerer.inputs(item["question"], lang, evidence))
        except Exception as exc:  # a failed call is counted, not fatal
            print(f"  {item['id']}: the call failed ({type(exc).__name__})", file=sys.stderr)
            results.append((item, None))
            continue
        answered = not reply.strip().startswith(NOT_IN_DOCUMENTS)
        results.append((item, answered == item["answerable"]))
    def share(rows: list[tuple[dict[str, object], bool | None]]) -> str:
        done = [ok for _i, ok in rows if ok is not None]
        return f"{sum(done)}/{len(rows)}" + (f" ({sum(done) / len(rows):.0%})" if rows else "")
    print(f"model {settings.llm.model or 'default'} at {settings.llm.base_url}")
    print(f"  all: {share(results)} judged right")
    for kind, want in (("answerable", True), ("not answerable", False)):
        print(f"  {kind}: {share([r for r in results if r[0]['answerable'] is want])}")
    for lang in ("en", "zh"):
        print(f"  {lang}: {share([r for r in results if r[0]['lang'] == lang])}")
    failed = sum(ok is None for _i, ok in results)
    if failed:
        print(f"  {failed} calls failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
