"""activities: proposals, occurrences, RSVPs, attendance, surveys and form drafts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 00:59:09.431514
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import organizer.database

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "activities",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("proposer_id", sa.BigInteger(), nullable=False),
        sa.Column("series_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("online_url", sa.String(length=500), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("rsvp_deadline", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("coordinator", sa.String(length=200), nullable=True),
        sa.Column(
            "agenda",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "reminder_minutes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "recurrence",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.BigInteger(), nullable=True),
        sa.Column("reviewed_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("announcement_message_id", sa.BigInteger(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("rsvp_version", sa.Integer(), nullable=False),
        sa.Column("checkin_code", sa.String(length=8), nullable=True),
        sa.Column("organizer_notes", sa.Text(), nullable=True),
        sa.Column("survey_closes_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "summary_posted_at", organizer.database.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_activities_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposer_id"], ["users.id"], name=op.f("fk_activities_proposer_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index("ix_activities_group_start", ["group_id", "starts_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_activities_proposer_id"), ["proposer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activities_series_id"), ["series_id"], unique=False)

    op.create_table(
        "activity_drafts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("group_id", sa.BigInteger(), nullable=True),
        sa.Column("activity_id", sa.BigInteger(), nullable=True),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_activity_drafts_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_activity_drafts_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_drafts")),
        sa.UniqueConstraint("user_id", name=op.f("uq_activity_drafts_user_id")),
    )
    op.create_table(
        "attendances",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("activity_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("checked_in_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("marked_by", sa.BigInteger(), nullable=True),
        sa.Column("survey_sent_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("survey_private", sa.Boolean(), nullable=True),
        sa.Column(
            "survey_reminded_at", organizer.database.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_attendances_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_attendances_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendances_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            "uq_attendances_activity_user", ["activity_id", "user_id"], unique=True
        )

    op.create_table(
        "rsvps",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("activity_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("waitlist_position", sa.Integer(), nullable=True),
        sa.Column("needs_reconfirm", sa.Boolean(), nullable=False),
        sa.Column("answered_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_rsvps_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_rsvps_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rsvps")),
    )
    with op.batch_alter_table("rsvps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rsvps_user_id"), ["user_id"], unique=False)
        batch_op.create_index("uq_rsvps_activity_user", ["activity_id", "user_id"], unique=True)

    op.create_table(
        "survey_responses",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("activity_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=True),
        sa.Column("content", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.Integer(), nullable=True),
        sa.Column("good", sa.Text(), nullable=True),
        sa.Column("improve", sa.Text(), nullable=True),
        sa.Column("completed_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_survey_responses_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_survey_responses_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_responses_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            "uq_survey_responses_activity_user", ["activity_id", "user_id"], unique=True
        )


def downgrade() -> None:

    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_index("uq_survey_responses_activity_user")
        batch_op.drop_index(batch_op.f("ix_survey_responses_user_id"))

    op.drop_table("survey_responses")
    with op.batch_alter_table("rsvps", schema=None) as batch_op:
        batch_op.drop_index("uq_rsvps_activity_user")
        batch_op.drop_index(batch_op.f("ix_rsvps_user_id"))

    op.drop_table("rsvps")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index("uq_attendances_activity_user")
        batch_op.drop_index(batch_op.f("ix_attendances_user_id"))

    op.drop_table("attendances")
    op.drop_table("activity_drafts")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_series_id"))
        batch_op.drop_index(batch_op.f("ix_activities_proposer_id"))
        batch_op.drop_index("ix_activities_group_start")

    op.drop_table("activities")
