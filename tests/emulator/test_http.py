"""The raw HTTP surface: Telegram-shaped errors, JSON bodies, and the /_emu/ test API."""

from __future__ import annotations

import aiohttp

from emulator import TelegramEmulator

from .conftest import TOKEN, World


async def test_unknown_method_and_token_answer_like_telegram(world: World) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{world.emu.base_url}/bot{TOKEN}/sendTelepathy") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        async with http.post(f"{world.emu.base_url}/bot1:WRONG/getMe") as response:
            assert response.status == 401
            assert (await response.json())["description"] == "Unauthorized"


async def test_json_body_requests_work_too(world: World) -> None:
    await world.emu.send_message(world.alice, world.bot_user, "/start")
    body = {
        "chat_id": world.alice.id,
        "text": "*hi*",
        "parse_mode": "MarkdownV2",
        "reply_markup": {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]},
    }
    async with aiohttp.ClientSession() as http:
        url = f"{world.emu.base_url}/bot{TOKEN}/SENDMESSAGE"  # names are case-insensitive
        async with http.post(url, json=body) as response:
            answer = await response.json()
    assert answer["ok"] and answer["result"]["text"] == "hi"
    assert answer["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    assert world.emu.bot_messages(world.alice)[0].buttons == ["Go"]


async def test_markdown_v2_reserved_characters_are_rejected(world: World) -> None:
    body = {"chat_id": world.group.id, "text": "Done.", "parse_mode": "MarkdownV2"}
    url = f"{world.emu.base_url}/bot{TOKEN}/sendMessage"
    async with aiohttp.ClientSession() as http, http.post(url, json=body) as resp:
        answer = await resp.json()
    assert resp.status == 400
    assert answer["description"] == (
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped "
        "with the preceding '\\'"
    )


async def test_test_api_drives_users_and_lists_messages(emu: TelegramEmulator) -> None:
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    base = f"{emu.base_url}/_emu"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/users", json={"first_name": "Gina"}) as response:
            gina = await response.json()
        group_body = {"title": "Sandbox", "owner_id": gina["id"]}
        async with http.post(f"{base}/groups", json=group_body) as response:
            group = await response.json()
        add_body = {"bot_id": bot_user.id, "by_id": gina["id"]}
        async with http.post(f"{base}/groups/{group['id']}/bots", json=add_body) as response:
            assert response.status == 200
        send_body = {"from_id": gina["id"], "chat_id": group["id"], "text": "hello bot"}
        async with http.post(f"{base}/messages", json=send_body) as response:
            sent = await response.json()
        async with http.get(f"{base}/chats/{group['id']}/messages") as response:
            listed = await response.json()
        async with http.post(f"{base}/press", json={**send_body, "message_id": 99}) as response:
            assert response.status == 400 and "no message 99" in (await response.json())["error"]
    assert sent["text"] == "hello bot"
    assert [m["text"] for m in listed] == [None, "hello bot"]  # the join service message first
    assert listed[0]["service"]["new_chat_members"][0]["id"] == bot_user.id
    assert emu.bot_account(bot_user).updates.pending_count == 3  # my_chat_member + 2 messages
