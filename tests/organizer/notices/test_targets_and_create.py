"""Targeting (who may reach which groups) and create's validation and scheduling."""

from __future__ import annotations

from datetime import timedelta

import pytest

from organizer.models.notices import NoticeStatus
from organizer.services import notices, scheduled_actions
from organizer.services.notices import NoticeError
from tests.organizer.notices.fixtures import (
    ADMIN,
    ANNA,
    G1,
    G2,
    G3,
    G4,
    G5,
    ORG,
    ORG_ADMINS,
    OTHER,
    create,
    make_world,
)  # fmt: skip


@pytest.fixture
async def world(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())


async def _targets(session, author: int, kind: str, value=None) -> list[int]:
    found = await notices.resolve_targets(session, author, kind, value, org_admin_ids=ORG_ADMINS)
    return [target.group_id for target in found]


async def test_targets_are_the_groups_the_author_administers(world, session) -> None:
    # G5 is administered too, but the bot has left it.
    assert await _targets(session, ADMIN.id, "all") == [G1, G2, G3]
    assert await _targets(session, ADMIN.id, "kind", "project") == [G1, G2]
    assert await _targets(session, ADMIN.id, "groups", [G1, G3, G4]) == [G1, G3]
    assert await _targets(session, ADMIN.id, "group", G4) == []
    assert await _targets(session, OTHER.id, "all") == [G4]
    assert await _targets(session, ANNA.id, "all") == []  # a member administers nothing


async def test_an_organisation_admin_reaches_every_group_the_bot_is_in(world, session) -> None:
    assert await _targets(session, ORG, "all") == [G1, G2, G3, G4]
    assert await _targets(session, ORG, "kind", "industry_exchange") == [G4]
    [target] = await notices.resolve_targets(session, ORG, "group", G4, org_admin_ids=ORG_ADMINS)
    assert (target.title, target.kind) == ("D 交流群", "industry_exchange")


@pytest.mark.parametrize(("kind", "value"), [("kind", "nonsense"), ("everyone", None),
                                             ("groups", ["x"]), ("group", [G1, G2])])  # fmt: skip
async def test_bad_targets_are_refused(world, session, kind, value) -> None:
    with pytest.raises(NoticeError) as raised:
        await notices.resolve_targets(session, ADMIN.id, kind, value, org_admin_ids=ORG_ADMINS)
    assert raised.value.key == "notices-error-bad-target"


async def test_create_schedules_one_delivery_per_group(world, session_factory, clock) -> None:
    send_at = clock.now() + timedelta(hours=2)
    notice = await create(
        session_factory, clock.now(), target_kind="kind", target_value="project", send_at=send_at,
        pin=True, ack_required=True,
    )  # fmt: skip
    assert notice.status == NoticeStatus.SCHEDULED and notice.group_ids == (G2, G1)
    assert (notice.send_at, notice.timezone, notice.occurrence) == (send_at, "Asia/Shanghai", 0)
    async with session_factory() as session:
        actions = await scheduled_actions.pending(session, kind=notices.DELIVER_KIND)
    assert sorted(a.dedupe_key or "" for a in actions) == sorted(
        f"notice:{notice.id}:0:{gid}" for gid in (G1, G2)
    )
    assert {a.due_at for a in actions} == {send_at}
    assert {(a.payload["group_id"], a.payload["occurrence"]) for a in actions} == {
        (G1, 0), (G2, 0)
    }  # fmt: skip


async def test_send_now_is_due_now(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="group", target_value=G1)
    assert notice.send_at == clock.now() and notice.group_ids == (G1,)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"text": "  "}, "notices-error-empty"),
        ({"text": "x " * 30000}, "notices-error-too-long"),
        ({"media_kind": "photo", "media_file_id": "F", "text": "说明" * 600},
         "notices-error-caption-too-long"),
        ({"media_kind": "video", "media_file_id": "F"}, "notices-error-bad-media"),
        ({"media_kind": "photo"}, "notices-error-bad-media"),
        ({"send_at": "past"}, "notices-error-past"),
        ({"repeat": "hourly"}, "notices-error-bad-repeat"),
        ({"repeat_until": "future"}, "notices-error-bad-repeat"),
        ({"repeat": "weekly", "repeat_until": "past"}, "notices-error-repeat-until"),
        ({"ack_remind_hours": 0}, "notices-error-remind-hours"),
        ({"target_kind": "group", "target_value": G4}, "notices-error-no-rights"),
        ({"target_kind": "groups", "target_value": [G1, G5]}, "notices-error-no-rights"),
        ({"author_id": ANNA.id, "target_kind": "all"}, "notices-error-no-target"),
    ],
)  # fmt: skip
async def test_create_validation(world, session_factory, clock, fields, key) -> None:
    times = {"past": clock.now() - timedelta(hours=1), "future": clock.now() + timedelta(days=9)}
    fields = {name: times.get(value, value) if isinstance(value, str) else value
              for name, value in fields.items()}  # fmt: skip
    fields.setdefault("target_kind", "all")
    with pytest.raises(NoticeError) as raised:
        await create(session_factory, clock.now(), **fields)
    assert raised.value.key == key
    async with session_factory() as session:
        assert await scheduled_actions.pending(session, kind=notices.DELIVER_KIND) == []


async def test_media_with_a_short_caption_or_none_is_fine(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), text="", media_kind="document",
                          media_file_id="BQAC", target_kind="group", target_value=G1)  # fmt: skip
    assert (notice.media_kind, notice.media_file_id, notice.text) == ("document", "BQAC", "")


async def test_an_organisation_admin_may_target_any_group(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), author_id=ORG, target_kind="all")
    assert set(notice.group_ids) == {G1, G2, G3, G4}


async def test_scheduled_on_and_list_for(world, session_factory, clock) -> None:
    now = clock.now()
    today = await create(session_factory, now, send_at=now + timedelta(hours=3),
                         target_kind="group", target_value=G1)  # fmt: skip
    tomorrow = await create(session_factory, now, send_at=now + timedelta(days=1),
                            target_kind="group", target_value=G2)  # fmt: skip
    others = await create(session_factory, now, author_id=OTHER.id, target_kind="all",
                          send_at=now + timedelta(hours=1))  # fmt: skip
    async with session_factory() as session:
        day = await notices.scheduled_on(session, ADMIN.id, now, now + timedelta(hours=12))
        assert [n.id for n in day] == [today.id]  # OTHER's notice is in a group ADMIN lacks
        listed = await notices.list_for(session, ADMIN.id, org_admin_ids=ORG_ADMINS)
        assert [n.id for n in listed] == [today.id, tomorrow.id]
        everything = await notices.list_for(session, ORG, org_admin_ids=ORG_ADMINS)
        assert [n.id for n in everything] == [others.id, today.id, tomorrow.id]
        assert (await notices.list_for(session, OTHER.id, org_admin_ids=ORG_ADMINS))[0] == others
