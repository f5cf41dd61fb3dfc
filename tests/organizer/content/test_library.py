"""The material library: idempotent cataloguing, search, share counts and message links."""

from __future__ import annotations

from datetime import timedelta

from organizer.services import library
from tests.organizer.members.fixtures import ANNA, BO, GROUP, make_group


async def _add(session, message_id, title, *, tag=None, author=ANNA.id, now, kind="post"):
    return await library.catalogue(
        session, group_id=GROUP, message_id=message_id, author_id=author, tag=tag, title=title,
        kind=kind, file_name=None, now=now,
    )  # fmt: skip


async def test_catalogue_is_idempotent(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    first = await _add(session, 1, "Python 入门讲义", tag="material", now=now)
    again = await _add(session, 1, "Python 入门讲义", tag="material", now=now)
    assert first is not None and again is None
    assert await _add(session, 2, "   ", now=now) is None  # nothing to call it
    assert len(await library.search(session, GROUP)) == 1


async def test_search_by_tag_and_words_ignoring_case(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    await _add(session, 1, "Python Slides week 1", tag="material", now=now)
    await _add(session, 2, "python 练习题 week 2", tag="material", now=now + timedelta(hours=1))
    await _add(session, 3, "政策解读 Python 100%", tag="policy", now=now + timedelta(hours=2))
    await _add(session, 4, "report_2026.pdf", now=now + timedelta(hours=3), kind="document")
    titles = [e.title for e in await library.search(session, GROUP, words=["PYTHON"])]
    assert titles == ["政策解读 Python 100%", "python 练习题 week 2", "Python Slides week 1"]
    found = await library.search(session, GROUP, tag="material", words=["python", "WEEK"])
    assert [e.message_id for e in found] == [2, 1]
    assert [e.message_id for e in await library.search(session, GROUP, words=["练习"])] == [2]
    assert [e.message_id for e in await library.search(session, GROUP, words=["100%"])] == [3]
    assert await library.search(session, GROUP, words=["1_0"]) == []  # LIKE wildcards escaped
    assert [e.message_id for e in await library.search(session, GROUP, words=["2026."])] == [4]
    assert len(await library.search(session, GROUP, limit=2)) == 2
    assert await library.search(session, GROUP - 1) == []


async def test_share_counts_in_a_period(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    await _add(session, 1, "a", now=now - timedelta(days=1))
    await _add(session, 2, "b", now=now)
    await _add(session, 3, "c", now=now + timedelta(hours=1))
    await _add(session, 4, "d", author=BO.id, now=now + timedelta(hours=2))
    await _add(session, 5, "e", now=now + timedelta(days=1))  # `until` is exclusive
    counts = await library.share_counts(session, GROUP, now, now + timedelta(days=1))
    assert counts == {ANNA.id: 2, BO.id: 1}


def test_titles_and_kinds() -> None:
    assert library.title_for("#资料 #课件\n  Python   入门 \n第二行", None) == "Python 入门"
    assert library.title_for("#资料", "讲义.pdf") == "讲义.pdf"
    assert library.title_for("#资料", None) == ""
    assert len(library.title_for("x" * 500, None)) == library.TITLE_MAX
    assert library.kind_for("see https://a.example", file_name=None, has_media=False) == "link"
    assert library.kind_for("text", file_name="a.pdf", has_media=True) == "document"
    assert library.kind_for("text", file_name=None, has_media=True) == "media"
    assert library.kind_for("text", file_name=None, has_media=False) == "post"


def test_message_links() -> None:
    assert library.message_link(-1001234567890, 42) == "https://t.me/c/1234567890/42"
    assert library.message_link(-1001234567890, 42, "train_ops") == "https://t.me/train_ops/42"
    assert library.message_link(-1001234567890, 42, "@train_ops") == "https://t.me/train_ops/42"
    assert library.message_link(-4242, 7) == "https://t.me/c/4242/7"
