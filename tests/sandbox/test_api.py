"""The sandbox's HTTP API without a browser: views, actions, time travel, files, the tour."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from emulator.files import store_file
from emulator.validation import Upload
from sandbox.render import entities_to_html
from sandbox.world import Sandbox
from tests.sandbox.conftest import START

Client = TestClient[Any, Any]


async def view(client: Client, persona: str, chat: int | str = "") -> dict[str, Any]:
    response = await client.get("/api/view", params={"persona": persona, "chat": str(chat)})
    assert response.status == 200, await response.text()
    data: dict[str, Any] = await response.json()
    return data


async def post(client: Client, path: str, **body: Any) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status == 200, await response.text()
    data: dict[str, Any] = await response.json()
    return data


def test_entities_become_telegram_html_with_text_escaped() -> None:
    text = "Hi <you> 👋 bold link"
    entities = [
        {"type": "bold", "offset": 12, "length": 4},  # offsets in UTF-16 units: 👋 is two
        {"type": "italic", "offset": 12, "length": 2},
        {"type": "text_link", "offset": 17, "length": 4, "url": "javascript:alert(1)"},
    ]
    assert entities_to_html(text, entities) == "Hi &lt;you&gt; 👋 <b><i>bo</i>ld</b> link"


async def test_meta_lists_personas_and_the_groups_are_set_up(client: Client) -> None:
    meta = await (await client.get("/api/meta")).json()
    roles = [p["role"] for p in meta["personas"]]
    assert roles == ["admin", "organizer", "member", "member", "member", "applicant"]
    assert meta["timezone"] == "Asia/Shanghai"
    member = await view(client, "member1")
    assert [c["present"] for c in member["chats"][1:]] == [True, True, True]
    assert member["now"].startswith("2026-03-02 09:")


async def test_applicant_asks_to_join_and_the_bot_writes_to_them(
    client: Client, sandbox: Sandbox
) -> None:
    applicant = sandbox.persona("applicant")
    group = sandbox.groups[0]
    before = await view(client, "applicant", group.id)
    assert not before["chats"][1]["present"] and before["messages"] == []
    await post(client, "/api/join_request", persona="applicant", chat=group.id)
    after = await view(client, "applicant", group.id)
    assert after["chats"][1]["pending_request"]
    private = sandbox.chat(applicant, applicant.user.id)
    await sandbox.emu.wait_for_message(private, predicate=lambda m: bool(m.reply_markup))


async def test_sending_pressing_and_switching_language(client: Client, sandbox: Sandbox) -> None:
    mia = sandbox.persona("member1")
    await post(client, "/api/send", persona="member1", chat=mia.user.id, text="/lang")
    await sandbox.settled()
    shown = await view(client, "member1", mia.user.id)
    card = shown["messages"][-1]
    assert [b["text"] for b in card["buttons"][0]] == ["中文", "English"]
    answer = await post(
        client, "/api/press", persona="member1", chat=mia.user.id, message=card["id"],
        label="English",
    )  # fmt: skip
    assert answer["show_alert"] is False
    await post(client, "/api/language", persona="member1", language="en")
    shown = await view(client, "member1", mia.user.id)
    assert shown["language"] == "en" and "English" in shown["messages"][-1]["html"]


async def test_time_travel_moves_the_bots_clock(client: Client, sandbox: Sandbox) -> None:
    await post(client, "/api/time", step="hour")
    assert sandbox.clock.now() - START >= timedelta(hours=1)
    due = await sandbox.next_due()
    assert due is not None
    await post(client, "/api/time", step="next")
    assert sandbox.clock.now() > due
    bad = await client.post("/api/time", json={"step": "backwards"})
    assert bad.status == 400


async def test_files_are_served_with_their_bytes(client: Client, sandbox: Sandbox) -> None:
    file = store_file(
        sandbox.emu, Upload("attendance.csv", b"name,going\nMia,yes\n", "text/csv"), "document"
    )
    response = await client.get(f"/api/files/{file.file_id}")
    assert response.status == 200
    assert await response.read() == b"name,going\nMia,yes\n"
    assert 'filename="attendance.csv"' in response.headers["Content-Disposition"]
    assert (await client.get("/api/files/nope")).status == 404


async def test_the_tour_runs_an_activity_from_proposal_to_summary(
    client: Client, sandbox: Sandbox
) -> None:
    steps = await (await client.get("/api/tour", params={"lang": "en"})).json()
    assert len(steps) == 7 and "Olivia" in steps[0]["text"]
    for index in range(len(steps)):
        await post(client, "/api/tour/do", step=index)
    olivia = sandbox.persona("organizer")
    shown = await view(client, "organizer", olivia.user.id)
    names = [m["document"]["name"] for m in shown["messages"] if m["document"]]
    assert any(name.endswith(".xlsx") for name in names)
    assert any(name.endswith(".csv") for name in names)
    group = await view(client, "member1", sandbox.groups[0].id)
    assert any("⏰" in m["html"] for m in group["messages"])
