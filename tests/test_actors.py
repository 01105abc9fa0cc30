"""Who is asked to act in each unit, and how strongly: the tagger against hand-checked
labels of every unit (tests/data/actors.jsonl, written by a helper reading the documents;
two labels revised, each with its reason)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus import Corpus, Duty, duties

LABELS = [json.loads(line) for line in
          (Path(__file__).parent / "data" / "actors.jsonl").read_text("utf-8").splitlines()]


def test_every_unit_is_labelled() -> None:
    assert len(LABELS) == 188 and len({x["anchor"] for x in LABELS}) == 188


@pytest.fixture(scope="module")
def tagged(corpus: Corpus) -> dict[str, Duty]:
    return duties(corpus)


@pytest.mark.parametrize("label", LABELS, ids=lambda x: str(x["anchor"]))
def test_actor_and_force_match_the_hand_checked_label(
    tagged: dict[str, Duty], label: dict[str, Any]
) -> None:
    got = tagged[label["anchor"]]
    assert (sorted(got.actors), got.force) == (sorted(label["actors"]), label["force"])


def test_rules_on_hand_picked_units(tagged: dict[str, Duty]) -> None:
    d = tagged
    gb, ilc = "GB.346/INS/4", "ILC.109/Res"
    assert d[f"{gb}#A33"].actors == ("office",) and d[f"{gb}#A33"].force == "will"
    # An item takes its lead-in's duty: "劳工局将：".
    assert d[f"{gb}#p25.a"].actors == ("office",) and d[f"{gb}#p25.a"].force == "will"
    # The pillars' areas are where member States are encouraged to act (para. 6).
    assert d[f"{gb}#p12.b"].actors == ("member_states",) and d[f"{gb}#p12.b"].force == "encourage"
    # An unstated doer is the last one the section named: Conclusions 11 and 12 follow 10.
    assert d[f"{ilc}#c12.k"].actors == ("member_states",) and d[f"{ilc}#c12.k"].force == "should"
    # A shared responsibility names both.
    assert set(d[f"{ilc}#c13.a"].actors) == {"member_states", "social_partners"}
    # A request told as past narrative asks no one now; a draft decision does.
    assert not d[f"{gb}#p3"].actors
    assert set(d[f"{gb}#p34"].actors) == {"governing_body", "director_general"}
    # "将有助于" foretells; it commits no one.
    assert d[f"{ilc}#c4"].force == "none"
