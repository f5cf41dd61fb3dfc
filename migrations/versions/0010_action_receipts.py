"""action receipts: who a scheduled action has already reached (exactly one copy across a
crash and a retry)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 06:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "action_receipts",
        sa.Column("id", KEY, autoincrement=True, nullable=False),
        sa.Column("action_id", KEY, nullable=False),
        sa.Column("recipient_id", sa.BigInteger(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("sent_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["scheduled_actions.id"],
            name=op.f("fk_action_receipts_action_id_scheduled_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_receipts")),
    )
    with op.batch_alter_table("action_receipts", schema=None) as batch_op:
        batch_op.create_index(
            "uq_action_receipts_action_recipient",
            ["action_id", "recipient_id", "ordinal"],
            unique=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("action_receipts", schema=None) as batch_op:
        batch_op.drop_index("uq_action_receipts_action_recipient")
    op.drop_table("action_receipts")
