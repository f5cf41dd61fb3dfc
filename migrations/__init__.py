"""Alembic migration scripts (run on SQLite in batch mode and on PostgreSQL)."""
