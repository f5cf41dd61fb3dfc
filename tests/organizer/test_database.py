from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from organizer.models import Group


def _group(created: datetime) -> Group:
    return Group(
        id=-100123, title="T", timezone="Asia/Shanghai", language="zh", settings={"a": 1},
        created_at=created, updated_at=created,
    )  # fmt: skip


async def test_datetimes_come_back_aware_in_utc(session) -> None:
    shanghai = timezone(timedelta(hours=8))
    created = datetime(2026, 5, 1, 20, 30, tzinfo=shanghai)
    session.add(_group(created))
    await session.commit()
    session.expunge_all()
    stored = await session.scalar(select(Group.created_at))
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)
    assert stored == datetime(2026, 5, 1, 12, 30, tzinfo=UTC)


async def test_naive_datetimes_are_refused(session) -> None:
    session.add(_group(datetime(2026, 5, 1, 12, 0)))
    with pytest.raises(StatementError, match="naive datetime"):
        await session.commit()


async def test_json_settings_round_trip(session) -> None:
    group = _group(datetime(2026, 5, 1, tzinfo=UTC))
    group.settings = {"quota": 3, "words": ["广告", "ad"]}
    session.add(group)
    await session.commit()
    session.expunge_all()
    assert await session.scalar(select(Group.settings)) == {"quota": 3, "words": ["广告", "ad"]}
