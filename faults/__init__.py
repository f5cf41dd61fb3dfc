"""Fault scripts: a Stack under kill -9, PostgreSQL restarts and emulator failures."""
