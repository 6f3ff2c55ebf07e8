"""Bad arguments are user errors: one line on stderr, exit 1, never a traceback."""

import subprocess
import sys

import pytest

from scraper.cli.main import main


@pytest.mark.parametrize(
    "argv, words",
    [
        (["check", "--bogus"], "unrecognized arguments: --bogus"),
        (["nosuch"], "invalid choice: 'nosuch'"),
        (["history", "--json", "extra"], "unrecognized arguments: extra"),
        (["validate", "--config", "/no/such/folder/config.yaml"], "no such file"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_1(argv, words, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_no_command_shows_help_and_exits_1(capsys):
    assert main([]) == 1
    assert "COMMAND" in capsys.readouterr().err


def test_a_real_process_prints_no_traceback_for_a_usage_error():
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "status", "--nope"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
