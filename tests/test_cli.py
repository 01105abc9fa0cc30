"""`ilo-qa` as a user meets it: exit codes, one-line errors, the JSON it prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui import main

from .conftest import STARTER


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json(env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "ask", "哪项产出涉及终身职业发展支持系统？", "--json", "--k", "3")
    assert code == 0
    obj = json.loads(out)
    assert list(obj) == ["question", "answer", "abstained", "abstain_reason", "backend", "citations",
                         "claims"]
    assert obj["abstained"] is False and obj["backend"] == "extractive"
    assert obj["citations"][0]["anchor"] == "GB.346/INS/4#A12" and len(obj["citations"]) == 3


def test_ask_text(env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "ask", "What does pillar 2 say about the care economy?")
    assert code == 0
    assert out.startswith("The documents say")
    assert "\nSources:\n  [1] " in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask", ""], "ilo-qa: the question is empty"),
        (["ask", "   "], "ilo-qa: the question is empty"),
        (["ask", "支柱1涉及哪些方面？", "--k", "0"], "ilo-qa: argument --k: --k must be between 1 and 50, got 0"),
        (["ask", "支柱1涉及哪些方面？", "--k", "x"], "ilo-qa: argument --k: --k must be a whole number, got 'x'"),
        (["eval", "--retriever", "magic"], "ilo-qa: argument --retriever: invalid choice: 'magic'"),
        (["eval", "--questions", "/nonexistent.jsonl"], "ilo-qa: cannot read question file /nonexistent.jsonl"),
        (["frobnicate"], "ilo-qa: argument command: invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    env_home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_environment_exits_2(
    env_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILO_QA_K", "zero")
    code, _, err = _run(capsys, "ask", "支柱1涉及哪些方面？")
    assert code == 2 and err.startswith("ilo-qa: environment variable ILO_QA_K:")


def test_missing_index_is_built_with_a_progress_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILO_QA_HOME", str(tmp_path))
    code, out, err = _run(capsys, "ask", "支柱1涉及哪些方面？", "--json")
    assert code == 0 and json.loads(out)["citations"]
    # The shipped seed holds every vector: the first build says so and embeds nothing.
    assert err == (f"ilo-qa: building the index in {tmp_path / 'index'} (no index has been built "
                   f"in {tmp_path / 'index'}): all 1693 vectors are cached, a few seconds\n")
    assert (tmp_path / "index" / "CURRENT").is_file()


def test_eval_json_has_the_spec_fields(env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "eval", "--questions", str(STARTER), "--json")
    assert code == 0
    r = json.loads(out)
    for key in ("n", "k", "recall_at_k", "recall_at_k_lenient", "mrr", "abstention_accuracy",
                "false_abstention_rate", "latency_ms", "by_lang", "by_type", "questions"):
        assert key in r
    assert r["n"] == 13 and r["k"] == 5 and set(r["latency_ms"]) == {"p50", "p95"}
    assert set(r["by_type"]) == {"fact", "mandate", "out_of_scope"}
    assert list(r["questions"][0]) == ["id", "split", "hit", "hit_lenient", "rank", "abstained",
                                       "cited", "ms"]


def test_eval_table(env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "eval", "--questions", str(STARTER), "--retriever", "bm25")
    assert code == 0
    assert out.splitlines()[0] == "retriever=bm25 k=5 n=13"


def test_the_test_part_is_sealed(env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Aggregates only: no question of the sealed part is ever printed."""
    code, out, _ = _run(capsys, "eval", "--split", "test", "--json")
    assert code == 0
    r = json.loads(out)
    assert r["sealed"] is True and r["questions"] == [] and r["n"] == 250
    assert set(r["by_lang"]) == {"zh", "en"}
    code, out, _ = _run(capsys, "eval", "--split", "test")
    assert code == 0 and "t0" not in out
    code, _, err = _run(capsys, "eval", "--split", "test", "--questions", str(STARTER))
    assert code == 2 and err == "ilo-qa: give --questions or --split, not both\n"


def test_trace_prints_the_graph_around_an_anchor_or_a_standard(
        env_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "trace", "GB.346/INS/4#A33")
    assert code == 0 and out == (
        "Appendix output 33 [GB.346/INS/4#A33]\n"
        "Cites:\n  ILC.109 Resolution, Conclusions para. 14(c) [ILC.109/Res#c14.c]\n"
        "Planned in the strategy:\n  GB.346/INS/4 para. 25(a) [GB.346/INS/4#p25.a]\n"
        "Instruments named:\n"
        "  Human Resources Development Convention, 1975 (No. 142) [C142]\n")
    code, out, _ = _run(capsys, "trace", "第140号公约", "--json")
    data = json.loads(out)
    assert code == 0 and data["ref"] == "C140" and [m["anchor"] for m in data["mentioned_in"]] == [
        "GB.346/INS/4#p25.b", "GB.346/INS/4#A34", "ILC.109/Res#c11", "ILC.109/Res#c14.c"]
    code, out, _ = _run(capsys, "trace", "C142", "--lang", "zh")
    assert code == 0 and out.splitlines()[:2] == [
        "《1975年人力资源开发公约》(第142号) [C142]（全文不在语料中）", "提到它的段落:"]


@pytest.mark.parametrize(("ref", "says"), [
    ("GB.346/INS/4#p99", "ilo-qa: no unit has the anchor 'GB.346/INS/4#p99'"),
    ("C999", "ilo-qa: cannot trace 'C999': give an anchor"),
    ("skills", "ilo-qa: cannot trace 'skills': give an anchor")])
def test_trace_refuses_what_it_cannot_find(env_home: Path, capsys: pytest.CaptureFixture[str],
                                           ref: str, says: str) -> None:
    code, out, err = _run(capsys, "trace", ref)
    assert code == 2 and out == "" and err.startswith(says) and err.count("\n") == 1
