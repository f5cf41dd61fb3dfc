"""calendar feeds: calendar_feed_tokens (revocable subscription links per member and feed)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 06:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed_tokens",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("group_id", sa.BigInteger(), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("active_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_calendar_feed_tokens_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_calendar_feed_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feed_tokens")),
    )
    with op.batch_alter_table("calendar_feed_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_feed_tokens_user_id"), ["user_id"], unique=False
        )
        batch_op.create_index("uq_calendar_feed_tokens_active_key", ["active_key"], unique=True)
        batch_op.create_index("uq_calendar_feed_tokens_token", ["token"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("calendar_feed_tokens", schema=None) as batch_op:
        batch_op.drop_index("uq_calendar_feed_tokens_token")
        batch_op.drop_index("uq_calendar_feed_tokens_active_key")
        batch_op.drop_index(batch_op.f("ix_calendar_feed_tokens_user_id"))

    op.drop_table("calendar_feed_tokens")
