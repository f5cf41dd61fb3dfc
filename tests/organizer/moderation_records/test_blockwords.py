"""A group's block-word changes: add, remove (a default or its own), list, validation."""

from __future__ import annotations

import pytest

from organizer.services import blockwords
from organizer.services.blockwords import BlockWordChange, BlockWordError
from tests.organizer.moderation_records.fixtures import ADMIN, GROUP, OTHER_GROUP, make_groups


@pytest.fixture(autouse=True)
async def _groups(session_factory, clock) -> None:
    await make_groups(session_factory, clock.now())


async def test_add_remove_and_list(session, clock) -> None:
    now = clock.now()
    assert await blockwords.add(session, GROUP, "gambling", " 百家乐 ", ADMIN.id, now) == (
        BlockWordChange(GROUP, "gambling", "百家乐", "add", True)
    )
    assert not (await blockwords.add(session, GROUP, "gambling", "百家乐", ADMIN.id, now)).changed
    await blockwords.add(session, GROUP, "Fraud", "刷单", ADMIN.id, now)
    removed = await blockwords.remove(session, GROUP, "gambling", "赌场", ADMIN.id, now,
                                      is_default=True)  # fmt: skip
    assert removed == BlockWordChange(GROUP, "gambling", "赌场", "remove", True)
    assert await blockwords.list_for(session, GROUP) == {
        "gambling": {"added": ["百家乐"], "removed": ["赌场"]},
        "fraud": {"added": ["刷单"], "removed": []},
    }
    assert await blockwords.extras(session, GROUP) == (
        {"fraud": ["刷单"], "gambling": ["百家乐"]},
        {"gambling": ["赌场"]},
    )
    assert await blockwords.list_for(session, OTHER_GROUP) == {}  # per group


async def test_adding_a_removed_default_brings_it_back(session, clock) -> None:
    now = clock.now()
    await blockwords.remove(session, GROUP, "porn", "成人", ADMIN.id, now, is_default=True)
    back = await blockwords.add(session, GROUP, "porn", "成人", ADMIN.id, now)
    assert (back.mode, back.changed) == ("add", True)
    # Removing it again still drops the default: the row says so, whatever came before.
    again = await blockwords.remove(session, GROUP, "porn", "成人", ADMIN.id, now, is_default=True)
    assert (again.mode, again.changed) == ("remove", True)
    assert await blockwords.extras(session, GROUP) == ({}, {"porn": ["成人"]})


async def test_removing_a_groups_own_term_deletes_it(session, clock) -> None:
    now = clock.now()
    await blockwords.add(session, GROUP, "abuse", "笨蛋", ADMIN.id, now)
    gone = await blockwords.remove(session, GROUP, "abuse", "笨蛋", ADMIN.id, now, is_default=False)
    assert gone == BlockWordChange(GROUP, "abuse", "笨蛋", None, True)
    assert await blockwords.list_for(session, GROUP) == {}
    never = await blockwords.remove(
        session, GROUP, "abuse", "笨蛋", ADMIN.id, now, is_default=False
    )
    assert not never.changed


@pytest.mark.parametrize(
    ("category", "term", "key", "params"),
    [
        ("spam", "x", "moderation-admin-blockword-bad-category",
         {"category": "spam", "categories": ", ".join(blockwords.CATEGORIES)}),
        ("abuse", "   ", "moderation-admin-blockword-bad-term", {"max": "50"}),
        ("abuse", "x" * 51, "moderation-admin-blockword-bad-term", {"max": "50"}),
    ],
)  # fmt: skip
async def test_bad_input_is_refused(session, clock, category, term, key, params) -> None:
    for change in (
        blockwords.add(session, GROUP, category, term, ADMIN.id, clock.now()),
        blockwords.remove(session, GROUP, category, term, ADMIN.id, clock.now(), is_default=True),
    ):
        with pytest.raises(BlockWordError) as caught:
            await change
        assert (caught.value.key, caught.value.params) == (key, params)


async def test_fifty_characters_is_allowed(session, clock) -> None:
    change = await blockwords.add(session, GROUP, "violence", "字" * 50, ADMIN.id, clock.now())
    assert change.changed and len(change.term) == 50
