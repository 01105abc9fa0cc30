"""The web UI in a real browser: Debian's Chromium, headless, driven by selenium through
Debian's chromedriver, against a server started in this process. What is checked is what a
person does: ask, click a citation, read the paragraph; open a deep link; switch language.
Explicit waits only. Skipped only when Chromium is not installed (CI installs it)."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from assistant import Assistant

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1280, 900
WAIT_SECONDS = 30
# Flags that work as root on a closed network: no sandbox (root), no GPU, no /dev/shm (small
# in containers), and nothing that would reach out (QUIC, sync, updates, background fetches).
CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", f"--window-size={WIDTH},{HEIGHT}", "--lang=en-US",
)

pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason=f"{CHROMIUM} or {CHROMEDRIVER} missing (apt-get install chromium chromium-driver)",
    ),
    # Gradio's queue calls pandas in ways pandas 3 deprecates; not ours to fix.
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_app(assistant: Assistant) -> tuple[Any, str]:
    """The UI served from this process on a free port; returns (app, url). Close the app."""
    from ui._web import build_app, launch

    port = free_port()
    served = launch(build_app(assistant), assistant, port=port, block=False, quiet=True)
    return served, f"http://127.0.0.1:{port}/"


PHONE = (390, 844)  # an iPhone 12–15 viewport, in CSS pixels


def chrome_driver(user_data_dir: str, width: int = WIDTH, height: int = HEIGHT,
                  mobile: bool = False) -> Any:
    """Headless Chromium with a fresh profile and a viewport of exactly width x height (a
    touch phone's when `mobile`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROME_FLAGS, f"--user-data-dir={user_data_dir}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1,
                            "mobile": mobile})
    return driver


def open_link_of(anchor: str) -> str:
    """The page URL's query for a deep link to `anchor` (the documented scheme)."""
    return f"?anchor={quote(anchor, safe='/')}"


@pytest.fixture(scope="module")
def url(assistant: Assistant) -> Iterator[str]:
    app, address = start_app(assistant)
    try:
        yield address
    finally:
        app.close()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        browser = chrome_driver(profile)
        try:
            yield browser
        finally:
            browser.quit()


def _wait(driver: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_SECONDS)


def _css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _shown(driver: Any, anchor: str) -> bool:
    found = driver.find_elements("css selector", "#context .ctx[data-anchor-shown]")
    return bool(found) and found[0].get_attribute("data-anchor-shown") == anchor


def _ask(driver: Any, question: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec

    box = _wait(driver).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(question, Keys.ENTER)


def _bot_messages(driver: Any) -> int:
    return len(driver.find_elements("css selector", "#chat [data-testid='bot']"))


def test_ask_click_a_citation_read_it_in_context(driver: Any, url: str,
                                                 assistant: Assistant) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    question = "Which paragraph mandates a ratification campaign for Convention No. 142?"
    top = assistant.ask(question).citations[0]
    driver.get(url + "?lang=en")
    _ask(driver, question)
    link = _wait(driver).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#chat a.cite[href='{open_link_of(top.anchor)}']")))
    assert link.text == top.label
    link.click()
    _wait(driver).until(lambda d: _shown(d, top.anchor))
    hit = _css(driver, "#context .line.hit .txt")
    assert hit.get_attribute("textContent") == top.text  # the English rendering, as quoted
    assert (_css(driver, "#context .line.hit .src").get_attribute("textContent")
            == assistant.corpus.unit(top.anchor).text)
    assert len(driver.window_handles) == 1 and driver.current_url == url + "?lang=en"

    # The sources panel copies "label [anchor]".
    _css(driver, "#sources li:first-child button.copy").click()
    _wait(driver).until(lambda d: "done" in _css(d, "#sources li:first-child button.copy")
                        .get_attribute("class"))
    assert driver.execute_script("return window.__iloLastCopied") == f"{top.label} [{top.anchor}]"

    # A follow-up keeps the conversation; an out-of-scope question says it has no answer.
    _ask(driver, "How do I bake sourdough bread?")
    _wait(driver).until(lambda d: _bot_messages(d) == 2)
    assert "No answer" in _css(driver, "#chat .abstain-badge").text
    assert len(driver.find_elements(By.CSS_SELECTOR, "#chat [data-testid='user']")) == 2


def test_a_deep_link_opens_its_paragraph_and_row_points_open_theirs(
    driver: Any, url: str, assistant: Assistant
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    row, point = "GB.346/INS/4#A33", "ILC.109/Res#c14.c"
    driver.get(url + open_link_of(row) + "&lang=zh")
    _wait(driver).until(lambda d: _shown(d, row))
    assert (_css(driver, "#context .line.hit .txt").get_attribute("textContent")
            == assistant.corpus.unit(row).text)
    _wait(driver).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#context table.fields a[data-anchor='{point}']"))).click()
    _wait(driver).until(lambda d: _shown(d, point))
    assert (_css(driver, "#context .line.hit .txt").get_attribute("textContent")
            == assistant.corpus.unit(point).text)


def test_language_switch_browse_tree_and_appendix_filter(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec

    driver.get(url + "?lang=en")
    _wait(driver).until(lambda d: [t.text for t in d.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")]
                        == ["Ask", "Browse", "Appendix table"])
    _css(driver, "#lang label:first-of-type").click()  # 中文
    _wait(driver).until(lambda d: [t.text for t in d.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")]
                        == ["提问", "浏览文件", "附录表"])
    assert _css(driver, "#header h1").text == "ILO 技能和终身学习问答"
    assert _css(driver, "#question [data-testid='block-info']").text == "问题"

    driver.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")[1].click()
    _wait(driver).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, "#tree a[data-anchor='GB.346/INS/4#p10.f']"))).click()
    _wait(driver).until(lambda d: _shown(d, "GB.346/INS/4#p10.f"))
    assert _css(driver, "#context .ctx-label").text == "GB.346/INS/4 第10段(f)"

    driver.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")[2].click()
    box = _wait(driver).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#f-point input")))
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE, "14段(h)")
    _wait(driver).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, "#f-point ul.option-list li"))).click()
    _wait(driver).until(lambda d: _css(d, "#appendix .count").text == "显示 3 / 39 项产出")
    assert [r.get_attribute("data-unit") for r in driver.find_elements(
        By.CSS_SELECTOR, "#appendix tr[data-unit]")] == [
        "GB.346/INS/4#A37", "GB.346/INS/4#A38", "GB.346/INS/4#A39"]
