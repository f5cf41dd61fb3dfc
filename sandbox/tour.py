"""The guided tour: one activity from proposal to summary, step by step.

Each step says what to do by hand; "do it for me" performs it with the same Sandbox actions the
page calls (write as a persona, press a button, move time). Button labels come from the bot's
own catalogue in the persona's language, so the tour works in zh and en alike.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from emulator import EmuMessage
from sandbox.world import Persona, Sandbox

STEPS: tuple[tuple[str, str, str], ...] = (
    # key, zh, en
    (
        "propose",
        "以组织者 Olivia 身份，在「项目一组」发送 /propose，"
        "点击“填写活动提案”，按提示完成表单并提交。",
        "As the organizer Olivia, send /propose in the project group and fill in the form.",
    ),
    (
        "approve",
        "切换到管理员 Ada，在与机器人的私聊中点击“✅ 批准”。",
        'Switch to the admin Ada and press "Approve" in her private chat with the bot.',
    ),
    (
        "rsvp",
        "切换到成员 Mia，在「项目一组」的活动公告上点击“✅ 参加”。",
        'Switch to the member Mia and press "Going" on the announcement in the project group.',
    ),
    (
        "reminder",
        "点击“→ 下一个定时动作”，直到群里出现活动提醒（活动前 24 小时）。",
        'Press "→ next scheduled action" until the reminder appears (24 h before the start).',
    ),
    (
        "checkin",
        "继续快进到签到开放，以 Mia 身份点击“📍 签到”。",
        'Jump on until check-in opens and press "Check in" as Mia.',
    ),
    (
        "survey",
        "快进到活动结束：Mia 在私聊中收到问卷，逐题作答。",
        "Jump to the end: Mia gets the survey in private; answer it.",
    ),
    (
        "summary",
        "快进到问卷截止：群里出现总结，组织者收到图表和导出文件。",
        "Jump to when the survey closes: the summary appears and the organizer gets the files.",
    ),
)
MAX_JUMPS = 12  # "next action" jumps before a step gives up (other jobs may fall due first)


class Tour:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def steps(self, language: str) -> list[dict[str, str]]:
        index = 1 if language == "zh" else 2
        return [{"key": step[0], "text": step[index]} for step in STEPS]

    async def do(self, step: int) -> dict[str, Any]:
        actions: dict[str, Callable[[], Awaitable[None]]] = {
            "propose": self._propose, "approve": self._approve, "rsvp": self._rsvp,
            "reminder": self._reminder, "checkin": self._checkin, "survey": self._survey,
            "summary": self._summary,
        }  # fmt: skip
        await self.sandbox.settled()
        await actions[STEPS[step][0]]()
        await self.sandbox.settled()
        return {"done": STEPS[step][0]}

    # ------------------------------------------------------------------ helpers

    def _label(self, persona: Persona, key: str, **args: Any) -> str:
        return self.sandbox.app.catalogue.text(persona.language, key, **args)

    async def _say(self, persona: Persona, chat_id: int, text: str) -> None:
        await self.sandbox.send(persona, chat_id, text)
        await self.sandbox.settled()

    async def _tap(self, persona: Persona, chat_id: int, prefix: str) -> None:
        """Press the newest button whose label starts with `prefix`."""
        chat = self.sandbox.chat(persona, chat_id)
        for message in reversed(self.sandbox.emu.bot_messages(chat)):
            label = next((b for b in message.buttons if b.startswith(prefix)), None)
            if label is not None:
                await self.sandbox.press(persona, chat_id, message.message_id, label)
                await self.sandbox.settled()
                return
        raise ValueError(f"no button {prefix!r} in chat {chat_id}: do the earlier steps first")

    async def _jump_until(self, found: Callable[[], EmuMessage | None]) -> None:
        for _ in range(MAX_JUMPS):
            if found() is not None:
                return
            await self.sandbox.travel("next")
            await self.sandbox.settled()
        raise ValueError("not reached: is there an approved activity with a member going?")

    def _find(self, persona: Persona, chat_id: int, test: Callable[[EmuMessage], bool]) -> Any:
        chat = self.sandbox.chat(persona, chat_id)
        return next((m for m in reversed(self.sandbox.emu.bot_messages(chat)) if test(m)), None)

    # ------------------------------------------------------------------ steps

    async def _propose(self) -> None:
        olivia, group = self.sandbox.persona("organizer"), self.sandbox.groups[0]
        me = olivia.user.id
        await self._say(olivia, me, f"/start propose_{group.id}")
        await self._tap(olivia, me, self._label(olivia, "activity-kind-seminar"))
        day = self.sandbox.clock.now().astimezone(ZoneInfo(self.sandbox.timezone))
        day += timedelta(days=2)
        for answer in (
            "课程设计评审会 Course design review",
            "一起评审新课程的设计。Reviewing the new course together.",
            f"{day:%Y-%m-%d} 19:30",
            "21:00",
            "https://meet.example.com/review",
            "20",
        ):
            await self._say(olivia, me, answer)
        await self._tap(olivia, me, self._label(olivia, "propose-button-skip"))
        await self._tap(olivia, me, self._label(olivia, "propose-button-done"))
        await self._tap(olivia, me, self._label(olivia, "propose-button-skip"))
        await self._tap(olivia, me, self._label(olivia, "propose-repeat-none"))
        await self._tap(olivia, me, self._label(olivia, "propose-button-submit"))

    async def _approve(self) -> None:
        ada = self.sandbox.persona("admin")
        await self._tap(ada, ada.user.id, self._label(ada, "review-button-approve"))

    async def _rsvp(self) -> None:
        mia, group = self.sandbox.persona("member1"), self.sandbox.groups[0]
        going = self._label(mia, "rsvp-going", n=0).rsplit(" ", 1)[0]
        await self._tap(mia, group.id, going)

    async def _reminder(self) -> None:
        mia, group = self.sandbox.persona("member1"), self.sandbox.groups[0]
        await self._jump_until(lambda: self._find(mia, group.id, lambda m: "⏰" in m.content))

    async def _checkin(self) -> None:
        mia, group = self.sandbox.persona("member1"), self.sandbox.groups[0]
        label = self._label(mia, "checkin-button")
        await self._jump_until(lambda: self._find(mia, group.id, lambda m: label in m.buttons))
        await self._tap(mia, group.id, label)

    async def _survey(self) -> None:
        mia = self.sandbox.persona("member1")
        me = mia.user.id
        await self._jump_until(lambda: self._find(mia, me, lambda m: "5" in m.buttons))
        for rating in ("5", "4", "5"):
            await self._tap(mia, me, rating)
        await self._say(mia, me, "案例很实用 / Practical cases")
        await self._tap(mia, me, self._label(mia, "flow-survey-skip"))

    async def _summary(self) -> None:
        olivia = self.sandbox.persona("organizer")
        me = olivia.user.id
        await self._jump_until(lambda: self._find(olivia, me, lambda m: m.document is not None))
