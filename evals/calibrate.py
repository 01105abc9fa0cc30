"""`make calibrate`: set the abstention thresholds from the dev questions.

Per language, the margin threshold is the highest that refuses at most
`Settings.abstention.max_false_abstention` of the in-scope dev questions (below the 3 %
target, for headroom), so one odd question does not set it alone, lowered to just above
(`safety`) the highest out-of-scope margin it refuses: in-scope questions are not refused for
no out-of-scope one. Questions that name a unit are left out (they are never refused on
similarity). The novelty threshold sits just above
the most novel in-scope dev question the margin lets through, so the two together refuse no
more than the margin alone. What each costs in out-of-scope questions let through is printed
(the test part is never used here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from assistant import CALIBRATION, Assistant, Settings, read

from ._gold import DEV, Question, read_questions


def fit(assistant: Assistant, questions: Sequence[Question]) -> dict[str, dict[str, float]]:
    """Thresholds per language, with what they refuse among the out-of-scope questions."""
    a = assistant.settings.abstention
    out: dict[str, dict[str, float]] = {}
    scored = [q for q in questions if not assistant.index.names_structure(q.question)]
    margins = {q.id: assistant.evidence(q.question) for q in scored}
    for lang in ("zh", "en"):
        inside = sorted(margins[q.id] for q in scored if q.lang == lang and q.in_scope)
        outside = [margins[q.id] for q in scored if q.lang == lang and not q.in_scope]
        allowed = int(a.max_false_abstention * len(inside))
        t = inside[allowed] - a.safety
        # No higher than the out-of-scope questions it refuses need (plus the safety): the
        # budget is a ceiling, not a target ("refuse 1 % more in-scope questions for none").
        caught = [m for m in outside if m < t]
        t = round(min(t, max(caught) + a.safety) if caught else t, 4)
        out[lang] = {"threshold": t, "in_scope": len(inside),
                     "out_of_scope_refused": sum(m < t for m in outside),
                     "out_of_scope": len(outside)}
        passed = [q for q in scored
                  if q.lang == lang and q.in_scope and margins[q.id] >= t]
        novel = [assistant.novelty(read(q.question)) for q in passed]
        out[f"{lang}_novelty"] = {"threshold": round(min(1.0, max(novel, default=1.0) + a.novelty_safety), 4)}
    return out


def main() -> int:
    assistant = Assistant(Settings(), calibrated=False)
    found = fit(assistant, read_questions(DEV, "dev"))
    table = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    table[assistant.embedder.id] = {key: v["threshold"] for key, v in found.items()}
    CALIBRATION.write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for key, v in found.items():
        extra = "" if "in_scope" not in v else (
            f" (refuses {v['out_of_scope_refused']:.0f}/{v['out_of_scope']:.0f} out-of-scope dev "
            "questions on its own)")
        print(f"{key}: threshold {v['threshold']:+.4f}{extra}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
