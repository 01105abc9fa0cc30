"""The web UI for readers of either language, on a desktop and on a phone (390 px wide), in
Debian's headless Chromium: what English readers see is English with the Chinese source one
click away; the language choice survives a reload and relabels what is on screen; the page
declares its language; a citation moves focus (and, on a phone, the view) to the context
panel; the empty-question notice speaks the interface language and covers nothing.

Each check runs in both languages and at both widths."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from assistant import Assistant

from .test_ui_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    HEIGHT,
    PHONE,
    WAIT_SECONDS,
    WIDTH,
    chrome_driver,
    start_app,
)

pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason=f"{CHROMIUM} or {CHROMEDRIVER} missing (apt-get install chromium chromium-driver)",
    ),
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

SIZES = {"desktop": (WIDTH, HEIGHT, False), "phone": (*PHONE, True)}
QUESTION = {"en": "Which paragraph mandates a ratification campaign for Convention No. 142?",
            "zh": "哪一段要求针对第142号公约开展批约运动？"}
TABS = {"en": ["Ask", "Browse", "Appendix table"], "zh": ["提问", "浏览文件", "附录表"]}
PAGE_LANG = {"en": "en", "zh": "zh-CN"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def url(assistant: Assistant) -> Iterator[str]:
    app, address = start_app(assistant)
    try:
        yield address
    finally:
        app.close()


@pytest.fixture(scope="module", params=list(SIZES))
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    width, height, mobile = SIZES[request.param]
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        driver = chrome_driver(profile, width, height, mobile)
        try:
            yield driver
        finally:
            driver.quit()


def _wait(driver: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_SECONDS)


def _tabs(driver: Any) -> list[str]:
    return [t.text for t in driver.find_elements("css selector", "#tabs [role=tab]")]


def _open(driver: Any, url: str, lang: str) -> None:
    driver.get(url + f"?lang={lang}")
    _wait(driver).until(lambda d: _tabs(d) == TABS[lang])
    _wait(driver).until(lambda d: d.execute_script("return document.documentElement.lang")
                        == PAGE_LANG[lang])


def _ask(driver: Any, question: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec

    box = _wait(driver).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(question, Keys.ENTER)


def _rect(driver: Any, selector: str) -> dict[str, float]:
    rect: dict[str, float] = driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {x: r.x, y: r.y, w: r.width, h: r.height};", selector)
    return rect


def _visible(driver: Any, selector: str) -> bool:
    return bool(driver.execute_script(
        "const e = document.querySelector(arguments[0]);"
        "return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;",
        selector))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_citation_opens_in_context_with_focus_in_the_readers_language(
        browser: Any, url: str, assistant: Assistant, lang: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    _open(browser, url, lang)
    question = QUESTION[lang]
    top = assistant.ask(question).citations[0]
    _ask(browser, question)
    link = _wait(browser).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#chat a.cite[data-anchor='{top.anchor}'], #chat a.cite[href*='p25.a']")))
    answer = browser.find_element(By.CSS_SELECTOR, "#chat .answer")
    assert answer.get_attribute("lang") == PAGE_LANG[lang]
    shown = answer.text
    assert len(CJK.findall(shown)) <= 0.05 * len(shown) if lang == "en" else CJK.search(shown)
    link.click()
    _wait(browser).until(lambda d: d.find_elements(
        By.CSS_SELECTOR, f"#context .ctx[data-anchor-shown='{top.anchor}']"))
    # Focus moves to the panel; on a phone the panel (below the chat) comes into view.
    _wait(browser).until(lambda d: d.execute_script(
        "return document.activeElement && document.activeElement.classList.contains('ctx')"))
    panel = _rect(browser, "#context .ctx")
    assert panel["y"] < browser.execute_script("return window.innerHeight") * 0.5
    text = browser.find_element(By.CSS_SELECTOR, "#context .line.hit .txt")
    assert text.get_attribute("lang") == PAGE_LANG[lang]
    unit = assistant.corpus.unit(top.anchor).text
    if lang == "zh":
        assert text.get_attribute("textContent") == unit
        assert not browser.find_elements(By.CSS_SELECTOR, "#context .src-toggle")
        return
    assert text.get_attribute("textContent") == top.text  # the English rendering, quoted
    assert not _visible(browser, "#context .line.hit .src")
    toggle = browser.find_element(By.CSS_SELECTOR, "#context .src-toggle")
    assert toggle.text == "Show the Chinese source"
    assert "Unofficial working translation" in browser.find_element(
        By.CSS_SELECTOR, "#context .src-note").text
    toggle.click()
    _wait(browser).until(lambda d: _visible(d, "#context .line.hit .src"))
    source = browser.find_element(By.CSS_SELECTOR, "#context .line.hit .src")
    assert source.text == unit and source.get_attribute("lang") == "zh-CN"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.text == "Hide the Chinese source"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_language_is_kept_across_reload_and_relabels_what_is_on_screen(
        browser: Any, url: str, assistant: Assistant, lang: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    other = "zh" if lang == "en" else "en"
    _open(browser, url, lang)
    _ask(browser, QUESTION[lang])
    top = assistant.ask(QUESTION[lang]).citations[0]
    selector = f"#chat a.cite[href*='{top.anchor.split('#')[1]}']"
    first = _wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, selector)))
    assert first.text == assistant.ask(QUESTION[lang]).citations[0].label
    browser.find_element(By.CSS_SELECTOR, f"#lang input[value='{other}']").click()
    _wait(browser).until(lambda d: _tabs(d) == TABS[other])
    # The citation labels already on screen follow the switch; the page says its language.
    relabelled = assistant.ask(QUESTION[other]).citations[0].label if top.anchor == \
        assistant.ask(QUESTION[other]).citations[0].anchor else None
    _wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, selector).text
                         != first.text if relabelled is None else
                         d.find_element(By.CSS_SELECTOR, selector).text == relabelled)
    assert f"lang={other}" in browser.current_url
    assert browser.execute_script("return document.documentElement.lang") == PAGE_LANG[other]
    browser.refresh()
    _wait(browser).until(lambda d: _tabs(d) == TABS[other])
    assert browser.execute_script("return document.documentElement.lang") == PAGE_LANG[other]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_browse_and_the_appendix_read_in_the_chosen_language(
        browser: Any, url: str, lang: str) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, url, lang)
    browser.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")[1].click()
    hint = _wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#tree .hint"))
    assert "right" not in hint.text and "右侧" not in hint.text  # the panel may sit below
    heading = browser.find_element(By.CSS_SELECTOR, "#tree details.sec summary .t")
    assert heading.get_attribute("lang") == PAGE_LANG[lang]
    assert heading.text == ("1. Background" if lang == "en" else "1. 背景")
    browser.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")[2].click()
    cell = _wait(browser).until(lambda d: d.find_element(
        By.CSS_SELECTOR, "#appendix tr[data-unit='GB.346/INS/4#A16'] td.pil .txt"))
    assert cell.get_attribute("textContent") == ("all pillars" if lang == "en" else "全部")
    budget = browser.find_element(By.CSS_SELECTOR, "#appendix tr.component .budget .t")
    assert budget.get_attribute("textContent") == ("US$183 million" if lang == "en" else "1.83 亿美元")
    # Readable at any width: nothing runs off the side of the page.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1")
    if browser.execute_script("return window.innerWidth") < 640:
        assert browser.execute_script(
            "return getComputedStyle(document.querySelector('#appendix td.out')).display") == "block"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_header_the_switch_and_the_empty_question_notice(
        browser: Any, url: str, lang: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, url, lang)
    # The title wraps as a heading does, never one word a line.
    title = _rect(browser, "#header h1")
    line = float(browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('#header h1')).lineHeight)"))
    assert title["w"] > 250 and title["h"] <= 3 * line + 2
    assert _rect(browser, "#lang")["w"] > 100
    # The language switch shows where the keyboard is.
    browser.find_element(By.CSS_SELECTOR, "#lang input[value='zh']").send_keys(Keys.SPACE)
    focused = browser.execute_script(
        "const l = document.activeElement.closest('label');"
        "return l ? getComputedStyle(l).outlineStyle : 'none';")
    assert focused != "none"
    _open(browser, url, lang)
    browser.find_element(By.CSS_SELECTOR, "#ask").click()
    notice = _wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#notice .notice"))
    assert notice.get_attribute("role") == "alert"
    expected = "Type a question first" if lang == "en" else "请先输入问题"
    assert expected in notice.text
    box, switch = _rect(browser, "#notice .notice"), _rect(browser, "#lang")
    overlap = not (box["x"] + box["w"] <= switch["x"] or switch["x"] + switch["w"] <= box["x"]
                   or box["y"] + box["h"] <= switch["y"] or switch["y"] + switch["h"] <= box["y"])
    assert not overlap
