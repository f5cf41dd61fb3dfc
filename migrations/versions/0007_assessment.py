"""assessment: member_daily_activity (messages per member, group and local day)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 04:55:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_daily_activity",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("replies", sa.Integer(), nullable=False),
        sa.Column("first_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_member_daily_activity_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_daily_activity")),
    )
    with op.batch_alter_table("member_daily_activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_member_daily_activity_group_day", ["group_id", "day"], unique=False
        )
        batch_op.create_index(
            "uq_member_daily_activity", ["group_id", "user_id", "day"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("member_daily_activity", schema=None) as batch_op:
        batch_op.drop_index("uq_member_daily_activity")
        batch_op.drop_index("ix_member_daily_activity_group_day")

    op.drop_table("member_daily_activity")
