"""A small bilingual glossary of ILO terms, so English questions reach the Chinese text
lexically too (the dense side handles the rest). Each entry: English spellings → the
Chinese wording the two documents use."""

from __future__ import annotations

import re

GLOSSARY: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("pillar", "pillars"), ("支柱",)),
    (("component", "components", "element of the action plan"), ("要素",)),
    (("action plan",), ("行动计划",)),
    (("strategy",), ("战略",)),
    (("apprenticeship", "apprenticeships", "apprentice", "apprentices"), ("学徒制", "学徒")),
    (("work-based learning", "workplace learning"), ("基于工作的学习",)),
    (("recognition of prior learning", "rpl", "prior learning"), ("先前学习认可", "先前学习")),
    (("micro-credential", "micro-credentials", "microcredentials"), ("微证书",)),
    (("convention no. 142", "c142", "convention 142", "human resources development convention"),
     ("第142号", "第 142 号", "人力资源开发公约")),
    (("recommendation no. 195", "r195", "recommendation 195", "human resources development recommendation"),
     ("第195号", "第 195 号", "人力资源开发建议书")),
    (("convention no. 140", "c140", "convention 140", "paid educational leave"),
     ("第140号", "第 140 号", "带薪脱产学习公约")),
    (("c138", "minimum age convention", "convention no. 138"), ("最低年龄公约", "第 138 号")),
    (("c182", "worst forms of child labour", "convention no. 182"), ("最恶劣形式的童工劳动公约", "第 182 号")),
    (("r205", "recommendation no. 205", "peace and resilience"), ("面向和平与复原力", "第 205 号")),
    (("status of teachers",), ("关于教师地位的建议书",)),
    (("ratification", "ratify", "ratifying"), ("批准", "批约运动")),
    (("lifelong learning",), ("终身学习",)),
    (("skills development", "skill development"), ("技能开发",)),
    (("skills", "skill"), ("技能",)),
    (("social dialogue",), ("社会对话",)),
    (("social partners",), ("社会伙伴",)),
    (("tripartite", "constituents", "tripartite constituents"), ("三方", "三方成员")),
    (("employers' organizations", "employers organizations", "employers' organisations", "employers"),
     ("雇主组织", "雇主")),
    (("workers' organizations", "workers organizations", "trade unions", "unions"), ("工人组织",)),
    (("governments", "government"), ("政府",)),
    (("financing", "funding", "finance"), ("融资", "资金", "筹资")),
    (("resource mobilization", "resource mobilisation", "mobilize resources", "mobilise resources"),
     ("资源调动", "调动资源")),
    (("governance",), ("治理",)),
    (("skills needs", "skills anticipation", "anticipating", "anticipate", "forecast"),
     ("技能需求", "预测")),
    (("labour market information", "labor market information"), ("劳动力市场信息",)),
    (("care economy",), ("照护经济",)),
    (("green", "environmentally sustainable", "green transition"), ("绿色", "环境可持续")),
    (("digital", "digitalization", "digitalisation", "digital divide"), ("数字", "数字化", "数字鸿沟")),
    (("core skills", "soft skills"), ("核心技能",)),
    (("literacy", "numeracy", "basic skills"), ("读写", "算术", "基本")),
    (("informal economy", "informal workers"), ("非正规经济", "非正规")),
    (("msmes", "smes", "small and medium", "micro, small and medium"), ("中小微企业", "中小微型企业")),
    (("women", "gender", "gender equality"), ("妇女", "性别平等", "性别")),
    (("youth", "young people"), ("青年",)),
    (("migrants", "migrant workers", "refugees"), ("移民", "难民")),
    (("persons with disabilities", "disability", "disabilities"), ("残疾",)),
    (("rural",), ("农村",)),
    (("teachers", "trainers", "teacher", "trainer"), ("教师", "培训师")),
    (("quality assurance",), ("质量保证", "质量保障")),
    (("career guidance", "career development", "guidance", "counselling", "counseling"),
     ("职业指导", "职业发展", "指导", "咨询")),
    (("social protection",), ("社会保护",)),
    (("active labour market policies", "active labor market policies"), ("积极的劳动力市场政策",)),
    (("decent work country programmes", "decent work country programs", "dwcp", "dwcps"),
     ("体面劳动国别计划",)),
    (("decent work",), ("体面劳动",)),
    (("itc-ilo", "turin centre", "international training centre", "itcilo"), ("国际培训中心",)),
    (("cinterfor",), ("美洲职业培训知识发展中心",)),
    (("skills innovation facility", "innovation facility"), ("技能创新机制",)),
    (("south-south", "triangular cooperation"), ("南南合作", "三角合作")),
    (("international financial institutions", "ifis", "world bank"), ("国际金融机构",)),
    (("un country teams", "unct", "united nations country team"), ("联合国国家工作队",)),
    (("unesco",), ("教科文组织",)),
    (("partnerships", "partnership"), ("伙伴关系",)),
    (("research", "knowledge"), ("研究", "知识")),
    (("mid-term review", "midterm review"), ("中期审查",)),
    (("evaluation", "evaluate", "monitoring", "monitor"), ("评估", "监测", "评价")),
    (("risks", "assumptions", "risk"), ("风险", "假设")),
    (("budget", "cost", "costs", "expenditure", "million"), ("美元", "开支", "预算")),
    (("output", "outputs", "high-level outputs"), ("产出", "高级别产出")),
    (("conclusions",), ("结论",)),
    (("resolution",), ("决议",)),
    (("governing body",), ("理事会",)),
    (("director-general",), ("总干事",)),
    (("draft decision", "decision"), ("决定草案",)),
    (("just transition",), ("公正过渡",)),
    (("covid", "covid-19", "pandemic"), ("新冠",)),
    (("child labour", "child labor"), ("童工",)),
    (("artificial intelligence", "ai"), ("人工智能",)),
    (("data protection",), ("数据保护",)),
    (("tracer study", "tracer studies", "tracking"), ("跟踪",)),
    (("sdg", "sdgs", "sustainable development goals"), ("可持续发展目标",)),
    (("p&b", "programme and budget", "program and budget"), ("计划和预算",)),
    (("qualifications", "qualification"), ("资格",)),
    (("certification", "credentials", "validation"), ("认证", "鉴定")),
    (("skills mismatch", "mismatch", "mismatches"), ("技能错配", "不匹配")),
    (("upskilling", "reskilling"), ("技能提升", "技能再培训")),
    (("unemployed",), ("失业",)),
    (("tvet", "vocational"), ("职业技术教育与培训",)),
)

_PATTERNS = tuple(
    (re.compile(r"(?<![a-z0-9])" + "|".join(re.escape(e) for e in sorted(en, key=len, reverse=True))
                + r"(?![a-z0-9])"), zh)
    for en, zh in GLOSSARY
)


def expand(question: str) -> list[str]:
    """Chinese terms for the English ILO terms found in a question (in glossary order)."""
    low = question.lower()
    out: list[str] = []
    for pattern, zh in _PATTERNS:
        if pattern.search(low):
            out.extend(t for t in zh if t not in out)
    return out
