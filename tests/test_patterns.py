"""Compiled patterns kept across processes (scraper/patterns.py): what a later process
builds from the cache file is the very pattern `re` compiles, and nothing that goes
wrong with the file changes a pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scraper import patterns

SAMPLES = [
    (r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)", 0),
    (r"\btrailer\b|\bteaser\b", re.IGNORECASE),
    (r"^season\s+(\d+)$", re.IGNORECASE | re.MULTILINE),
    (rb"sav(?:age(?<![a-z0-9]savage))", 0),
    (r"(?x) a \s+ b  # verbose", 0),
    (r"[\u0400-\u04ff]+", re.UNICODE),
]


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "releasewatch"


def compile_all() -> list[re.Pattern]:
    with patterns.kept("test"):
        return [re.compile(text, flags) for text, flags in SAMPLES]


def test_a_kept_pattern_is_the_pattern_re_compiles(cache_home: Path) -> None:
    first = compile_all()  # compiled, and written to the cache file
    assert list(cache_home.glob("patterns-test-*.marshal"))
    second = compile_all()  # built from the file
    for (text, flags), made, kept in zip(SAMPLES, first, second, strict=True):
        expected = re.compile(text, flags)
        assert made == expected and kept == expected  # same text, flags and code
        assert (kept.groups, kept.groupindex) == (expected.groups, expected.groupindex)
    assert second[0].match("3 August").group("month") == "August"
    assert second[3].search(b"the savage empire").group() == b"savage"


def test_a_later_block_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    compile_all()

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(patterns._Cache, "__init__", _spying_init(refuse))
    compile_all()


def _spying_init(refuse: object):
    original = patterns._Cache.__init__

    def init(self: patterns._Cache, entries: dict, readings: dict | None = None) -> None:
        original(self, entries, readings)
        self.original = refuse  # type: ignore[assignment]

    return init


def test_a_reading_is_worked_out_once_and_kept() -> None:
    worked: list[str] = []

    def work() -> tuple[str, ...]:
        worked.append("read")
        return ("premier", "releas")

    assert patterns.kept_reading(("test", 1), work) is None  # outside a block: not asked
    for _ in range(2):
        with patterns.kept("test"):
            assert patterns.kept_reading(("test", 1), work) == ("premier", "releas")
    assert worked == ["read"]  # the second block read it from the file
    with patterns.kept("test"):
        assert patterns.kept_reading(("test", 2), work) == ("premier", "releas")
    assert worked == ["read", "read"]  # another key is another reading


def test_an_answer_marshal_cannot_write_is_answered_not_kept() -> None:
    with patterns.kept("test"):
        assert patterns.kept_reading(("test", 3), lambda: {1}.__iter__) is not None
    with patterns.kept("test"):
        assert patterns.kept_reading(("test", 3), lambda: "again") == "again"


def test_a_gate_made_in_a_block_reads_as_one_read_on_first_use() -> None:
    """The extractor's gates read their patterns when made in a kept block (import), and
    from the file in a later process: the same words and start pattern as read_pattern."""
    from scraper.extract import gate

    pattern = re.compile(r"\b(?:premier\w*|releas\w*|arriv\w*)\b|coming\s+soon", re.I)
    for _ in range(2):
        with patterns.kept("test"):
            made = gate.Gated(pattern)
        assert (made._words, made._starts) == gate.read_pattern(pattern)
    later = gate.Gated(pattern)  # outside a block: read on first use
    assert later._words is None
    assert later.search("It ARRIVES soon").group() == "ARRIVES"


def test_re_compile_is_itself_again_after_the_block() -> None:
    original = re.compile
    with pytest.raises(RuntimeError), patterns.kept("test"):
        assert re.compile is not original
        raise RuntimeError
    assert re.compile is original


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\x00" * 40])
def test_a_damaged_cache_file_changes_nothing(cache_home: Path, content: bytes) -> None:
    compile_all()
    for path in cache_home.glob("patterns-test-*.marshal"):
        path.write_bytes(content)
    assert compile_all() == [re.compile(text, flags) for text, flags in SAMPLES]


def test_another_builds_cache_file_is_not_read(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_all()
    monkeypatch.setattr(patterns, "_BUILD", ("another python", 0, 0))
    cache = patterns._Cache(*patterns._load(next(cache_home.glob("patterns-test-*"))))
    assert cache.entries == {} and cache.readings == {}


def test_an_unwritable_cache_directory_is_no_error(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the directory would be")
    assert compile_all() == [re.compile(text, flags) for text, flags in SAMPLES]


def test_what_it_does_not_keep_compiles_as_usual() -> None:
    already = re.compile("x")
    with patterns.kept("test"):
        assert re.compile(already) is already
        with pytest.raises(re.error):
            re.compile("(unclosed")
        with pytest.raises(TypeError):
            re.compile(42)  # type: ignore[call-overload]
    assert re.compile("(?i)abc").flags & re.IGNORECASE


def test_the_extractors_patterns_are_kept(cache_home: Path) -> None:
    """Importing the readers and the extractor in a new process writes their patterns'
    caches; a second process builds them from those and reads a document the same way."""
    import os
    import subprocess
    import sys

    script = (
        "from scraper.extract import extract\n"
        "from scraper.models import Watch\n"
        "from scraper.parse.documents import parse_documents\n"
        "page = '<html><body><h1>Heartstopper season 2 gets a date</h1><p>Heartstopper "
        "season 2 arrives on Netflix on 3 August 2023.</p></body></html>'\n"
        "doc = parse_documents(page, 'https://example.org/a')[0]\n"
        "print(extract(doc, Watch('Heartstopper', 2)))\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent), "PYTHONPATH": str(root)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert list(cache_home.glob("patterns-extract-*.marshal"))
    assert list(cache_home.glob("patterns-parse-*.marshal"))  # the page and feed readers'
    assert runs[0] == runs[1] and "2023-08-03" in runs[0]


def test_without_a_home_nothing_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(patterns.os.path, "expanduser", lambda path: path)  # no home: "~"
    monkeypatch.chdir(tmp_path)
    assert patterns.cache_dir() is None
    assert compile_all() == [re.compile(text, flags) for text, flags in SAMPLES]
    assert list(tmp_path.iterdir()) == []  # no "~" folder where it runs


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert patterns.cache_dir() == tmp_path / ".cache" / "releasewatch"


def test_a_block_inside_another_keeps_its_patterns_in_its_own_file(cache_home: Path) -> None:
    # The CLI keeps its imports' patterns ("cli") and a command may import the
    # extractor, which keeps its own ("extract") inside that block.
    with patterns.kept("outer"):
        outer = re.compile(r"outer\s+pattern")
        with patterns.kept("inner"):
            inner = re.compile(r"inner\s+pattern")
    assert outer == re.compile(r"outer\s+pattern") and inner == re.compile(r"inner\s+pattern")
    assert re.compile is patterns._COMPILE
    kept = {
        path.name.split("-")[1]: patterns._load(path)[0]  # (its patterns, not its readings)
        for path in cache_home.glob("patterns-*.marshal")
    }
    assert [key for key, _ in kept["outer"]] == [r"outer\s+pattern"]
    assert [key for key, _ in kept["inner"]] == [r"inner\s+pattern"]
