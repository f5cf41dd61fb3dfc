"""content: material library, tracked questions and their answers, news-quota slots, experts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 03:43:20.597238
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import organizer.database

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "group_experts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_group_experts_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_group_experts_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_experts")),
    )
    with op.batch_alter_table("group_experts", schema=None) as batch_op:
        batch_op.create_index("uq_group_experts", ["group_id", "user_id"], unique=True)

    op.create_table(
        "library_items",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_library_items_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_items")),
    )
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_library_items_group_created", ["group_id", "created_at"], unique=False
        )
        batch_op.create_index("uq_library_items_message", ["group_id", "message_id"], unique=True)

    op.create_table(
        "news_posts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("deferred", sa.Boolean(), nullable=False),
        sa.Column("posted_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_news_posts_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_posts")),
    )
    with op.batch_alter_table("news_posts", schema=None) as batch_op:
        batch_op.create_index("ix_news_posts_group_day", ["group_id", "day"], unique=False)
        batch_op.create_index("uq_news_posts_message", ["group_id", "message_id"], unique=True)

    op.create_table(
        "questions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("group_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("asker_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("asked_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("answered_by", sa.BigInteger(), nullable=True),
        sa.Column("answer_message_id", sa.BigInteger(), nullable=True),
        sa.Column("best_answer_message_id", sa.BigInteger(), nullable=True),
        sa.Column("best_answer_by", sa.BigInteger(), nullable=True),
        sa.Column("raised_at", organizer.database.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_questions_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index("ix_questions_group_status", ["group_id", "status"], unique=False)
        batch_op.create_index("uq_questions_message", ["group_id", "message_id"], unique=True)

    op.create_table(
        "question_answers",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("question_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", organizer.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_answers_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_answers")),
    )
    with op.batch_alter_table("question_answers", schema=None) as batch_op:
        batch_op.create_index("ix_question_answers_created", ["created_at"], unique=False)
        batch_op.create_index(
            "uq_question_answers_message", ["question_id", "message_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("question_answers", schema=None) as batch_op:
        batch_op.drop_index("uq_question_answers_message")
        batch_op.drop_index("ix_question_answers_created")

    op.drop_table("question_answers")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index("uq_questions_message")
        batch_op.drop_index("ix_questions_group_status")

    op.drop_table("questions")
    with op.batch_alter_table("news_posts", schema=None) as batch_op:
        batch_op.drop_index("uq_news_posts_message")
        batch_op.drop_index("ix_news_posts_group_day")

    op.drop_table("news_posts")
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.drop_index("uq_library_items_message")
        batch_op.drop_index("ix_library_items_group_created")

    op.drop_table("library_items")
    with op.batch_alter_table("group_experts", schema=None) as batch_op:
        batch_op.drop_index("uq_group_experts")

    op.drop_table("group_experts")
