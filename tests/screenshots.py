"""`python -m tests.screenshots` (or `make screenshots`): the README's pictures of the web UI,
taken in headless Chromium from a server started in this process.

- `docs/answer.png` (1280x900): a Chinese question asked in the chat, its top citation opened
  in context;
- `docs/answer_en.png` (1280x900): the same in English: the answer quotes the working
  translation, and the context panel shows the Chinese source beside it;
- `docs/browse.png` (1280x900): the Browse tab in English with an Appendix output open beside
  the tree;
- `docs/phone.png` (390x844): an English answer on a phone, and `docs/phone_context.png` the
  context panel a citation scrolled to.

Uses `ILO_QA_HOME` like the CLI (building the index first if there is none)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from tests.test_ui_browser import CHROMIUM, PHONE, chrome_driver, open_link_of, start_app

DOCS = Path(__file__).resolve().parents[1] / "docs"
QUESTION = "哪一段要求针对第142号公约开展批约运动？"
QUESTION_EN = "What does the strategy say about recognition of prior learning?"
BROWSE_ANCHOR = "GB.346/INS/4#A33"
WAIT_SECONDS = 30
NAMES = ("answer.png", "answer_en.png", "browse.png", "phone.png", "phone_context.png")


def _settle(driver: Any) -> None:
    """Fonts loaded, nothing focused, nothing hovered: a still picture."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_async_script("document.fonts.ready.then(arguments[0]);")
    driver.execute_script("document.activeElement && document.activeElement.blur();")
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def _shown(driver: Any, anchor: str) -> bool:
    found = driver.find_elements("css selector", "#context .ctx[data-anchor-shown]")
    return bool(found) and found[0].get_attribute("data-anchor-shown") == anchor


def answer_png(driver: Any, url: str, assistant: Assistant, out: Path, question: str = QUESTION,
               lang: str = "zh", source: bool = False) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, WAIT_SECONDS)
    top = assistant.ask(question).citations[0]
    driver.get(url + f"?lang={lang}")
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(question, Keys.ENTER)
    wait.until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#chat a.cite[href='{open_link_of(top.anchor)}']"))).click()
    wait.until(lambda d: _shown(d, top.anchor))
    if source:  # the Chinese source beside the translation
        driver.find_element(By.CSS_SELECTOR, "#context .src-toggle").click()
    # Show the conversation from the question down, not scrolled to its end.
    driver.execute_script("window.scrollTo(0, 0);"
                          "document.querySelector('#chat .bubble-wrap').scrollTop = 0;")
    _settle(driver)
    driver.save_screenshot(str(out))


def phone_pngs(driver: Any, url: str, assistant: Assistant, answer: Path, context: Path) -> None:
    """An English answer on a phone; then the context panel a citation scrolls to."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, WAIT_SECONDS)
    top = assistant.ask(QUESTION_EN).citations[0]
    driver.get(url + "?lang=en")
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(QUESTION_EN, Keys.ENTER)
    link = wait.until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#chat a.cite[href='{open_link_of(top.anchor)}']")))
    driver.execute_script("document.querySelector('#chat').scrollIntoView();"
                          "document.querySelector('#chat .bubble-wrap').scrollTop = 0;")
    _settle(driver)
    driver.save_screenshot(str(answer))
    link.click()
    wait.until(lambda d: _shown(d, top.anchor))
    wait.until(lambda d: d.execute_script(
        "return document.querySelector('#context .ctx').getBoundingClientRect().top < 200"))
    _settle(driver)
    driver.save_screenshot(str(context))


def browse_png(driver: Any, url: str, out: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, WAIT_SECONDS)
    driver.get(url + "?lang=en")
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#tabs [role=tab]")))
    driver.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]")[1].click()
    link = wait.until(ec.presence_of_element_located(
        (By.CSS_SELECTOR, f"#tree a[data-anchor='{BROWSE_ANCHOR}']")))
    # Scroll the tree (not the page) so the output sits in the upper part of the tree pane.
    driver.execute_script(
        "const tree = document.querySelector('#tree .tree');"
        "const row = arguments[0].closest('.para');"
        "tree.scrollTop = row.offsetTop - tree.offsetTop - 120;", link)
    wait.until(ec.element_to_be_clickable(link)).click()
    wait.until(lambda d: _shown(d, BROWSE_ANCHOR))
    driver.execute_script("window.scrollTo(0, 0);")
    _settle(driver)
    driver.save_screenshot(str(out))


def main() -> int:
    if not CHROMIUM.exists():
        print(f"screenshots: {CHROMIUM} is missing; apt-get install chromium chromium-driver "
              "fonts-noto-cjk", file=sys.stderr)
        return 2
    DOCS.mkdir(exist_ok=True)
    assistant = Assistant(Settings())
    app, url = start_app(assistant)
    try:
        with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
            driver = chrome_driver(profile)
            try:
                answer_png(driver, url, assistant, DOCS / "answer.png")
                answer_png(driver, url, assistant, DOCS / "answer_en.png", QUESTION_EN, "en",
                           source=True)
                browse_png(driver, url, DOCS / "browse.png")
            finally:
                driver.quit()
        with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
            phone = chrome_driver(profile, *PHONE, mobile=True)
            try:
                phone_pngs(phone, url, assistant, DOCS / "phone.png", DOCS / "phone_context.png")
            finally:
                phone.quit()
    finally:
        app.close()
    print(f"wrote {', '.join(str(DOCS / n) for n in NAMES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
