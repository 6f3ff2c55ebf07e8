"""`pip install .` gives the `releasewatch` command, `python -m scraper` works, and the
version is defined once (scraper/__init__.py) and shown as it is."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import scraper

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_releasewatch_version_is_the_one_in_scraper_init():
    script = Path(sys.executable).parent / "releasewatch"
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable}; run `pip install -e .` first")
    result = _run(str(script), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"releasewatch {scraper.__version__}"


def test_version_is_defined_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project
    assert project["scripts"]["releasewatch"] == "scraper.cli.main:main"


def test_python_m_scraper_shows_help_and_version():
    result = _run(sys.executable, "-m", "scraper", "--help", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "usage: releasewatch" in result.stdout and "demo" in result.stdout
    result = _run(sys.executable, "-m", "scraper", "--version", cwd=ROOT)
    assert result.stdout.strip() == f"releasewatch {scraper.__version__}"


def test_every_code_folder_is_a_package_the_build_finds():
    """A folder of modules without __init__.py would be left out of the wheel silently."""
    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    found = set(find_packages(where=str(ROOT), include=include))
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("scraper", "notifiers")
        for path in (ROOT / top).rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert folders <= found, f"not packaged: {sorted(folders - found)}"


def test_a_built_wheel_holds_scraper_and_notifiers(tmp_path):
    # Built offline, from a copy, so no build/ or egg-info lands in the working tree.
    if importlib.util.find_spec("wheel") is None:
        pytest.skip("the `wheel` package is not installed; cannot build a wheel offline")
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in ("scraper", "notifiers"):
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    out = tmp_path / "dist"
    result = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", str(out), str(source),
    )
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel offline here: {result.stderr.strip()[-300:]}")
    (wheel,) = out.glob("releasewatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "scraper/__init__.py" in names and "scraper/cli/main.py" in names
    assert "notifiers/__init__.py" in names and "notifiers/discord.py" in names
    assert "scraper/cli/demo.py" in names
    assert not any(name.startswith("tests/") for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    entry_text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "releasewatch = scraper.cli.main:main" in entry_text
