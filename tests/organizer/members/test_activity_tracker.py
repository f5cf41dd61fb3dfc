"""The tracker: many messages, no database until the flush, then one batched write."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event

from organizer.services.activity_tracker import ActivityTracker, names_close, normalize_name
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP, make_group, membership


class CountingFactory:
    def __init__(self, factory) -> None:
        self.factory, self.uses = factory, 0

    def __call__(self):
        self.uses += 1
        return self.factory()


def _count_updates(engine):
    statements: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE MEMBERSHIPS"):
            statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    return statements


async def test_many_messages_one_flush_one_statement(engine, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    tracker, counting = ActivityTracker(), CountingFactory(session_factory)
    start = clock.now()
    for i in range(50):
        clock.advance(seconds=1)
        tracker.seen(GROUP, ANNA.id if i % 2 else BO.id, "Anna" if i % 2 else "Bo", clock.now())
    assert counting.uses == 0 and tracker.pending == 2
    statements = _count_updates(engine)
    result = await tracker.flush(counting)
    assert counting.uses == 1 and result.written == 2
    assert len(statements) == 1  # one executemany for both members
    anna, bo = await membership(session_factory, ANNA.id), await membership(session_factory, BO.id)
    assert anna.last_active_at == start + timedelta(seconds=50)
    assert bo.last_active_at == start + timedelta(seconds=49)
    assert (await tracker.flush(counting)).written == 0 and counting.uses == 1  # nothing pending


async def test_speaking_clears_the_reminder(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    async with session_factory() as session:
        row = await session.get(type(await membership(session_factory, ANNA.id)),
                                 (await membership(session_factory, ANNA.id)).id)  # fmt: skip
        row.inactivity_reminded_at = clock.now()
        await session.commit()
    tracker = ActivityTracker()
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now())
    await tracker.flush(session_factory)
    assert (await membership(session_factory, ANNA.id)).inactivity_reminded_at is None


def test_names_are_compared_after_normalising() -> None:
    assert normalize_name(" Ｚｈａｎｇ  Wei ") == "zhangwei"
    assert names_close("张 经理", "张经理") and names_close("ZHANG WEI", "zhang wel")
    assert not names_close("Anna", "张经理")


async def test_imitation_is_flagged_once_per_name(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    tracker = ActivityTracker()
    tracker.seen(GROUP, ADMIN.id, "张 经理", clock.now())  # the admin themself: never flagged
    tracker.seen(GROUP, BO.id, "Bo", clock.now())
    assert (await tracker.flush(session_factory)).suspects == ()
    tracker.seen(GROUP, BO.id, "张  经理", clock.now())
    [suspect] = (await tracker.flush(session_factory)).suspects
    assert (suspect.user_id, suspect.admin_id, suspect.name) == (BO.id, ADMIN.id, "张  经理")
    for _ in range(3):  # same name again, even after switching away and back: once only
        tracker.seen(GROUP, BO.id, "Bo", clock.now())
        tracker.seen(GROUP, BO.id, "张  经理", clock.now())
        assert (await tracker.flush(session_factory)).suspects == ()
