"""`python -m tests.screenshots` (or `make screenshots`): the README's two pictures of the web
UI, taken in headless Chromium at 1280x900 from a server started in this process.

- `docs/answer.png`: a Chinese question asked in the chat, its top citation opened in context;
- `docs/browse.png`: the Browse tab in English with an Appendix output open beside the tree.

Uses `ILO_QA_HOME` like the CLI (building the index first if there is none)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from tests.test_ui_browser import CHROMIUM, chrome_driver, open_link_of, start_app

DOCS = Path(__file__).resolve().parents[1] / "docs"
QUESTION = "哪一段要求针对第142号公约开展批约运动？"
BROWSE_ANCHOR = "GB.346/INS/4#A33"
WAIT_SECONDS = 30


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


def answer_png(driver: Any, url: str, assistant: Assistant, out: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, WAIT_SECONDS)
    top = assistant.ask(QUESTION).citations[0]
    driver.get(url + "?lang=zh")
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys(QUESTION, Keys.ENTER)
    wait.until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#chat a.cite[href='{open_link_of(top.anchor)}']"))).click()
    wait.until(lambda d: _shown(d, top.anchor))
    # Show the conversation from the question down, not scrolled to its end.
    driver.execute_script("window.scrollTo(0, 0);"
                          "document.querySelector('#chat .bubble-wrap').scrollTop = 0;")
    _settle(driver)
    driver.save_screenshot(str(out))


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
                browse_png(driver, url, DOCS / "browse.png")
            finally:
                driver.quit()
    finally:
        app.close()
    print(f"wrote {DOCS / 'answer.png'} and {DOCS / 'browse.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
