"""The parsed structure of the two documents, pinned exactly."""

from __future__ import annotations

import re

import pytest

from corpus import Corpus, Unit, contains, label, split_anchor

GB, ILC = "GB.346/INS/4", "ILC.109/Res"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _locators(corpus: Corpus, doc_id: str, kind: str) -> list[str]:
    return [u.locator for u in corpus.document(doc_id).units if u.kind == kind]


def test_gb_has_paragraphs_1_to_34_and_rows_a1_to_a39(corpus: Corpus) -> None:
    assert _locators(corpus, GB, "paragraph") == [f"p{n}" for n in range(1, 35)]
    assert _locators(corpus, GB, "row") == [f"A{n}" for n in range(1, 40)]


def test_gb_lettered_items(corpus: Corpus) -> None:
    doc = corpus.document(GB)
    items = {p: [c.split(".")[1] for c in doc.get(p).children] for p in  # type: ignore[union-attr]
             ("p10", "p12", "p14", "p16", "p18", "p22", "p23", "p24", "p25", "p27", "p31")}
    assert items == {
        "p10": list("abcdef"), "p12": list("abc"), "p14": list("abcdef"), "p16": list("abc"),
        "p18": list("abcde"), "p22": list("abcdefg"), "p23": list("abcde"), "p24": list("abcd"),
        "p25": list("abc"), "p27": list("abc"), "p31": list("abc"),
    }
    assert len(_locators(corpus, GB, "item")) == 48


@pytest.mark.parametrize(
    ("row", "points"),
    [
        ("A33", ("c14.c",)),
        ("A12", ("c12.n", "c12.r", "c13.g", "c14.i")),
        ("A30", ()),
        ("A1", ("c14.d", "c14.e", "c14.g", "c12.a", "c12.b", "c12.d")),
        ("A6", ("c13.h",)),
        ("A16", ("c14.g", "c12.j", "c12.p", "c12.q", "c12.u")),
        ("A18", ("c14.f", "c14.i")),
        ("A29", ("c13.i",)),
        ("A31", ("c14.k",)),
        ("A32", ()),
        ("A36", ()),
        ("A39", ("c14.h",)),
    ],
)
def test_appendix_points_resolve_to_conclusions_anchors(
    corpus: Corpus, row: str, points: tuple[str, ...]
) -> None:
    unit = corpus.unit(f"{GB}#{row}")
    assert unit.row is not None
    assert unit.row.points == tuple(f"{ILC}#{p}" for p in points)
    for anchor in unit.row.points:
        corpus.unit(anchor)  # every resolved point exists


def test_appendix_row_fields(corpus: Corpus) -> None:
    a1 = corpus.unit(f"{GB}#A1").row
    assert a1 is not None
    assert a1.output.startswith("提供政策咨询和指导，帮助制定/调整技能和终身学习政策")
    assert a1.pillars == (1,)
    assert a1.pb_outputs == ("5.1", "5.2", "5.3", "3.2", "6.4", "8.1", "8.3")
    assert a1.sdg_targets == ("4.4", "4.7")
    assert a1.timeframe == "2022-2025"
    assert (a1.component, a1.component_budget) == (1, "1.83 亿美元")
    a16 = corpus.unit(f"{GB}#A16").row
    assert a16 is not None and a16.pillars_raw == "全部" and a16.pillars == (1, 2, 3, 4, 5)
    a8 = corpus.unit(f"{GB}#A8").row
    assert a8 is not None and a8.pillars == (1, 3, 5)
    budgets = {u.row.component: u.row.component_budget
               for u in corpus.document(GB).units if u.row is not None}
    assert budgets == {1: "1.83 亿美元", 2: "2,900 万美元", 3: "140 万美元",
                       4: "100 万美元", 5: "100 万美元"}
    counts = [sum(1 for u in corpus.document(GB).units if u.row and u.row.component == c)
              for c in range(1, 6)]
    assert counts == [20, 8, 4, 3, 4]


