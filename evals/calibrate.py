"""`make calibrate`: set the abstention thresholds from the dev questions.

Per language, the threshold is the highest that refuses at most 2 % of the in-scope dev
questions (below the 3 % target, for headroom), so one odd question does not set it
alone (questions that name a unit are left out: they are never refused); what that costs in
out-of-scope questions let through is printed (and shows in the report on the test part)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from assistant import CALIBRATION, Assistant, Settings

from ._gold import DEV, Question, read_questions

SAFETY = 0.005
MAX_FALSE_ABSTENTION = 0.02
NOVELTY_SAFETY = 0.1


def fit(assistant: Assistant, questions: Sequence[Question]) -> dict[str, dict[str, float]]:
    """Thresholds per language, with what they refuse among the out-of-scope questions."""
    out: dict[str, dict[str, float]] = {}
    # Only questions the thresholds apply to: one that names a unit is never refused.
    scored = [q for q in questions if not assistant.index.names_structure(q.question)]
    for lang in ("zh", "en"):
        inside = [assistant.evidence(q.question) for q in scored if q.lang == lang and q.in_scope]
        outside = [assistant.evidence(q.question) for q in scored
                   if q.lang == lang and not q.in_scope]
        allowed = int(MAX_FALSE_ABSTENTION * len(inside))
        t = round(sorted(inside)[allowed] - SAFETY, 4)
        out[lang] = {"threshold": t, "in_scope": len(inside),
                     "out_of_scope_refused": sum(m < t for m in outside),
                     "out_of_scope": len(outside)}
    # Novelty, Chinese only: just above the most novel in-scope dev question that the margin
    # lets through, so the two rules together refuse no more than the margin alone.
    passed = [q for q in scored if q.lang == "zh" and q.in_scope
              and assistant.evidence(q.question) >= out["zh"]["threshold"]]
    novel_in = [assistant.index.novelty(q.question) for q in passed]
    out["zh_novelty"] = {"threshold": round(max(novel_in) + NOVELTY_SAFETY, 4)}
    return out


def main() -> int:
    assistant = Assistant(Settings())
    found = fit(assistant, read_questions(DEV, "dev"))
    table = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    table[assistant.embedder.id] = {lang: v["threshold"] for lang, v in found.items()}
    CALIBRATION.write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for lang, v in found.items():
        print(f"{lang}: threshold {v['threshold']:+.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
