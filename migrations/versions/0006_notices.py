"""notices: notices, their deliveries per chat and acknowledgements

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 04:19:10.476789
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import organizer.database

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("media_kind", sa.String(length=16), nullable=True),
        sa.Column("media_file_id", sa.String(length=255), nullable=True),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column(
            "target_value",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("send_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("first_send_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("pin", sa.Boolean(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("ack_required", sa.Boolean(), nullable=False),
        sa.Column("ack_remind_hours", sa.Integer(), nullable=False),
        sa.Column("repeat", sa.String(length=16), nullable=True),
        sa.Column("repeat_until", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("report_sent_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index("ix_notices_author_status", ["author_id", "status"], unique=False)
        batch_op.create_index("ix_notices_status_send_at", ["status", "send_at"], unique=False)

    op.create_table(
        "notice_acks",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("notice_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("acked_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_notice_acks_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_acks")),
    )
    with op.batch_alter_table("notice_acks", schema=None) as batch_op:
        batch_op.create_index("ix_notice_acks_group_acked", ["group_id", "acked_at"], unique=False)
        batch_op.create_index("uq_notice_acks", ["notice_id", "user_id"], unique=True)

    op.create_table(
        "notice_deliveries",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("notice_id", sa.BigInteger(), nullable=False),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "message_ids",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("delivered_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_notice_deliveries_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_notice_deliveries_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_deliveries")),
    )
    with op.batch_alter_table("notice_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_notice_deliveries_group", ["group_id"], unique=False)
        batch_op.create_index(
            "uq_notice_deliveries", ["notice_id", "occurrence", "group_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("notice_deliveries", schema=None) as batch_op:
        batch_op.drop_index("uq_notice_deliveries")
        batch_op.drop_index("ix_notice_deliveries_group")

    op.drop_table("notice_deliveries")
    with op.batch_alter_table("notice_acks", schema=None) as batch_op:
        batch_op.drop_index("uq_notice_acks")
        batch_op.drop_index("ix_notice_acks_group_acked")

    op.drop_table("notice_acks")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index("ix_notices_status_send_at")
        batch_op.drop_index("ix_notices_author_status")

    op.drop_table("notices")
