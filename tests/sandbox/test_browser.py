"""The sandbox page in Debian's headless Chromium: an activity from proposal to reminder, by hand.

Never downloads a browser or driver (Selenium Manager is kept offline); skips only when
/usr/bin/chromium or /usr/bin/chromedriver is missing. Screenshots go to test-results/sandbox/.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.conftest import ServedInThread

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SHOTS = Path("test-results/sandbox")
TITLE = "课程设计评审会"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
        allow_module_level=True,
    )
os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a browser or driver

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class Page:
    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver

    def until(self, condition: Callable[[Any], Any], timeout: float = 15) -> Any:
        # The page re-renders on every change: an element found a moment ago may be stale.
        wait = WebDriverWait(
            self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)
        )
        return wait.until(condition)

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(SHOTS / f"{name}.png"))

    def idle(self) -> None:
        self.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-busy") == "0")

    def persona(self, key: str) -> None:
        self.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#persona option[value='{key}']"))
        Select(self.driver.find_element(By.ID, "persona")).select_by_value(key)
        # Until the page shows this persona (body[data-view] is "persona:chat" once rendered).
        self.until(lambda d: self.view().startswith(f"{key}:"))

    def view(self) -> str:
        return str(self.driver.find_element(By.TAG_NAME, "body").get_attribute("data-view") or "")

    def open_chat(self, title: str | None) -> None:
        """A group by (part of) its title; None = the private chat with the bot."""
        css = "#chat-list .chat"

        def click(d: Any) -> bool:
            chats = d.find_elements(By.CSS_SELECTOR, css)
            found = chats[:1] if title is None else [c for c in chats if title in c.text]
            if not found:
                return False
            chat_id = found[0].get_attribute("data-id")  # before the click re-renders the list
            found[0].click()
            return self.view().endswith(f":{chat_id}")

        self.until(click)

    def messages(self) -> str:
        return str(self.driver.find_element(By.ID, "messages").text)

    def see(self, text: str, timeout: float = 15) -> None:
        self.until(lambda d: text in self.messages(), timeout)

    def say(self, text: str, expect: str) -> None:
        box = self.driver.find_element(By.ID, "text")
        box.send_keys(text)
        self.driver.find_element(By.ID, "send").click()
        self.see(expect)

    def tap(self, prefix: str, expect: str | None = None) -> None:
        """Click the newest inline button whose label starts with `prefix`."""

        def click(d: Any) -> bool:
            buttons = [
                b for b in d.find_elements(By.CSS_SELECTOR, "#messages .keyboard button")
                if b.text.startswith(prefix)
            ]  # fmt: skip
            if not buttons:
                return False
            buttons[-1].click()
            return True

        self.until(click)
        self.idle()
        if expect is not None:
            self.see(expect)


def test_an_activity_from_proposal_to_reminder_in_the_browser(
    browser: webdriver.Chrome, served_in_thread: tuple[ServedInThread, Any]
) -> None:
    runner, served = served_in_thread
    sandbox = served.sandbox
    page = Page(browser)
    browser.get(served.url)
    page.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chat-list .chat"))
    page.shot("01-start")

    # A member writes /start in private.
    page.persona("member1")
    page.open_chat(None)
    page.say("/start", "Mia")
    page.until(lambda d: page.messages().count("👋") >= 2)

    # The organizer proposes in the project group; the deep-link button opens the private form.
    page.persona("organizer")
    page.open_chat("项目一组")
    page.say("/propose", "填写活动提案")
    page.tap("📝", "第 1/11 步")
    page.tap("线上研讨会", "第 2/11 步")
    page.say(TITLE, "第 3/11 步")
    page.say("一起评审新课程的设计。", "第 4/11 步")
    page.say("2026-03-05 19:30", "第 5/11 步")
    page.say("21:00", "第 6/11 步")
    page.say("https://meet.example.com/review", "第 7/11 步")
    page.say("20", "第 8/11 步")
    page.tap("跳过", "第 9/11 步")
    page.tap("✅ 完成", "第 10/11 步")
    page.tap("跳过", "第 11/11 步")
    page.tap("不重复", "预览")
    page.shot("02-preview")
    page.tap("✅ 提交", "已提交")

    # The admin approves from the card in private.
    page.persona("admin")
    page.open_chat(None)
    page.see(TITLE)
    page.tap("✅ 批准")
    page.shot("03-approved")

    # A member answers "going" on the announcement.
    page.persona("member1")
    page.open_chat("项目一组")
    page.see(f"📣 {TITLE}")
    page.tap("✅ 参加", "已报名 1/20")
    page.shot("04-rsvp")

    # Time travel: jump from one scheduled action to the next until the reminder is posted.
    async def reminded() -> bool:  # read on the sandbox's own loop: its state is not thread-safe
        return any("活动提醒" in m.content for m in sandbox.emu.bot_messages(sandbox.groups[0]))

    for _ in range(12):
        if runner.call(reminded()):
            break
        browser.find_element(By.ID, "t-next").click()
        page.idle()
    page.see("活动提醒")
    assert "2026-03-04" in browser.find_element(By.ID, "now").text
    page.shot("05-reminder")
