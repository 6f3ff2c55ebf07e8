"""The CLI's edges: a reader that leaves a pipe early, a --state that is neither a file nor
a PostgreSQL URL, scraped escape sequences kept off the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scraper.cli.display import inert
from scraper.cli.main import main


def test_a_pipe_closed_early_is_no_error(tmp_path: Path):
    # `releasewatch extract ... | head -c 1`: the reader goes away; exit 0, nothing on stderr.
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "Heartstopper news. " * 5000 + "</p></body></html>")
    proc = subprocess.run(
        f"{sys.executable} -m scraper extract --title Heartstopper {page} --explain | head -c 1",
        shell=True, capture_output=True, text=True, timeout=120,
    )
    assert "internal error" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_a_state_url_of_another_scheme_is_a_user_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["migrate", "--state", "postgresq://u@h/db"])
    assert code == 1
    assert "not a postgresql:// URL nor a file" in capsys.readouterr().err
    assert not (tmp_path / "postgresq:").exists()


def test_a_state_of_another_scheme_in_config_is_a_config_error(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text("state: mysql://u@h/db\nwatches:\n  - title: Heartstopper\n"
                      "sources:\n  - name: a\n    url: http://127.0.0.1:9/a\n")
    assert main(["validate", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "config.yaml:1" in err and "not a postgresql:// URL nor a file" in err


def test_a_state_url_that_cannot_be_read_is_a_user_error(tmp_path, capsys):
    # An unclosed IPv6 bracket validated OK, and then every command that opens the state
    # (status, check, run, migrate, import) died 'internal error: ValueError: Invalid
    # IPv6 URL', exit 2. The URL's password never shows.
    bad = "postgresql://rw:pg-s3cret@[::1/releasewatch"
    config = tmp_path / "config.yaml"
    config.write_text(f"state: '{bad}'\nwatches:\n  - title: Heartstopper\n"
                      "sources:\n  - name: a\n    url: http://127.0.0.1:9/a\n")
    assert main(["validate", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "config.yaml:1: state: " in err and "not a valid URL" in err, err
    assert "pg-s3cret" not in err
    for argv in (["status", "--config", str(config)],
                 ["migrate", "--state", bad], ["check", "--state", bad, "--config", str(config)]):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert "not a valid URL" in err and "internal error" not in err, (argv, err)
        assert "pg-s3cret" not in err


def test_scraped_escape_sequences_never_reach_the_terminal():
    shown = inert("Heartstopper \x1b]0;PWNED\x07\x1b[2J\x9b31m returns\u202e on 3 August\nnext")
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown and shown.endswith("\nnext")


def test_validate_refuses_urls_that_can_never_work(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text(
        "watches:\n  - title: Heartstopper\n"
        "sources:\n  - name: a\n    url: http://127.0.0.1:99999/a\n"
        "notifiers:\n"
        "  - name: hook\n    type: webhook\n    url: http://127.0.0.1:99999/hook/s3cr3t-t0ken\n"
        "  - name: chat\n    type: discord\n    url: http://[::1/api/webhooks/1/s3cr3t-t0ken\n"
    )
    assert main(["validate", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "config.yaml:5: sources[0].url: 'http://127.0.0.1:99999/a' is not" in err
    assert err.count("is not a valid URL") == 2
    assert "s3cr3t" not in err


def test_a_state_path_in_a_missing_folder_is_a_user_error_not_a_new_folder(tmp_path, capsys):
    # `state:` in the config refuses a missing folder; --state must too, not mkdir -p it.
    config = tmp_path / "config.yaml"
    config.write_text("watches:\n  - title: Heartstopper\n"
                      "sources:\n  - name: a\n    url: http://127.0.0.1:9/a\n")
    missing = tmp_path / "no-such-folder" / "state.db"
    code = main(["check", "--config", str(config), "--state", str(missing)])
    assert code == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert not missing.parent.exists()
    assert main(["status", "--config", str(config), "--state", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_an_internal_error_never_shows_a_notifiers_secret(tmp_path, capsys):
    # A notifier whose library fails as it starts, quoting its URL (token and all): exit 2,
    # and the message is masked as a user error's is.
    from typing import ClassVar

    import notifiers
    from notifiers import Notifier, Setting

    class Exploding(Notifier):
        type_name: ClassVar[str] = "exploding"
        settings: ClassVar[dict[str, Setting]] = {"url": Setting(str, secret=True)}

        def __init__(self, name, options, **kwargs):
            super().__init__(name, options, **kwargs)
            raise RuntimeError(f"cannot use {options['url']}")

        def send(self, alert):  # pragma: no cover - never built
            raise AssertionError

    notifiers.register(Exploding)
    try:
        config = tmp_path / "config.yaml"
        config.write_text(
            "watches:\n  - title: Heartstopper\nsources:\n  - name: a\n"
            "    url: http://127.0.0.1:9/a\nnotifiers:\n  - type: exploding\n"
            "    url: https://hooks.example/T0K3N-s3cr3t-v4lue\n"
        )
        code = main(["test-notify", "--config", str(config)])
    finally:
        notifiers.NOTIFIER_TYPES.pop("exploding", None)
    err = capsys.readouterr().err
    assert code == 2 and "internal error: RuntimeError" in err
    assert "T0K3N-s3cr3t-v4lue" not in err


def test_ctrl_c_ends_a_check_at_once(tmp_path):
    # Ctrl-C during `check` returned 130 from main, and then the interpreter waited for
    # the fetch threads (a stalled source: up to 3 x http.timeout, a minute by default)
    # before the shell got its prompt back.
    import signal
    import time

    from scraper.demo.localsite import LocalSite, Page

    with LocalSite() as site:
        site.pages["/slow"] = Page(b"<p>late</p>", delay=30)
        config = tmp_path / "config.yaml"
        config.write_text(
            f"state: {tmp_path / 'state.db'}\nhttp:\n  timeout: 20s\n  per_host_delay: 0s\n"
            "watches:\n  - title: Heartstopper\nsources:\n"
            f"  - name: slow\n    url: {site.url('/slow')}\nnotifiers:\n  - type: console\n"
        )
        check = subprocess.Popen(
            [sys.executable, "-m", "scraper", "check", "--config", str(config)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parent.parent,
            # as from a terminal: a suite started in the background (`pytest &`) hands its
            # children SIGINT ignored, and Python then never raises KeyboardInterrupt
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(2)  # started, and waiting on the stalled page (answered after 30 s)
        check.send_signal(signal.SIGINT)
        started = time.monotonic()
        try:
            _out, err = check.communicate(timeout=60)
        finally:
            check.kill()
        assert check.returncode == 130, err
        assert time.monotonic() - started < 5
        assert "Traceback" not in err


def test_import_from_what_is_no_state_file_is_said_without_its_password(tmp_path, capsys):
    # `--from` a PostgreSQL URL was read as a path: "postgresql:/rw:pw-s3cret@h/db: no
    # such state file", the password on the terminal; a folder was "disk I/O error".
    target = f"postgresql://rw@/nowhere?host={tmp_path}"
    code = main(["import", "--from", "postgresql://rw:pw-s3cret@db.example/rw",
                 "--state", target])
    err = capsys.readouterr().err
    assert code == 1 and "pw-s3cret" not in err and "SQLite state file" in err, err
    assert main(["import", "--from", str(tmp_path), "--state", target]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "I/O" not in err, err


def test_corrections_need_no_notifier_secret(tmp_path, capsys, monkeypatch):
    # forget, reject and redeliver send nothing (a correction is queued for the daemon):
    # they refused to run unless the Discord URL or SMTP password was set in this shell.
    monkeypatch.delenv("RW_TEST_UNSET_HOOK", raising=False)
    config = tmp_path / "config.yaml"
    config.write_text(
        f"state: {tmp_path / 'state.db'}\nwatches:\n  - title: Heartstopper\n"
        "sources:\n  - name: a\n    url: http://127.0.0.1:9/a\n"
        "notifiers:\n  - name: chat\n    type: discord\n    url: ${RW_TEST_UNSET_HOOK}\n"
    )
    assert main(["migrate", "--state", str(tmp_path / "state.db")]) == 0
    capsys.readouterr()
    for argv, said in ((["forget", "Heartstopper"], "forgot 0 facts"),
                       (["reject", "7"], "no fact #7"), (["redeliver", "a1"], "no alert 'a1'")):
        main([*argv, "--config", str(config)])
        out, err = capsys.readouterr()
        assert said in out + err and "RW_TEST_UNSET_HOOK" not in err, (argv, out, err)
