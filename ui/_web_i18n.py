"""The web UI's own words in Chinese and English. Kept in one table so the language switch
relabels every component from the same source and a missing translation fails a test, not a
user. (Answers are framed by the assistant in the question's language, not here.)"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

LANGS: tuple[Lang, ...] = ("zh", "en")
# The language Radio's choices: what people read → the code the renderers take.
LANG_CHOICES: list[tuple[str, str]] = [("中文", "zh"), ("English", "en")]

_TEXT: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "title": ("ILO 技能和终身学习问答", "ILO skills & lifelong learning Q&A"),
    "subtitle": (
        "答案只引自 GB.346/INS/4（2022–2030 年战略）和 ILC.109 决议及结论，并注明段落。",
        "Answers quoted only from GB.346/INS/4 (the 2022–2030 strategy) and the ILC.109 "
        "Resolution and Conclusions, with the paragraph behind each sentence.",
    ),
    "language": ("界面语言", "Language"),
    "tab_ask": ("提问", "Ask"),
    "tab_browse": ("浏览文件", "Browse"),
    "tab_appendix": ("附录表", "Appendix table"),
    "chat_placeholder": (
        "用中文或英文提问。点击答案中的引文标签可查看该段落的上下文。",
        "Ask in Chinese or English. Click a citation label in an answer to read that "
        "paragraph in context.",
    ),
    "question": ("问题", "Question"),
    "question_placeholder": (
        "例如：哪项产出涉及终身职业发展支持系统？",
        "e.g. Which paragraph mandates a ratification campaign for Convention No. 142?",
    ),
    "question_info": ("最多 {n} 个字符", "At most {n} characters"),
    "ask": ("提问", "Ask"),
    "refused": ("问题未被接受", "Question not accepted"),
    "clear": ("清空对话", "Clear"),
    "examples": ("示例问题", "Example questions"),
    "sources": ("来源", "Sources"),
    "sources_empty": ("提问后，这里列出答案引用的段落。", "The paragraphs an answer cites appear here."),
    "abstained": (
        "未找到依据：文件中没有能回答这个问题的段落。",
        "No answer: no paragraph of the documents supports one.",
    ),
    "abstained_hint": (
        "可以换个说法，或在“浏览文件”中查看全文。",
        "Try rephrasing, or read the full text under Browse.",
    ),
    "score": ("相关度", "score"),
    "copy": ("复制", "Copy"),
    "copied": ("已复制", "Copied"),
    "copy_title": ("复制标签和锚点", "Copy the label and anchor"),
    "permalink": ("链接", "Link"),
    "permalink_title": ("可分享的深层链接", "A shareable deep link to this paragraph"),
    "context": ("段落上下文", "Paragraph in context"),
    "context_empty": (
        "点击引文标签、目录中的段落或附录表中的产出，在此查看全文和上下文。",
        "Click a citation label, a paragraph in Browse or an output in the Appendix table "
        "to read it here in context.",
    ),
    "not_found": ("没有这个锚点：{anchor}", "No paragraph has the anchor {anchor}"),
    "not_found_hint": (
        "锚点的写法如 GB.346/INS/4#p25.a、GB.346/INS/4#A33、ILC.109/Res#c14.a.vii；"
        "在链接中把 # 写成 %23，例如 /?anchor=GB.346/INS/4%23p25.a",
        "Anchors look like GB.346/INS/4#p25.a, GB.346/INS/4#A33 or ILC.109/Res#c14.a.vii; "
        "in a link write # as %23, e.g. /?anchor=GB.346/INS/4%23p25.a",
    ),
    "previous": ("上一段", "Previous"),
    "next": ("下一段", "Next"),
    "previous_row": ("上一项产出", "Previous output"),
    "next_row": ("下一项产出", "Next output"),
    "row_fields": ("本项产出", "This output"),
    "f_output": ("产出", "Output"),
    "f_points": ("对应的结论要点", "Conclusions points"),
    "f_pillars": ("战略支柱", "Pillars"),
    "f_component": ("行动计划要素", "Component"),
    "f_budget": ("要素预算", "Component budget"),
    "f_pb": ("计划和预算产出", "P&B outputs"),
    "f_sdg": ("可持续发展目标具体目标", "SDG targets"),
    "f_timeframe": ("时间框架", "Timeframe"),
    "cited_by": ("引用本段的附录产出", "Appendix outputs citing this"),
    "planned_in": ("战略中规划同一工作的段落", "Planned in the strategy"),
    "plans": ("规划的附录产出", "Appendix outputs it plans"),
    "mentioned_in": ("另见于 {n} 处：", "also mentioned in ({n}):"),
    "refers_to": ("文中提到的段落", "Refers to"),
    "referred_by": ("提到本段的段落", "Referred to in"),
    "mentioned_only_here": ("仅在此处提及", "mentioned only here"),
    "duty": ("谁来行动", "who acts"),
    "all": ("全部", "All"),
    "pillar": ("支柱", "Pillar"),
    "pillar_n": ("支柱 {n}", "Pillar {n}"),
    "pillar_n_all": ("支柱 {n}（含标为“全部”的产出）", "Pillar {n} (with rows marked “all pillars”)"),
    "pillar_all_out": ("（不含标为“全部”即所有支柱的 {m} 项产出）",
                       "(not counting the {m} rows marked “all pillars”)"),
    "pillar_all_in": ("（含标为“全部”即所有支柱的 {m} 项产出）",
                      "(including the {m} rows marked “all pillars”)"),
    "component": ("要素", "Component"),
    "point": ("结论要点", "Conclusions point"),
    "rows_shown": ("显示 {n} / {total} 项产出", "{n} of {total} outputs"),
    "no_rows": ("没有符合筛选条件的产出。", "No output matches these filters."),
    "col_no": ("编号", "No."),
    "browse_hint": (
        "两份文件的全文，按原文顺序排列。点击段落编号可在“段落上下文”中查看、复制引文或获取链接。",
        "Both documents in full, in reading order. Click a paragraph number to open it in "
        "the context panel, copy its citation or get a link.",
    ),
    "asked_as": ("按独立问题理解为：", "Asked as:"),
    "unsupported": ("⚠ 引文不支持", "⚠ not supported by what it cites"),
    "by_model": ("由语言模型 {model} 撰写，引文已核对", "Written by the model {model}; citations checked"),
    "by_fallback": ("语言模型不可用（{why}），以下为原文引述", "The model failed ({why}); quotations instead"),
    "by_streaming": ("语言模型正在撰写…", "The model is writing…"),
    "by_quotes": ("原文引述", "Quotations from the documents"),
    "lang_zh": ("中文", "Chinese"),
    "lang_en": ("英文", "English"),
    "translation_unofficial": (
        "中文为本项目的非官方工作译文。",
        "Unofficial working translation by the project; the Chinese original is authoritative.",
    ),
    "translation_official": ("中文为官方语言版本。", "Official English version."),
    "show_source": ("显示{src}原文", "Show the {src} source"),
    "hide_source": ("隐藏{src}原文", "Hide the {src} source"),
    "empty_question": ("请先输入问题，例如：支柱1涉及哪些方面？",
                       "Type a question first, e.g. What are the five pillars of the strategy?"),
    "too_long": ("问题有 {n} 个字符，超过 {limit} 个字符的上限；请缩短。",
                 "The question has {n} characters, more than the limit of {limit}; please "
                 "shorten it."),
    "preamble": ("导言", "Preamble"),
    "busy": ("服务器繁忙，请稍后重试。", "The server is busy; please retry in a moment."),
}

EXAMPLES: tuple[str, ...] = (
    "哪项产出涉及终身职业发展支持系统？",
    "结论第14段(h)对应哪些高级别产出？",
    "哪一段要求针对第142号公约开展批约运动？",
    "Which output covers the capacity of employers' organizations?",
    "What should teachers and trainers be offered according to the Conclusions?",
    "Which paragraph mandates a ratification campaign for Convention No. 142?",
)


def t(key: str, lang: Lang, **fields: object) -> str:
    """The UI text `key` in `lang`, with `{name}` fields filled in."""
    zh, en = _TEXT[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text


def as_lang(value: object) -> Lang:
    """A language code from anything a request or a component may hand us; Chinese otherwise
    (the documents are Chinese)."""
    return "en" if value == "en" else "zh"
