"""Documents, photos, polls, forwarding and copying."""

from __future__ import annotations

import io

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile

from .conftest import PNG_1X1, World


async def test_document_bytes_are_kept_and_downloadable(world: World, bot: Bot) -> None:
    data = "姓名,出勤\nAlice,5\n".encode()
    sent = await bot.send_document(
        world.group.id,
        BufferedInputFile(data, filename="attendance.csv"),
        caption="<i>Week 1</i>",
        parse_mode="HTML",
        protect_content=True,
    )
    assert sent.document is not None and sent.document.file_name == "attendance.csv"
    assert sent.caption == "Week 1" and sent.has_protected_content
    stored = world.emu.bot_messages(world.group)[0]
    assert stored.document is not None and stored.document.data == data
    assert stored.document.mime_type == "text/csv" and stored.protect_content
    file = await bot.get_file(sent.document.file_id)
    downloaded = io.BytesIO()
    assert file.file_path is not None
    await bot.download_file(file.file_path, downloaded)
    assert downloaded.getvalue() == data


async def test_caption_limit_and_photo_checks(world: World, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_document(
            world.group.id, BufferedInputFile(b"x", filename="a.txt"), caption="c" * 1025
        )
    photo = await bot.send_photo(world.group.id, BufferedInputFile(PNG_1X1, filename="p.png"))
    assert photo.photo is not None and (photo.photo[0].width, photo.photo[0].height) == (1, 1)
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(world.group.id, BufferedInputFile(b"not an image", filename="p.png"))
    # A file_id is reusable, as in Telegram.
    again = await bot.send_photo(world.group.id, photo.photo[0].file_id)
    assert again.photo is not None and again.photo[0].file_id == photo.photo[0].file_id


async def test_poll_send_and_stop(world: World, bot: Bot) -> None:
    sent = await bot.send_poll(world.group.id, "Which day?", ["Mon", "Tue"], is_anonymous=False)
    assert sent.poll is not None and [o.text for o in sent.poll.options] == ["Mon", "Tue"]
    stored = world.emu.bot_messages(world.group)[0]
    await world.emu.vote_poll(world.bob, stored, [1])
    stopped = await bot.stop_poll(world.group.id, sent.message_id)
    assert stopped.is_closed and stopped.options[1].voter_count == 1
    with pytest.raises(TelegramBadRequest, match="poll must have at least 2 option"):
        await bot.send_poll(world.group.id, "Only one?", ["Yes"])


async def test_forward_copy_and_protected_content(world: World, bot: Bot) -> None:
    emu = world.emu
    await emu.send_message(world.alice, world.bot_user, "/start")
    note = await emu.send_message(world.bob, world.group, "minutes: all good")
    forwarded = await bot.forward_message(world.alice.id, world.group.id, note.message_id)
    assert forwarded.text == "minutes: all good" and forwarded.forward_origin is not None
    copied = await bot.copy_message(world.alice.id, world.group.id, note.message_id)
    copy = emu.resolve_chat(world.alice).message(copied.message_id)
    assert copy is not None and copy.text == "minutes: all good" and copy.forward_origin is None
    secret = await bot.send_message(world.group.id, "secret", protect_content=True)
    with pytest.raises(TelegramBadRequest, match="protected content"):
        await bot.forward_message(world.alice.id, world.group.id, secret.message_id)
