"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 00:30:53.621736
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import organizer.database

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "groups",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column(
            "settings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("rules_text", sa.Text(), nullable=True),
        sa.Column("bot_is_member", sa.Boolean(), nullable=False),
        sa.Column(
            "setup_completed_at", organizer.database.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("first_name", sa.String(length=255), nullable=False),
        sa.Column("last_name", sa.String(length=255), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("telegram_language", sa.String(length=16), nullable=True),
        sa.Column("started_bot", sa.Boolean(), nullable=False),
        sa.Column(
            "private_unreachable_since",
            organizer.database.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_table(
        "memberships",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("joined_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("left_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_active_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_memberships_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_memberships_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("group_id", "user_id", name=op.f("uq_memberships_group_id")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index("ix_memberships_group_role", ["group_id", "role"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_user_id"), ["user_id"], unique=False)

    op.create_table(
        "scheduled_actions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("due_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("dedupe_key", sa.String(length=128), nullable=True),
        sa.Column("group_id", sa.BigInteger(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("lease_until", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_scheduled_actions_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_actions")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_scheduled_actions_dedupe_key")),
    )
    with op.batch_alter_table("scheduled_actions", schema=None) as batch_op:
        batch_op.create_index("ix_scheduled_actions_due", ["status", "due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_scheduled_actions_group_id"), ["group_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("scheduled_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scheduled_actions_group_id"))
        batch_op.drop_index("ix_scheduled_actions_due")

    op.drop_table("scheduled_actions")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_user_id"))
        batch_op.drop_index("ix_memberships_group_role")

    op.drop_table("memberships")
    op.drop_table("users")
    op.drop_table("groups")
