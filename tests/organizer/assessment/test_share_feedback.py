"""Share quality: replies, reactions and the featured mark, hand-counted over April 2026
(Asia/Shanghai) on top of the March world.

    share        author  created  replies (distinct others)   reactions (distinct others)
    L1 "#资料 A"  Anna    4 Apr    Bo (twice), Chen → 2         Bo (taken back), Chen, Admin → 2
                                   Anna herself → not counted   Chen again on 2 May → May
    L3 "#资料 C"  Anna    5 Apr    —                            12 people → capped at 10
    L2 "#资料 B"  Bo      6 Apr    —                            — ; featured by the admin 10 Apr

    Anna: shares 2 × 2 + replies 2 × 0.5 + reactions (2 + 10) × 0.5 = 4 + 1 + 6 = 11
    Bo:   shares 1 × 2 + featured 1 × 5 = 7
"""

from __future__ import annotations

from datetime import date

from organizer.database import unit_of_work
from organizer.models.content import ShareResponseKind
from organizer.services import library, scores, share_feedback
from organizer.services.scores_periods import month
from organizer.services.share_feedback import FeatureStatus
from tests.organizer.assessment.world import build, utc
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP

APRIL = month(date(2026, 4, 15), "Asia/Shanghai")
L1, L2, L3 = 9001, 9002, 9003
REPLY, REACTION = ShareResponseKind.REPLY, ShareResponseKind.REACTION


async def _share(session, message_id: int, author: int, title: str, day: int) -> None:
    await library.catalogue(
        session, group_id=GROUP, message_id=message_id, author_id=author, tag="resources",
        title=title, kind="post", file_name=None, now=utc(4, day),
    )  # fmt: skip


async def _respond(session, message_id: int, user: int, kind, day: int, month_: int = 4) -> bool:
    return await share_feedback.respond(
        session, group_id=GROUP, message_id=message_id, user_id=user, kind=kind,
        now=utc(month_, day),
    )  # fmt: skip


async def _april(session_factory) -> None:
    async with unit_of_work(session_factory) as session:
        await _share(session, L1, ANNA.id, "A", 4)
        await _share(session, L3, ANNA.id, "C", 5)
        await _share(session, L2, BO.id, "B", 6)
        assert await _respond(session, L1, BO.id, REPLY, 7)
        assert await _respond(session, L1, BO.id, REPLY, 8)  # the same person again
        assert await _respond(session, L1, CHEN.id, REPLY, 8)
        assert not await _respond(session, L1, ANNA.id, REPLY, 8)  # her own share
        assert not await _respond(session, 424242, BO.id, REPLY, 8)  # not a share
        for user in (BO.id, CHEN.id, ADMIN.id):
            assert await _respond(session, L1, user, REACTION, 9)
        assert await share_feedback.withdraw_reaction(
            session, group_id=GROUP, message_id=L1, user_id=BO.id
        )
        assert await _respond(session, L1, CHEN.id, REPLY, 2, month_=5)  # counts in May
        for user in range(1001, 1013):
            assert await _respond(session, L3, user, REACTION, 9)
        featured = await share_feedback.feature(
            session, group_id=GROUP, message_id=L2, author_id=BO.id, text="#资料 B",
            file_name=None, has_media=False, by=ADMIN.id, now=utc(4, 10),
        )  # fmt: skip
        assert (featured.status, featured.author_id, featured.title) == (
            FeatureStatus.FEATURED, BO.id, "B",
        )  # fmt: skip


async def test_share_quality_counts_people_once_and_caps_each_share(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    await _april(session_factory)
    async with session_factory() as session:
        result = {s.user_id: s for s in await scores.score_period(session, GROUP, APRIL)}
    anna, bo = result[ANNA.id], result[BO.id]
    assert {k: anna.raw[k] for k in scores.COMPONENTS["share_quality"]} == {
        "shares": 2, "share_replies": 2, "share_reactions": 12, "featured": 0,
    }  # fmt: skip
    assert anna.components["share_quality"] == 11.0
    assert {k: bo.raw[k] for k in scores.COMPONENTS["share_quality"]} == {
        "shares": 1, "share_replies": 0, "share_reactions": 0, "featured": 1,
    }  # fmt: skip
    assert bo.components["share_quality"] == 7.0
    async with session_factory() as session:
        may = {s.user_id: s for s in await scores.score_period(session, GROUP, APRIL.next())}
    assert may[ANNA.id].raw["share_replies"] == 0  # Chen already replied in April: once only


async def test_feature_marks_once_refuses_own_and_can_be_taken_back(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    await _april(session_factory)
    async with unit_of_work(session_factory) as session:
        again = await share_feedback.feature(
            session, group_id=GROUP, message_id=L2, author_id=BO.id, text="#资料 B",
            file_name=None, has_media=False, by=ADMIN.id, now=utc(4, 11),
        )  # fmt: skip
        assert again.status is FeatureStatus.ALREADY
        own = await share_feedback.feature(
            session, group_id=GROUP, message_id=777, author_id=ADMIN.id, text="my notes",
            file_name=None, has_media=False, by=ADMIN.id, now=utc(4, 11),
        )  # fmt: skip
        assert own.status is FeatureStatus.OWN
        # an untagged post becomes a library entry when featured
        plain = await share_feedback.feature(
            session, group_id=GROUP, message_id=778, author_id=CHEN.id,
            text="复盘：客户需求变更的三个信号", file_name=None, has_media=False, by=ADMIN.id,
            now=utc(4, 12),
        )  # fmt: skip
        assert plain.status is FeatureStatus.FEATURED and plain.title.startswith("复盘")
        empty = await share_feedback.feature(
            session, group_id=GROUP, message_id=779, author_id=CHEN.id, text="",
            file_name=None, has_media=True, by=ADMIN.id, now=utc(4, 12),
        )  # fmt: skip
        assert empty.status is FeatureStatus.NOTHING
        taken = await share_feedback.unfeature(session, group_id=GROUP, message_id=L2)
        assert taken.status is FeatureStatus.UNFEATURED
        none = await share_feedback.unfeature(session, group_id=GROUP, message_id=L2)
        assert none.status is FeatureStatus.NOT_FEATURED
    async with session_factory() as session:
        result = {s.user_id: s for s in await scores.score_period(session, GROUP, APRIL)}
    assert result[BO.id].raw["featured"] == 0 and result[CHEN.id].raw["featured"] == 1
    assert result[CHEN.id].raw["shares"] == 1
