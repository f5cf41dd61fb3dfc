"""share feedback: library_items.featured_at/featured_by and share_responses (replies and
reactions a share received, one per person and kind)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 06:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("featured_at", organizer.database.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("featured_by", sa.BigInteger(), nullable=True))
    op.create_table(
        "share_responses",
        sa.Column("id", KEY, autoincrement=True, nullable=False),
        sa.Column("item_id", KEY, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["library_items.id"],
            name=op.f("fk_share_responses_item_id_library_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_responses")),
    )
    with op.batch_alter_table("share_responses", schema=None) as batch_op:
        batch_op.create_index("ix_share_responses_created", ["created_at"], unique=False)
        batch_op.create_index(
            "uq_share_responses_item_user_kind", ["item_id", "user_id", "kind"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("share_responses", schema=None) as batch_op:
        batch_op.drop_index("uq_share_responses_item_user_kind")
        batch_op.drop_index("ix_share_responses_created")
    op.drop_table("share_responses")
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.drop_column("featured_by")
        batch_op.drop_column("featured_at")