def test_gb_sections_pillars_and_components(corpus: Corpus) -> None:
    def u(loc: str) -> Unit:
        return corpus.unit(f"{GB}#{loc}")

    assert u("p1").section == "1. 背景"
    assert u("p5").section == "2. 战略" and u("p5").pillar is None
    assert [u(f"p{n}").pillar for n in range(9, 19)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert u("p10.a").pillar == 1 and u("p18.e").pillar == 5
    assert u("p10.a").group == "支柱 1：完善政策、治理和融资，促进有效的技能开发和终身学习"
    assert u("p21").component is None
    assert [u(f"p{n}").component for n in range(22, 28)] == [1, 2, 3, 4, 5, 5]
    assert u("p25.a").component == 4 and u("p25.a").section == "3. 行动计划"
    assert u("p31").section == "5. 风险和假设"
    assert u("p34").section == "决定草案"


def test_ilc_resolution_and_conclusions(corpus: Corpus) -> None:
    assert _locators(corpus, ILC, "paragraph") == ["r1", "r2"] + [f"c{n}" for n in range(1, 15)]
    doc = corpus.document(ILC)

    def kids(loc: str) -> list[str]:
        unit = doc.get(loc)
        assert unit is not None
        return [c.rsplit(".", 1)[1] for c in unit.children]

    assert kids("c12") == list("abcdefghijklmnopqrstuv")
    assert kids("c13") == list("abcdefghijk")
    assert kids("c14") == list("abcdefghijk")
    assert kids("c14.a") == ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    assert corpus.unit(f"{ILC}#c14.i").kind == "item"
    assert corpus.unit(f"{ILC}#c14.i").text.startswith("劳工局开展研究")
    assert corpus.unit(f"{ILC}#c12.v").text.startswith("提供援助")
    assert corpus.unit(f"{ILC}#c14.a.v").kind == "subitem"
    assert corpus.unit(f"{ILC}#c14.a.v").text.startswith("采取措施协助各国政府建立能够应对气候变化")
    sections = [corpus.unit(f"{ILC}#c{n}").section.split(".")[0] for n in range(1, 15)]
    assert sections == ["I"] * 8 + ["II"] * 4 + ["III", "IV"]
    assert doc.preamble.startswith("国际劳工组织大会于 2021 年召开了其第 109 届会议")


def test_exact_texts(corpus: Corpus) -> None:
    assert corpus.unit(f"{GB}#p25.a").text == "针对《1975 年人力资源开发公约》(第 142 号)开展批约运动；"
    assert corpus.unit(f"{ILC}#c7").text == (
        "为成年人提供公平获取优质教育的机会，包括获得基本的读写、算术能力和数字技能以及必要"
        "的语言技能的机会，这对于技能开发和终身学习尤其关键。"
    )
    assert corpus.unit(f"{ILC}#r1").text == "通过了以下若干结论；"
    assert corpus.unit(f"{GB}#A33").text.startswith("通过有针对性的措施，包括就《1975年人力资源开发公约》")


def test_page_breaks_are_joined(corpus: Corpus) -> None:
    p12b = corpus.unit(f"{GB}#p12.b").text
    assert "创意经济和环境可持续经济" in p12b and p12b.endswith("例如照护经济；")
    assert "实施(包括就资源分配进行协商)、监测和评价" in corpus.unit(f"{ILC}#c13.e").text
    assert "各类峰会及其面向《2030 年议程》" in corpus.unit(f"{GB}#p27.b").text
    # A list written as bullets keeps one line per bullet.
    assert corpus.unit(f"{GB}#p6").text.count("\n支柱 ") == 5


def test_page_furniture_is_dropped(corpus: Corpus) -> None:
    for unit in corpus.units():
        assert "高级别产出\t" not in unit.text
        assert "变革理论" not in unit.text or unit.locator == "p8"
        assert "▶" not in unit.text and "►" not in unit.text


def test_every_unit_is_verbatim(corpus: Corpus) -> None:
    """Each unit's text is a substring of its source, whitespace aside; the three units that
    join across a bullet artefact are substrings once line-leading '- ' markers are dropped."""
    joined_across_bullets = {f"{GB}#p6", f"{GB}#p21", f"{GB}#p27.b"}
    checked = 0
    for doc in corpus.documents:
        plain = _squash(doc.text)
        unbulleted = _squash(re.sub(r"(?m)^\s*-\s+", "", doc.text))
        for unit in doc.units:
            text = _squash(unit.text)
            assert text, unit.anchor
            if unit.anchor in joined_across_bullets:
                assert text not in plain and text in unbulleted, unit.anchor
            else:
                assert text in plain, unit.anchor
            assert _squash(doc.source_text(unit)) == text, unit.anchor
            checked += 1
    assert checked == 188


def test_labels() -> None:
    assert label(f"{GB}#p25.a") == "GB.346/INS/4 第25段(a)"
    assert label(f"{GB}#p25.a", "en") == "GB.346/INS/4 para. 25(a)"
    assert label(f"{ILC}#c14.c") == "ILC.109 决议 结论第14段(c)"
    assert label(f"{ILC}#c14.c", "en") == "ILC.109 Resolution, Conclusions para. 14(c)"
    assert label(f"{ILC}#c14.a.vii", "en") == "ILC.109 Resolution, Conclusions para. 14(a)(vii)"
    assert label(f"{GB}#A33") == "附录第33项产出"
    assert label(f"{GB}#A33", "en") == "Appendix output 33"
    assert label("C142#art1.2", "en") == "C142, Art. 1(2)"
    assert label("C142#art1.2") == "第142号公约 第1条第2款"
    assert label("R195#p5.c", "en") == "R195, para. 5(c)" and label("R195#p5.c") == "第195号建议书 第5段(c)"


def test_anchor_containment() -> None:
    assert contains(f"{GB}#p25", f"{GB}#p25.a")
    assert contains(f"{GB}#p25", f"{GB}#p25")
    assert not contains(f"{GB}#p2", f"{GB}#p25")
    assert not contains(f"{GB}#p25.a", f"{GB}#p25")
    assert split_anchor(f"{ILC}#c14.a.vii") == (ILC, "c14.a.vii")
    with pytest.raises(ValueError, match="DOC#LOCATOR"):
        split_anchor("p25")


def test_references_between_outputs_points_pillars_and_components(corpus: Corpus) -> None:
    from corpus import References

    refs = References(corpus)
    assert len(refs.rows) == 39

    def rows(anchors: list[str]) -> list[str]:
        return [a.split("#")[1] for a in anchors]

    assert rows(refs.outputs_for_points([f"{ILC}#c14.h"])) == ["A37", "A38", "A39"]
    assert rows(refs.outputs_for_points([f"{ILC}#c13"])) == ["A6", "A12", "A29"]
    assert rows(refs.outputs_for_points([f"{ILC}#c12.a", f"{ILC}#c12.b"])) == ["A1"]
    assert rows(refs.outputs_for_pillar(5)) == ["A5", "A6", "A27", "A8", "A28"]
    assert rows(refs.outputs_for_pillar(2)) == ["A3"]
    assert rows(refs.outputs_for_pillar(1, only=True)) == ["A1", "A2", "A23", "A36"]
    assert rows(refs.outputs_for_pillar(5, only=True)) == ["A5", "A6"]
    assert rows(refs.outputs_for_component(3)) == ["A29", "A30", "A31", "A32"]
    assert rows(refs.outputs_without_points()) == ["A30", "A32", "A36"]
    assert rows(refs.outputs_with_sdg("9.3")) == ["A8"]
    assert rows(refs.outputs_with_pb("2.1")) == ["A33", "A34"]
    assert rows(refs.leaves_under(f"{GB}#p25")) == ["p25.a", "p25.b", "p25.c"]
