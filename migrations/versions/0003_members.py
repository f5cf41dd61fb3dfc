"""members: join requests, approvers, feedback, lost-account reports; welcome and sweep state

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 01:47:49.091984
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows that exist already get defaults: members already in a group count as having
    # accepted the current rules (only new arrivals are restricted until they accept).

    op.create_table(
        "feedback",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("handled_by", sa.BigInteger(), nullable=True),
        sa.Column("handled_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_feedback_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_feedback_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_user_id"), ["user_id"], unique=False)

    op.create_table(
        "group_approvers",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("member_type", sa.String(length=16), nullable=False, server_default="unknown"),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_group_approvers_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_group_approvers_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_approvers")),
    )
    with op.batch_alter_table("group_approvers", schema=None) as batch_op:
        batch_op.create_index(
            "uq_group_approvers", ["group_id", "member_type", "user_id"], unique=True
        )

    op.create_table(
        "join_requests",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("member_type", sa.String(length=16), nullable=False, server_default="unknown"),
        sa.Column("department", sa.String(length=200), nullable=True),
        sa.Column("voucher_id", sa.BigInteger(), nullable=True),
        sa.Column("voucher_text", sa.String(length=200), nullable=True),
        sa.Column("routed_to", sa.BigInteger(), nullable=True),
        sa.Column("escalated_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.BigInteger(), nullable=True),
        sa.Column("decided_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("invite_link", sa.String(length=200), nullable=True),
        sa.Column("answers_until", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("answered_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("requested_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_join_requests_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_join_requests_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_join_requests")),
    )
    with op.batch_alter_table("join_requests", schema=None) as batch_op:
        batch_op.create_index("ix_join_requests_group_status", ["group_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_join_requests_user_id"), ["user_id"], unique=False)

    op.create_table(
        "lost_account_reports",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("reporter_id", sa.BigInteger(), nullable=False),
        sa.Column("reported_user_id", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("restricted_by", sa.BigInteger(), nullable=True),
        sa.Column("restricted_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["users.id"], name=op.f("fk_lost_account_reports_reporter_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lost_account_reports")),
    )
    with op.batch_alter_table("lost_account_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lost_account_reports_reported_user_id"),
            ["reported_user_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_lost_account_reports_reporter_id"), ["reporter_id"], unique=False
        )

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rules_version", sa.Integer(), nullable=False, server_default="1")
        )

    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("joined_via", sa.String(length=16), nullable=False, server_default="unknown")
        )
        batch_op.add_column(
            sa.Column("member_type", sa.String(length=16), nullable=False, server_default="unknown")
        )
        batch_op.add_column(sa.Column("department", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("rules_version_accepted", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column(
                "rules_accepted_at", organizer.database.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(sa.Column("welcome_message_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("away_until", organizer.database.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "inactivity_reminded_at",
                organizer.database.UTCDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:

    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_column("inactivity_reminded_at")
        batch_op.drop_column("away_until")
        batch_op.drop_column("welcome_message_id")
        batch_op.drop_column("rules_accepted_at")
        batch_op.drop_column("rules_version_accepted")
        batch_op.drop_column("department")
        batch_op.drop_column("member_type")
        batch_op.drop_column("joined_via")

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("rules_version")

    with op.batch_alter_table("lost_account_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lost_account_reports_reporter_id"))
        batch_op.drop_index(batch_op.f("ix_lost_account_reports_reported_user_id"))

    op.drop_table("lost_account_reports")
    with op.batch_alter_table("join_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_join_requests_user_id"))
        batch_op.drop_index("ix_join_requests_group_status")

    op.drop_table("join_requests")
    with op.batch_alter_table("group_approvers", schema=None) as batch_op:
        batch_op.drop_index("uq_group_approvers")

    op.drop_table("group_approvers")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_user_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_group_id"))

    op.drop_table("feedback")
