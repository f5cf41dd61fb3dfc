"""The domain core never imports aiogram: only handlers/, the Telegram adapter
(organizer/telegram/) and the composition root (organizer/app.py) may."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {ROOT / "organizer" / "app.py", ROOT / "organizer" / "telegram"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _core_files() -> list[Path]:
    files = []
    for folder in ("organizer", "scheduler", "migrations"):
        for path in (ROOT / folder).rglob("*.py"):
            if not any(path == allowed or allowed in path.parents for allowed in ALLOWED):
                files.append(path)
    return files


def test_there_is_a_core_to_check() -> None:
    assert len(_core_files()) >= 10


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_not_import_aiogram(path: Path) -> None:
    assert "aiogram" not in _imports(path)


def test_handlers_do_import_aiogram() -> None:
    """The check above would pass vacuously if it could not see imports at all."""
    assert "aiogram" in _imports(ROOT / "handlers" / "start.py")
