"""The web UI's rendering helpers: plain functions from corpus and answers to HTML, pinned
exactly, no browser and no server."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace
from typing import Any

import pytest

from assistant import QuestionError, Settings
from corpus import Corpus
from ui._web import _kept, _request_lang
from ui._web_browse import (
    ALL,
    appendix_rows,
    filter_choices,
    filter_rows,
    point_label,
    render_appendix,
    render_tree,
)
from ui._web_chat import (
    REFUSED_BACKEND,
    ask_json,
    link_citations,
    markdown_safe,
    render_answer,
    render_examples,
    render_sources,
)
from ui._web_context import cited_by, neighbours, render_context, short_label, top_of
from ui._web_html import cite_link, copy_button, copy_text, deep_link
from ui._web_i18n import _TEXT, EXAMPLES, as_lang, t

GB, ILC = "GB.346/INS/4", "ILC.109/Res"
P25A = f"{GB}#p25.a"


def _units_shown(markup: str) -> list[str]:
    return [html.unescape(a) for a in re.findall(r'data-unit="([^"]+)"', markup)]


def _hits(markup: str) -> list[str]:
    return [html.unescape(a) for a in re.findall(r'class="line hit" data-unit="([^"]+)"', markup)]


# --- atoms -----------------------------------------------------------------------------------

def test_deep_link_encodes_the_hash() -> None:
    assert deep_link(P25A) == "?anchor=GB.346/INS/4%23p25.a"
    assert deep_link(f"{ILC}#c14.a.vii") == "?anchor=ILC.109/Res%23c14.a.vii"


def test_cite_link_is_a_deep_link_with_the_anchor() -> None:
    assert cite_link(P25A, "GB.346/INS/4 第25段(a)") == (
        '<a class="cite" href="?anchor=GB.346/INS/4%23p25.a" data-anchor="GB.346/INS/4#p25.a">'
        "GB.346/INS/4 第25段(a)</a>")


def test_copy_button_copies_label_and_anchor() -> None:
    assert copy_text("GB.346/INS/4 第25段(a)", P25A) == "GB.346/INS/4 第25段(a) [GB.346/INS/4#p25.a]"
    button = copy_button("GB.346/INS/4 第25段(a)", P25A, "zh")
    assert 'data-copy="GB.346/INS/4 第25段(a) [GB.346/INS/4#p25.a]"' in button
    assert 'data-done="已复制"' in button and ">复制</button>" in button
    assert ">Copy</button>" in copy_button("x", P25A, "en")


def test_labels_without_their_document() -> None:
    assert short_label(P25A, "zh") == "第25段(a)"
    assert short_label(P25A, "en") == "para. 25(a)"
    assert short_label(f"{ILC}#c14.a.vii", "zh") == "结论第14段(a)(vii)"
    assert short_label(f"{ILC}#c14.c", "en") == "Conclusions para. 14(c)"
    assert short_label(f"{ILC}#r2", "en") == "para. 2"
    assert short_label(f"{GB}#A33", "zh") == "附录第33项产出"
    assert short_label(f"{GB}#A33", "en") == "Appendix output 33"


def test_point_labels_are_compact() -> None:
    assert [point_label(f"{ILC}#{x}") for x in ("c14.d", "c12", "c14.a.vii")] == [
        "14(d)", "12", "14(a)(vii)"]


# --- context ---------------------------------------------------------------------------------

def test_context_of_an_item_shows_its_paragraph_path_and_neighbours(corpus: Corpus) -> None:
    page = render_context(corpus, P25A, "zh")
    assert ('<nav class="crumbs">GB.346/INS/4 · <span class="t" lang="zh-CN">国际劳工组织 2022-2030 '
            '年技能和终身学习战略</span><span class="sep">›</span><span class="t" lang="zh-CN">3. 行动计划'
            '</span><span class="sep">›</span><span class="t" lang="zh-CN">要素 4：与标准相关的行动</span>'
            '<span class="sep">›</span><span class="here">第25段(a)</span></nav>') in page
    assert "src-toggle" not in page  # Chinese readers read the source itself
    assert '<span class="ctx-label">GB.346/INS/4 第25段(a)</span>' in page
    assert _units_shown(page) == [f"{GB}#p25", f"{GB}#p25.a", f"{GB}#p25.b", f"{GB}#p25.c"]
    assert _hits(page) == [P25A]
    text = html.escape(corpus.unit(P25A).text)
    assert f'<span class="txt" lang="zh-CN">{text}</span>' in page
    assert ('<span class="nb-key">上一段</span> <a class="cite" href="?anchor=GB.346/INS/4%23p24"'
            ' data-anchor="GB.346/INS/4#p24">第24段</a>'
            '<div class="nb-text" lang="zh-CN">为了给三方成员以及劳工局的支助职能调动资源，劳工局将：</div>'
            ) in page


def test_the_english_context_panel_reads_the_translation_with_the_source_a_click_away(
        corpus: Corpus) -> None:
    page = render_context(corpus, P25A, "en")
    english = corpus.document(GB).version("en")
    assert english is not None
    assert ('<nav class="crumbs">GB.346/INS/4 · <span class="t" lang="en">International Labour '
            "Organization strategy on skills and lifelong learning 2022–2030</span>") in page
    assert ('<span class="t" lang="en">Component 4: Standards-related action</span>'
            '<span class="src" lang="zh-CN">要素 4：与标准相关的行动</span>') in page
    assert (f'<span class="txt" lang="en">{html.escape(english.text("p25.a") or "")}</span>'
            f'<span class="src" lang="zh-CN">{html.escape(corpus.unit(P25A).text)}</span>') in page
    assert ('<div class="src-bar"><span class="src-note">Unofficial working translation by the '
            'project; the Chinese original is authoritative.</span><button type="button" '
            'class="src-toggle" aria-pressed="false"><span class="when-off">Show the Chinese '
            'source</span><span class="when-on">Hide the Chinese source</span></button></div>'
            ) in page
    assert '<div class="nb-text" lang="en">In order to mobilize resources' in page
    page = render_context(corpus, P25A, "zh")
    assert '<span class="nb-key">下一段</span> <a class="cite" href="?anchor=GB.346/INS/4%23p26"' in page
    assert 'data-copy="GB.346/INS/4 第25段(a) [GB.346/INS/4#p25.a]"' in page
    assert '<a class="permalink" href="?anchor=GB.346/INS/4%23p25.a" target="_blank"' in page


def test_context_of_a_subitem_nests_the_whole_paragraph(corpus: Corpus) -> None:
    anchor = f"{ILC}#c14.a.vii"
    page = render_context(corpus, anchor, "en")
    shown = _units_shown(page)
    assert shown[0] == f"{ILC}#c14" and shown[1] == f"{ILC}#c14.a" and shown[2] == f"{ILC}#c14.a.i"
    assert shown == [u.anchor for u in corpus.document(ILC).units
                     if top_of(corpus, u).locator == "c14"]
    assert _hits(page) == [anchor]
    assert '<span class="here">Conclusions para. 14(a)(vii)</span>' in page


def test_context_of_an_appendix_row_has_its_fields_and_point_links(corpus: Corpus) -> None:
    page = render_context(corpus, f"{GB}#A33", "en")
    assert _hits(page) == [f"{GB}#A33"]
    assert ('<tr><th>Conclusions points</th><td><a class="cite point" '
            'href="?anchor=ILC.109/Res%23c14.c" data-anchor="ILC.109/Res#c14.c">'
            "Conclusions para. 14(c)</a></td></tr>") in page
    assert ('<tr><th>Pillars</th><td><span class="txt" lang="en">all pillars</span>'
            '<span class="src" lang="zh-CN">全部</span></td></tr>') in page
    assert ('<tr><th>Component</th><td><span class="txt" lang="en">Component 4: Standards-related '
            'action</span><span class="src" lang="zh-CN">要素 4：与标准相关的行动</span></td></tr>') in page
    assert ('<tr><th>Component budget</th><td><span class="txt" lang="en">US$1 million</span>'
            '<span class="src" lang="zh-CN">100 万美元</span></td></tr>') in page
    assert "<tr><th>P&amp;B outputs</th><td>2.1, 2.2, 2.4, 5.1, 5.2, 5.3, 5.4</td></tr>" in page
    assert ('<tr><th>SDG targets</th><td><span class="txt" lang="en">not specified (4, 8)</span>'
            '<span class="src" lang="zh-CN">未具体提及(4, 8)</span></td></tr>') in page
    assert ('<tr><th>Timeframe</th><td><span class="txt" lang="en">2022–2025</span>'
            '<span class="src" lang="zh-CN">2022-2025</span></td></tr>') in page
    zh = render_context(corpus, f"{GB}#A33", "zh")
    assert '<tr><th>要素预算</th><td><span class="txt" lang="zh-CN">100 万美元</span></td></tr>' in zh
    assert '<span class="nb-key">Previous output</span> <a class="cite" href="?anchor=GB.346/INS/4%23A32"' in page
    assert '<span class="nb-key">Next output</span> <a class="cite" href="?anchor=GB.346/INS/4%23A34"' in page


def test_a_conclusions_point_lists_the_outputs_citing_it(corpus: Corpus) -> None:
    assert [u.locator for u in cited_by(corpus, f"{ILC}#c14.h")] == ["A37", "A38", "A39"]
    assert [u.locator for u in cited_by(corpus, f"{ILC}#c14.c")] == ["A5", "A33", "A34", "A35"]
    assert cited_by(corpus, P25A) == []
    page = render_context(corpus, f"{ILC}#c14.h", "zh")
    assert ('<div class="cited-by"><span class="nb-key">引用本段的附录产出</span> '
            '<a class="cite point" href="?anchor=GB.346/INS/4%23A37" '
            'data-anchor="GB.346/INS/4#A37">附录第37项产出</a>') in page


def test_the_context_panel_shows_the_chain_and_where_a_standard_is_mentioned(
        corpus: Corpus) -> None:
    page = render_context(corpus, f"{GB}#A33", "en")
    assert ('<div class="cited-by"><span class="nb-key">Planned in the strategy</span> '
            '<a class="cite point" href="?anchor=GB.346/INS/4%23p25.a" '
            'data-anchor="GB.346/INS/4#p25.a">para. 25(a)</a></div>') in page
    mentions = re.findall(r'<div class="mentions"><span class="nb-key">([^<]+)</span> ([^<]*)(.*?)</div>',
                          page)
    assert [(name, lead, re.findall(r'data-anchor="([^"]+)"', links))
            for name, lead, links in mentions] == [
        ("Convention No. 142", "also mentioned in (3): ",
         [f"{GB}#p25.a", f"{ILC}#c11", f"{ILC}#c14.c"])]
    zh = render_context(corpus, f"{GB}#p22.d", "zh")
    assert re.findall(r'<span class="nb-key">规划的附录产出</span>(.*?)</div>', zh) == [
        ' <a class="cite point" href="?anchor=GB.346/INS/4%23A19" data-anchor="GB.346/INS/4#A19">'
        '附录第19项产出</a> <a class="cite point" href="?anchor=GB.346/INS/4%23A20" '
        'data-anchor="GB.346/INS/4#A20">附录第20项产出</a>']
    c11 = render_context(corpus, f"{ILC}#c11", "zh")
    assert ('<div class="mentions"><span class="nb-key">第138号公约</span> 仅在此处提及</div>'
            in c11)
    assert '<span class="nb-key">2019年《百年宣言》</span> 另见于 2 处：' in c11


def test_neighbours_stop_at_the_ends_and_keep_rows_with_rows(corpus: Corpus) -> None:
    gb = corpus.document(GB)

    def around(locator: str) -> tuple[str | None, str | None]:
        before, after = neighbours(gb, corpus.unit(f"{GB}#{locator}"))
        return (before.locator if before else None, after.locator if after else None)

    assert around("p1") == (None, "p2")
    assert around("p34") == ("p33", None)
    assert around("A1") == (None, "A2")
    assert around("A39") == ("A38", None)


def test_context_empty_and_unknown(corpus: Corpus) -> None:
    assert "点击引文标签" in render_context(corpus, None, "zh")
    page = render_context(corpus, f"{GB}#p99", "en")
    assert '<p class="warn">No paragraph has the anchor GB.346/INS/4#p99</p>' in page
    assert "/?anchor=GB.346/INS/4%23p25.a" in page
    assert "&lt;b&gt;" in render_context(corpus, "<b>", "en")


# --- browse ----------------------------------------------------------------------------------

def test_tree_reads_every_unit_in_document_order(corpus: Corpus) -> None:
    tree = render_tree(corpus, "zh")
    assert _units_shown(tree) == [u.anchor for u in corpus.units()]
    for unit in (corpus.unit(P25A), corpus.unit(f"{ILC}#c14.a.vii"), corpus.unit(f"{GB}#A39")):
        assert f'<span class="txt" lang="zh-CN">{html.escape(unit.text)}</span>' in tree
    summaries = re.findall(r'<summary>(?:<span class="t" lang="zh-CN">)?([^<]*)(?:</span>)?</summary>',
                           tree)
    assert summaries[:4] == ["导言", "1. 背景", "2. 战略",
                             "支柱 1：完善政策、治理和融资，促进有效的技能开发和终身学习"]
    assert "IV. 对劳工组织未来行动的建议" in summaries
    assert tree.count('<details class="doc" open>') == 2
    # In English: the working translation, each text with its source beside it.
    en = render_tree(corpus, "en")
    assert _units_shown(en) == [u.anchor for u in corpus.units()]
    english = corpus.document(ILC).version("en")
    assert english is not None
    assert (f'<span class="txt" lang="en">{html.escape(english.text("c14.a.vii") or "")}</span>'
            f'<span class="src" lang="zh-CN">') in en
    heads = re.findall(r'<summary>(?:<span class="t" lang="en">)?([^<]*)', en)
    assert heads[1:5] == ["Preamble", "1. Background", "2. Strategy",
                          "Pillar 1: Improving policies, governance and financing to promote "
                          "effective skills development and lifelong learning"]
    assert "IV. Recommendations for future action by the ILO" in heads
    assert en.count('class="src-toggle"') == 1


def test_appendix_filters(corpus: Corpus) -> None:
    rows = appendix_rows(corpus)
    assert len(rows) == 39

    def kept(pillar: str = ALL, component: str = ALL, point: str = ALL) -> list[str]:
        return [u.locator for u in filter_rows(rows, pillar, component, point)]

    assert kept(component="4") == ["A33", "A34", "A35"]
    assert kept(point=f"{ILC}#c14.h") == ["A37", "A38", "A39"]
    assert kept(point=f"{ILC}#c13") == ["A6", "A12", "A29"]
    # "Pillar N": the rows that name it; "N+": also the rows marked 全部 (all pillars), the
    # meaning the chat's answers use and say.
    assert kept(pillar="3", component="1", point=f"{ILC}#c12") == [
        "A4", "A8", "A10", "A11", "A13", "A14", "A15"]
    assert kept(pillar="3+", component="1", point=f"{ILC}#c12") == [
        "A4", "A8", "A10", "A11", "A13", "A14", "A15", "A16"]
    assert kept("2") == ["A3"]
    assert kept("2+")[:3] == ["A3", "A16", "A17"] and len(kept("2+")) == 20
    assert kept(pillar="") == kept()
    assert kept(component="4", point=f"{ILC}#c14.h") == []


def test_appendix_table(corpus: Corpus) -> None:
    table = render_appendix(corpus, "en", component="4")
    assert '<p class="count">3 of 39 outputs</p>' in table
    assert _units_shown(table) == [f"{GB}#A33", f"{GB}#A34", f"{GB}#A35"]
    assert ('<tr class="component"><td colspan="5"><span class="t" lang="en">Component 4: '
            'Standards-related action</span><span class="src" lang="zh-CN">要素 4：与标准相关的行动'
            '</span> <span class="budget"><span class="t" lang="en">US$1 million</span><span '
            'class="src" lang="zh-CN">100 万美元</span></span></td></tr>') in table
    assert ('<td class="pil" data-label="Pillars"><span class="txt" lang="en">all pillars</span>'
            '<span class="src" lang="zh-CN">全部</span></td>') in table
    assert ('<a class="cite point" href="?anchor=ILC.109/Res%23c14.c" '
            'data-anchor="ILC.109/Res#c14.c" title="Conclusions para. 14(c)">14(c)</a>') in table
    assert "没有符合筛选条件的产出。" in render_appendix(corpus, "zh", "1", "4", f"{ILC}#c14.h")
    assert '<p class="count">显示 39 / 39 项产出</p>' in render_appendix(corpus, "zh")
    assert ('<p class="count">1 of 39 outputs (not counting the 19 rows marked “all pillars”)</p>'
            in render_appendix(corpus, "en", "2"))
    assert ('<p class="count">显示 20 / 39 项产出（含标为“全部”即所有支柱的 19 项产出）</p>'
            in render_appendix(corpus, "zh", "2+"))


def test_filter_choices(corpus: Corpus) -> None:
    zh, en = filter_choices(corpus, "zh"), filter_choices(corpus, "en")
    assert zh["pillar"] == [("全部", ALL)] + [
        c for n in range(1, 6) for c in ((f"支柱 {n}", str(n)),
                                         (f"支柱 {n}（含标为“全部”的产出）", f"{n}+"))]
    assert en["pillar"][1:3] == [("Pillar 1", "1"), ("Pillar 1 (with rows marked “all pillars”)", "1+")]
    assert [v for _, v in zh["component"]] == [ALL, "1", "2", "3", "4", "5"]
    assert zh["component"][4] == ("要素 4：与标准相关的行动", "4")
    assert en["component"][4] == ("Component 4: Standards-related action", "4")
    points = dict((v, k) for k, v in en["point"])
    assert points[f"{ILC}#c14"] == "Conclusions para. 14"
    assert points[f"{ILC}#c14.h"] == "Conclusions para. 14(h)"
    values = [v for _, v in zh["point"]]
    assert values.index(f"{ILC}#c12") < values.index(f"{ILC}#c12.a") < values.index(f"{ILC}#c13")
    assert len(values) == 1 + 32 + 3  # all, 32 cited points, their 3 paragraphs


# --- chat ------------------------------------------------------------------------------------

def _cite(anchor: str, name: str, text: str = "…", score: float = 0.5) -> dict[str, Any]:
    return {"anchor": anchor, "label": name, "text": text, "score": score}


def test_cited_labels_become_links_longest_first() -> None:
    cites = [_cite(f"{GB}#p25", "GB.346/INS/4 para. 25"), _cite(P25A, "GB.346/INS/4 para. 25(a)")]
    out = link_citations("- “A” (GB.346/INS/4 para. 25(a))\n- “B” (GB.346/INS/4 para. 25)", cites)
    assert out == (
        '- “A” (<a class="cite" href="?anchor=GB.346/INS/4%23p25.a" '
        'data-anchor="GB.346/INS/4#p25.a">GB.346/INS/4 para. 25(a)</a>)\n'
        '- “B” (<a class="cite" href="?anchor=GB.346/INS/4%23p25" '
        'data-anchor="GB.346/INS/4#p25">GB.346/INS/4 para. 25</a>)')


def test_bracketed_anchors_become_labelled_links() -> None:
    out = link_citations("Yes [GB.346/INS/4#p25.a].", [_cite(P25A, "GB.346/INS/4 第25段(a)")])
    assert out == ('Yes <a class="cite" href="?anchor=GB.346/INS/4%23p25.a" '
                   'data-anchor="GB.346/INS/4#p25.a">GB.346/INS/4 第25段(a)</a>.')


def test_answer_text_is_escaped_for_html_and_markdown() -> None:
    assert markdown_safe("<b>*x*</b> [y] `z` a_b") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[y\] \`z\` a\_b"
    assert link_citations("<i>", []) == "&lt;i&gt;"


def test_answer_message_lists_its_sources_in_the_question_language() -> None:
    result = {"question": "哪一段？", "answer": "根据文件：\n- 引文（GB.346/INS/4 第25段(a)）",
              "abstained": False, "backend": "extractive",
              "citations": [_cite(P25A, "GB.346/INS/4 第25段(a)")]}
    link = ('<a class="cite" href="?anchor=GB.346/INS/4%23p25.a" '
            'data-anchor="GB.346/INS/4#p25.a">GB.346/INS/4 {}</a>')
    assert render_answer(result) == (
        '<div class="answer" lang="zh-CN"><p>根据文件：</p><ul><li>引文（' + link.format("第25段(a)")
        + '）</li></ul><p class="sources-line"><b>来源</b> <span class="n">1</span>'
        + link.format("第25段(a)") + '</p><p class="backend">原文引述</p></div>')
    # With the English interface the labels follow it; the answer stays in its language.
    assert render_answer(result, "en") == (
        '<div class="answer" lang="zh-CN"><p>根据文件：</p><ul><li>引文（' + link.format("para. 25(a)")
        + '）</li></ul><p class="sources-line"><b>Sources</b> <span class="n">1</span>'
        + link.format("para. 25(a)") + '</p><p class="backend">Quotations from the documents</p></div>')
    assert "\n\n" not in render_answer(result)  # one HTML block: Markdown leaves it whole


def test_an_abstained_answer_says_so() -> None:
    result = {"question": "How do I bake bread?", "abstained": True, "backend": "extractive",
              "answer": "The documents do not cover this question.", "citations": []}
    assert render_answer(result) == (
        '<div class="answer" lang="en"><p><span class="abstain-badge">No answer: no paragraph '
        "of the documents supports one.</span></p><p>The documents do not cover this question."
        "</p><p><em>Try rephrasing, or read the full text under Browse.</em></p></div>")


def test_sources_panel() -> None:
    assert render_sources(None, "en") == ""
    assert render_sources({"citations": []}, "en") == ""
    panel = render_sources({"citations": [_cite(P25A, "GB.346/INS/4 第25段(a)", "针对<公约>", 0.0321)]},
                           "en")
    assert "<h4>Sources</h4>" in panel
    assert "0.032" not in panel  # raw scores are not shown; the number is the rank
    assert '<span class="n">1</span>' in panel and 'class="duty"' not in panel
    assert 'data-copy="GB.346/INS/4 para. 25(a) [GB.346/INS/4#p25.a]"' in panel  # its labels
    assert '<span class="src-text" lang="zh-CN">针对&lt;公约&gt;</span>' in panel
    assert "src-toggle" not in panel  # nothing translated, nothing to switch


def test_sources_of_an_english_answer_show_the_translation_and_the_source() -> None:
    cite = _cite(P25A, "GB.346/INS/4 para. 25(a)", "a ratification campaign for C142;") | {
        "source_text": "针对《1975 年人力资源开发公约》(第 142 号)开展批约运动；",
        "translation": "unofficial"}
    panel = render_sources({"citations": [cite]}, "en")
    assert ('<span class="texts"><span class="src-text" lang="en">a ratification campaign for '
            'C142;</span><span class="src" lang="zh-CN">针对《1975 年人力资源开发公约》(第 142 号)'
            "开展批约运动；</span></span>") in panel
    assert panel.count('class="src-toggle"') == 1
    assert "Unofficial working translation" in panel


def test_sources_say_who_is_asked_to_act() -> None:
    cites = [_cite(P25A, "GB.346/INS/4 para. 25(a)") | {"actors": ["office"], "force": "will"},
             _cite(f"{GB}#p6", "GB.346/INS/4 para. 6") | {"actors": ["member_states",
                                                                  "social_partners"],
                                                       "force": "should"}]
    en = render_sources({"citations": cites}, "en")
    assert re.findall(r'<span class="duty" title="who acts">([^<]+)</span>', en) == [
        "the Office · will", "governments, the social partners · should"]
    zh = render_sources({"citations": cites}, "zh")
    assert re.findall(r'<span class="duty" title="谁来行动">([^<]+)</span>', zh) == [
        "劳工局·将", "各国政府、社会伙伴·应"]


def test_examples_are_chips_carrying_their_question() -> None:
    chips = render_examples("en", EXAMPLES)
    assert "<h4>Example questions</h4>" in chips
    assert re.findall(r'data-q="([^"]+)"', chips) == [html.escape(q) for q in EXAMPLES]
    assert "Which paragraph mandates a ratification campaign for Convention No. 142?" in EXAMPLES
    assert "哪项产出涉及终身职业发展支持系统？" in EXAMPLES


class _Refusing:
    settings = Settings()

    def ask(self, question: str) -> Any:
        raise QuestionError("the question is empty; ask something")


def test_a_refused_question_keeps_the_spec_keys() -> None:
    result = ask_json(_Refusing(), "  ")  # type: ignore[arg-type]
    assert result == {"question": "  ", "answer": "the question is empty; ask something",
                      "abstained": True, "abstain_reason": "the question is empty; ask something",
                      "backend": REFUSED_BACKEND, "citations": [], "claims": []}


# --- languages -------------------------------------------------------------------------------

def test_every_ui_text_exists_in_both_languages() -> None:
    for key, (zh, en) in _TEXT.items():
        assert zh.strip() and en.strip(), key
        assert re.findall(r"{\w+}", zh) == re.findall(r"{\w+}", en), key
    assert t("question_info", "zh", n=1000) == "最多 1000 个字符"
    assert t("question_info", "en", n=1000) == "At most 1000 characters"
    assert (as_lang("en"), as_lang("zh"), as_lang(None), as_lang("fr")) == ("en", "zh", "zh", "zh")


@pytest.mark.parametrize(
    ("query", "accept", "lang"),
    [({"lang": "en"}, "zh-CN", "en"), ({"lang": "zh"}, "en-US", "zh"), ({}, "en-US,en", "en"),
     ({}, "zh-CN,zh;q=0.9", "zh"), ({}, "", "zh"), ({"lang": "fr"}, "en", "en")],
)
def test_the_page_language_follows_the_link_then_the_browser(
    query: dict[str, str], accept: str, lang: str
) -> None:
    request = SimpleNamespace(query_params=query, headers={"accept-language": accept})
    assert _request_lang(request) == lang


def test_a_model_answer_shows_its_checks_and_who_wrote_it() -> None:
    result = {"question": "What does 14(c) ask?", "answer": "x", "abstained": False,
              "backend": "llm:qwen", "citations": [_cite(P25A, "GB.346/INS/4 para. 25(a)")],
              "claims": [{"text": "It asks for a campaign", "anchors": [P25A], "supported": True,
                          "why": ""},
                         {"text": "It costs <b>US$9 billion</b>", "anchors": [P25A],
                          "supported": False, "why": "figure 9 not in the cited units"}]}
    page = render_answer(result, "en")
    assert ("<p>It asks for a campaign (<a class=\"cite\" href=\"?anchor=GB.346/INS/4%23p25.a\" "
            "data-anchor=\"GB.346/INS/4#p25.a\">GB.346/INS/4 para. 25(a)</a>) It costs "
            "&lt;b&gt;US$9 billion&lt;/b&gt; (") in page
    assert ('<span class="unsupported" title="figure 9 not in the cited units">⚠ not supported by '
            "what it cites</span>") in page
    assert '<p class="backend">Written by the model qwen; citations checked</p>' in page
    fallback = render_answer(result | {"claims": [], "backend": "extractive (LLM fallback: timeout)"})
    assert '<p class="backend">The model failed (timeout); quotations instead</p>' in fallback
    streaming = render_answer({"question": "q?", "answer": "So far [GB.346/INS/4#p25.a] and",
                               "abstained": False, "backend": "streaming", "citations": []}, "zh")
    assert ('So far <a class="cite" href="?anchor=GB.346/INS/4%23p25.a" '
            'data-anchor="GB.346/INS/4#p25.a">GB.346/INS/4 第25段(a)</a> and') in streaming


def test_the_chat_history_a_client_sends_is_trimmed_server_side() -> None:
    sent = ["junk", {"question": 1}, *({"question": f"q{i}", "answer": "a"} for i in range(30))]
    kept = _kept(sent, 20)
    assert [r["question"] for r in kept] == [f"q{i}" for i in range(10, 30)]
    assert _kept("not a list", 20) == [] and _kept(None, 20) == []
