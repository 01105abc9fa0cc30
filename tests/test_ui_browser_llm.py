"""The web UI with a chat model (the loopback server of `tests/llm_server.py`), in Debian's
headless Chromium: the answer streams in and ends with the checked answer and who wrote it;
a follow-up is asked as a standalone question, and the page shows how it was asked."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant, LLMSettings, Settings
from corpus import Corpus
from index import VectorEmbedder

from .llm_server import ChatServer, Reply, chat_server
from .test_ui_browser import CHROMEDRIVER, CHROMIUM, WAIT_SECONDS, chrome_driver, start_app

pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason=f"{CHROMIUM} or {CHROMEDRIVER} missing (apt-get install chromium chromium-driver)",
    ),
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]
C14C = "ILC.109/Res#c14.c"


@pytest.fixture(scope="module")
def served(home: Path, corpus: Corpus, embedder: VectorEmbedder,
           assistant: Assistant) -> Iterator[tuple[ChatServer, str]]:
    with chat_server() as server:
        settings = Settings(home=home, llm=LLMSettings(base_url=server.url, model="test-model",
                                                       timeout=5))
        app, url = start_app(Assistant(settings, corpus=corpus, embedder=embedder, build=False))
        try:
            yield server, url
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


def test_a_model_answer_and_a_follow_up(driver: Any, served: tuple[ChatServer, str]) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    server, url = served
    # The chat is re-rendered while the answer streams: an element found may go stale.
    wait = WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=(StaleElementReferenceException,))
    server.replies = [Reply("The Conclusions ask the ILO to run a ratification campaign for "
                            f"Convention No. 142 [{C14C}]. It costs US$9 billion [{C14C}].")]
    driver.get(url + "?lang=en")
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys("What does Conclusions 14(c) ask the ILO to do?", Keys.ENTER)
    wait.until(lambda d: "Written by the model test-model" in d.find_element(
        By.CSS_SELECTOR, "#chat .answer .backend").text)
    answer = driver.find_element(By.CSS_SELECTOR, "#chat .answer")
    link = answer.find_element(By.CSS_SELECTOR, f"a.cite[data-anchor='{C14C}'], a.cite[href*='c14.c']")
    assert link.text == "ILC.109 Resolution, Conclusions para. 14(c)"
    marks = answer.find_elements(By.CSS_SELECTOR, ".unsupported")
    assert [m.get_attribute("title") for m in marks] == ["figure 9 not in the cited units"]
    # A follow-up: rewritten by the model, and shown as asked.
    server.replies = [Reply("Which Appendix outputs implement Conclusions 14(c)?"),
                      Reply("Output 33 implements it [GB.346/INS/4#A33].")]
    box.send_keys("And which outputs implement it?", Keys.ENTER)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chat .asked-as")) == 1)
    assert driver.find_element(By.CSS_SELECTOR, "#chat .asked-as").text == (
        "Asked as: Which Appendix outputs implement Conclusions 14(c)?")
    assert "Last question: And which outputs implement it?" in server.prompt(-2)
