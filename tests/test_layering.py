"""notifiers/ depends on scraper's models and errors only: a notifier is a plug-in at the
end of the pipeline, and importing one must not load the fetcher, the store or config."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

NOTIFIERS = Path(__file__).resolve().parent.parent / "notifiers"
ALLOWED = {"scraper.models", "scraper.errors"}


def scraper_imports(path: Path) -> set[str]:
    """Every scraper module a file imports, at any depth (a function's lazy import counts)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from scraper import logs` imports scraper.logs; `from scraper.models import X`
            # imports scraper.models.
            if node.module == "scraper":
                names = [f"scraper.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        else:
            continue
        found.update(n for n in names if n == "scraper" or n.startswith("scraper."))
    return found


@pytest.mark.parametrize("path", sorted(NOTIFIERS.glob("*.py")), ids=lambda p: p.name)
def test_notifiers_import_only_scraper_models_and_errors(path: Path) -> None:
    assert scraper_imports(path) <= ALLOWED


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from scraper import logs\ndef f():\n    import scraper.cycle\n")
    assert scraper_imports(sample) == {"scraper.logs", "scraper.cycle"}
