"""config.yaml: every problem named with file:line and key, all at once, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import ClassVar

import pytest

import notifiers
from notifiers import NOTIFIER_TYPES, Notifier, Setting
from scraper.cli import main as cli
from scraper.config.settings import (
    DEFAULT_USER_AGENT,
    ConfigError,
    HttpSettings,
    Schedule,
    accepted_keys,
    load_config,
)
from scraper.config.units import parse_duration, parse_size
from scraper.sources.tvmaze import TVMAZE_URL

REPO = Path(__file__).resolve().parent.parent

MINIMAL = """\
watches:
  - title: Heartstopper
    season: 2
sources:
  - name: Tudum
    url: https://www.netflix.com/tudum/heartstopper
"""


class FakeNotifier(Notifier):
    """A notifier kind of the tests' own, so these tests do not wait on notifiers/*.py."""

    type_name: ClassVar[str] = "fake"
    settings: ClassVar[dict[str, Setting]] = {
        "host": Setting(str, required=True),
        "port": Setting(int, default=25),
        "mode": Setting(str, default="a", choices=("a", "b")),
        "token": Setting(str, secret=True),
        "pin": Setting(int, secret=True),
        "to": Setting((list, str)),
        "loud": Setting(bool, default=False),
    }

    @classmethod
    def config_problems(cls, options):
        return ["port: 13 is unlucky"] if options.get("port") == 13 else []

    @classmethod
    def config_warnings(cls, options):
        return ["mode: b is slow"] if options.get("mode") == "b" else []


@pytest.fixture(autouse=True)
def fake_notifier():
    notifiers.register(FakeNotifier)
    yield
    NOTIFIER_TYPES.pop("fake", None)


def write(tmp_path: Path, text: str, name: str = "config.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path, env=env or {})
    return info.value.errors


def only_error(path: Path, env: dict[str, str] | None = None) -> str:
    errors = errors_of(path, env)
    assert len(errors) == 1, errors
    return errors[0]


def validate(path: Path, capsys) -> tuple[int, str, str]:
    code = cli.main(["validate", "--config", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def with_notifier(block: str) -> str:
    return MINIMAL + "notifiers:\n" + textwrap.indent(textwrap.dedent(block), "  ")


# -- the shipped file ----------------------------------------------------------------------


def test_shipped_config_validates_with_no_environment():
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "validate", "--config", "config.yaml"],
        cwd=REPO,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "config.yaml: OK" in result.stdout
    assert "1 notifier (console)" in result.stdout
    assert "Traceback" not in result.stderr


def test_shipped_config_watches_heartstopper_s2_with_console_on_and_the_rest_ready():
    config = load_config(REPO / "config.yaml", env={})
    assert [(w.title, w.season) for w in config.watches] == [("Heartstopper", 2)]
    urls = [s.url for s in config.sources]
    assert "https://www.netflix.com/tudum/heartstopper" in urls
    assert "https://www.youtube.com/feeds/videos.xml?channel_id=UCWOA1ZGywLbqmigxE4Qlvuw" in urls
    assert sum(s.type == "feed" for s in config.sources) >= 4
    assert [n.type for n in config.notifiers] == ["console"]
    text = (REPO / "config.yaml").read_text()
    for kind in ("email", "discord", "webhook"):
        assert f"type: {kind}" in text
    assert config.warnings == ()


# -- one error of each kind, with its line and key -------------------------------------------


def test_bad_duration_names_line_key_and_the_fix(tmp_path, capsys):
    path = write(tmp_path, MINIMAL + "    interval: 5 minutes\n")
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"error: {path}:7: sources[0].interval: '5 minutes' is not a duration; write 5m" in err


def test_bad_duration_via_subprocess_exits_1_without_traceback(tmp_path):
    path = write(tmp_path, "schedule:\n  interval: soon\n" + MINIMAL)
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "validate", "--config", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"error: {path}:2: schedule.interval: 'soon' is not a duration" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_key_suggests_the_close_one(tmp_path, capsys):
    path = write(tmp_path, "schedule:\n  intervall: 5m\n" + MINIMAL)
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:2: schedule.intervall: unknown key; did you mean 'interval'?" in err


def test_unknown_top_level_key(tmp_path):
    path = write(tmp_path, MINIMAL + "notifier: []\n")
    assert only_error(path).startswith(f"{path}:7: notifier: unknown key; did you mean")


def test_wrong_type(tmp_path, capsys):
    path = write(tmp_path, "http:\n  concurrency: many\n" + MINIMAL)
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:2: http.concurrency: 'many' is not a whole number" in err


@pytest.mark.parametrize("section", ["schedule", "http", "health"])
@pytest.mark.parametrize("value", ["5", "[1]", "'30m'"])
def test_a_section_written_as_a_single_value_is_a_config_error(tmp_path, capsys, section, value):
    path = write(tmp_path, f"{section}: {value}\n" + MINIMAL)
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:1: {section}: must be a mapping (key: value lines)" in err
    assert "internal error" not in err


@pytest.mark.parametrize("host", ["a" * 64 + ".example.org", "news..example.org"])
def test_a_source_host_no_name_server_takes_is_a_config_error(tmp_path, host):
    # It validated OK; every fetch then failed "redirect to an invalid URL" (no redirect).
    path = write(tmp_path, MINIMAL.replace("www.netflix.com", host))
    assert only_error(path).startswith(f"{path}:6: sources[0].url: ")
    fine = MINIMAL.replace("www.netflix.com", "a" * 63 + ".example.org.")
    assert load_config(write(tmp_path, fine), env={}).sources[0].url.startswith("https://aaa")


def test_a_user_agent_a_header_cannot_carry_is_a_config_error(tmp_path):
    # "€" or "日本" cannot be sent in a header (Latin-1 at most): it validated OK, and then
    # every fetch of every source failed, reported as "redirect to an invalid URL".
    path = write(tmp_path, 'http:\n  user_agent: "releasewatch (€ 日本)"\n' + MINIMAL)
    error = only_error(path)
    assert error.startswith(f"{path}:2: http.user_agent: ") and "ASCII" in error
    path = write(tmp_path, 'http:\n  user_agent: "releasewatch (Jörg)"\n' + MINIMAL)
    assert load_config(path, env={}).http.user_agent == "releasewatch (Jörg)"


def test_a_user_agent_with_a_line_break_is_a_config_error(tmp_path):
    # It validated OK, then every fetch failed with "request failed (InvalidHeader)".
    path = write(tmp_path, 'http:\n  user_agent: "rw\\r\\nX-Evil: 1"\n' + MINIMAL)
    assert only_error(path).startswith(f"{path}:2: http.user_agent: ")


def test_an_empty_notify_list_is_a_config_error(tmp_path):
    # `notify: []` validated OK and each of the watch's alerts went to no notifier at
    # all, silently (`alerts: []` is refused the same way).
    text = MINIMAL.replace("    season: 2\n", "    season: 2\n    notify: []\n", 1)
    path = write(tmp_path, text + "notifiers:\n  - type: console\n")
    assert only_error(path).startswith(f"{path}:4: watches[0].notify: ")


def test_booleans_are_strict(tmp_path):
    path = write(tmp_path, "http:\n  respect_robots: yes\n" + MINIMAL)
    assert only_error(path) == f"{path}:2: http.respect_robots: 'yes' is not true or false"


def test_unknown_notifier_type_lists_the_known(tmp_path, capsys):
    path = write(tmp_path, with_notifier("- type: slack\n"))
    code, _out, err = validate(path, capsys)
    assert code == 1
    line = f"{path}:8: notifiers[0].type: unknown notifier type 'slack'; known: "
    assert line in err
    assert "fake" in err.split(line, 1)[1].splitlines()[0]


def test_missing_env_var_names_variable_line_and_key(tmp_path, capsys):
    path = write(tmp_path, with_notifier("- type: fake\n  host: ${SMTP_HOST}\n"))
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:9: notifiers[0].host: environment variable SMTP_HOST is not set" in err


def test_duplicate_source_name(tmp_path, capsys):
    path = write(tmp_path, MINIMAL + "  - name: Tudum\n    url: https://example.org/\n")
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:7: sources[1].name: duplicate source name 'Tudum' (first at line 5)" in err


def test_duplicate_watch(tmp_path):
    path = write(
        tmp_path, MINIMAL.replace("sources:", "  - title: heartstopper\n    season: 2\nsources:")
    )
    assert only_error(path).startswith(f"{path}:4: watches[1]: duplicate watch")


def test_every_error_is_listed_not_just_the_first(tmp_path, capsys):
    path = write(
        tmp_path,
        """\
        schedule:
          interval: 5 minutes
          jitter: -1s
        watches:
          - season: two
        sources:
          - name: A
            url: ftp://example.org/
            type: rss
        """,
    )
    code, _out, err = validate(path, capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert [line.split(": ", 3)[1:3] for line in lines] == [
        [f"{path}:2", "schedule.interval"],
        [f"{path}:3", "schedule.jitter"],
        [f"{path}:5", "watches[0].season"],
        [f"{path}:5", "watches[0].title"],
        [f"{path}:8", "sources[0].url"],
        [f"{path}:9", "sources[0].type"],
    ]


def test_a_key_given_twice_or_left_empty_is_an_error(tmp_path):
    path = write(tmp_path, "state:\nhttp:\n  timeout: 5s\n  timeout: 10s\n" + MINIMAL)
    assert errors_of(path) == [
        f"{path}:1: state: has no value; give a string",
        f"{path}:4: http.timeout: duplicate key (the one above would be ignored)",
    ]


def test_file_problems_are_one_line_errors(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert validate(missing, capsys)[2] == f"error: {missing}: no such file\n"

    empty = write(tmp_path, "", "empty.yaml")
    code, _out, err = validate(empty, capsys)
    assert code == 1
    assert "no watches" in err

    broken = write(tmp_path, MINIMAL + "  - name: [unclosed\n", "broken.yaml")
    code, _out, err = validate(broken, capsys)
    assert code == 1
    assert err.startswith(f"error: {broken}:8: not valid YAML")
    assert len(err.splitlines()) == 1


def test_no_watches_or_sources_is_an_error(tmp_path):
    path = write(tmp_path, "watches: []\nnotifiers: []\n")
    assert errors_of(path) == [
        f"{path}:1: watches: is empty; add at least one",
        f"{path}:1: sources: missing; add a sources: list",
    ]
    blank = write(tmp_path, MINIMAL.split("sources:")[0] + "sources:\n", "blank.yaml")
    assert only_error(blank) == f"{blank}:4: sources: is empty; add at least one"


def test_source_rules(tmp_path):
    path = write(
        tmp_path,
        MINIMAL
        + """\
  - name: feed with select
    url: https://example.org/feed
    type: feed
    select: article
  - name: page with show
    url: https://example.org/
    show: Heartstopper
  - name: no url
    type: page
""",
    )
    assert errors_of(path) == [
        f"{path}:10: sources[1].select: applies to pages only, not type: feed",
        f"{path}:13: sources[2].show: applies to type: tvmaze sources only",
        f"{path}:14: sources[3].url: missing (required)",
    ]


def test_a_bad_css_selector_is_a_config_error_with_its_line(tmp_path):
    path = write(
        tmp_path,
        MINIMAL
        + """\
    select: "article p:not(.ad), ARTICLE > h2 + p"
  - name: broken selector
    url: https://example.org/
    select: "div["
  - name: pseudo-element
    url: https://example.org/b
    select: "p::text"
""",
    )
    errors = errors_of(path)
    assert [e.split(": ", 2)[:2] for e in errors] == [
        [f"{path}:10", "sources[1].select"],
        [f"{path}:13", "sources[2].select"],
    ]
    assert "'div[' is not a CSS selector" in errors[0]
    assert "'p::text' is not a CSS selector" in errors[1]
    # The value is named once, not "'div[' 'div[' is not a CSS selector".
    assert errors[0].count("'div['") == 1 and errors[1].count("'p::text'") == 1


# -- notifier settings, declared by the notifier kind ---------------------------------------


def test_notifier_settings_are_checked_against_the_kind(tmp_path):
    path = write(
        tmp_path,
        with_notifier(
            """\
            - type: fake
              port: "twenty-five"
              mode: c
              colour: red
            """
        ),
    )
    assert errors_of(path) == [
        f"{path}:8: notifiers[0].host: missing (required)",
        f"{path}:9: notifiers[0].port: 'twenty-five' is not a whole number",
        f"{path}:10: notifiers[0].mode: 'c' is not one of a, b",
        f"{path}:11: notifiers[0].colour: unknown key",
    ]


def test_notifier_kind_problems_point_at_the_key(tmp_path):
    path = write(tmp_path, with_notifier("- type: fake\n  host: h\n  port: 13\n"))
    assert only_error(path) == f"{path}:10: notifiers[0].port: 13 is unlucky"


def test_secret_values_never_appear_in_errors(tmp_path):
    path = write(
        tmp_path,
        with_notifier("- type: fake\n  host: h\n  pin: ${PIN}\n  token: [hunter2-token]\n"),
    )
    errors = errors_of(path, env={"PIN": "hunter2-pin"})
    assert errors == [
        f"{path}:10: notifiers[0].pin: is not a whole number",
        f"{path}:11: notifiers[0].token: must be a single value, not a list",
    ]
    assert "hunter2" not in "\n".join(errors)


def test_duplicate_notifier_names(tmp_path):
    path = write(tmp_path, with_notifier("- type: fake\n  host: a\n- type: fake\n  host: b\n"))
    assert only_error(path).startswith(f"{path}:10: notifiers[1].name: duplicate notifier name")


def test_disabled_notifier_is_checked_but_left_out_and_needs_no_env(tmp_path):
    path = write(
        tmp_path,
        with_notifier(
            "- type: fake\n  enabled: false\n  host: ${HOST}\n- type: console\n  name: out\n"
        ),
    )
    config = load_config(path, env={})
    assert [n.name for n in config.notifiers] == ["out"]

    typo = write(tmp_path, with_notifier("- type: fake\n  enabled: false\n  hots: x\n"), "t.yaml")
    errors = errors_of(typo)
    assert f"{typo}:10: notifiers[0].hots: unknown key; did you mean 'host'?" in errors


def test_notifier_options_hold_defaults_and_a_fingerprint_of_them(tmp_path):
    def notifier(block: str):
        (n,) = load_config(write(tmp_path, with_notifier(block)), env={}).notifiers
        return n

    first = notifier("- type: fake\n  host: mail.example.org\n  to: me@example.org\n")
    assert first.name == "fake"
    assert dict(first.options) == {
        "host": "mail.example.org",
        "port": 25,
        "mode": "a",
        "token": None,
        "pin": None,
        "to": "me@example.org",
        "loud": False,
    }
    assert len(first.fingerprint) == 64
    same = notifier("- type: fake\n  to: me@example.org\n  host: mail.example.org\n")
    changed = notifier("- type: fake\n  host: mail.example.org\n  port: 587\n")
    assert same.fingerprint == first.fingerprint
    assert changed.fingerprint != first.fingerprint
    listed = notifier("- type: fake\n  host: h\n  to: [a@example.org, b@example.org]\n")
    assert listed.options["to"] == ("a@example.org", "b@example.org")


def test_notifier_warnings_do_not_fail(tmp_path, capsys):
    path = write(tmp_path, with_notifier("- type: fake\n  host: h\n  mode: b\n"))
    code, out, err = validate(path, capsys)
    assert code == 0
    assert f"warning: {path}:10: notifiers[0].mode: b is slow" in err
    assert "1 notifier (fake)" in out


@pytest.mark.skipif("discord" not in NOTIFIER_TYPES, reason="notifiers/discord.py not there yet")
def test_discord_url_on_another_host_is_a_warning(tmp_path):
    path = write(tmp_path, with_notifier("- type: discord\n  url: https://proxy.example/hook\n"))
    config = load_config(path, env={})
    assert [n.type for n in config.notifiers] == ["discord"]
    assert any(":9: notifiers[0].url:" in w and "proxy.example" in w for w in config.warnings)


def test_zero_notifiers_is_a_warning(tmp_path):
    config = load_config(write(tmp_path, MINIMAL), env={})
    assert config.notifiers == ()
    assert any("alerts will wait in the outbox" in w for w in config.warnings)


# -- ${VAR} --------------------------------------------------------------------------------


def test_env_vars_are_expanded_in_any_string(tmp_path):
    path = write(
        tmp_path,
        """\
        state: ${DATA}/rw.db
        watches:
          - title: ${SHOW}
        sources:
          - name: $${NOT_A_VAR}
            url: https://${HOST}/feed
        notifiers:
          - type: fake
            host: ${SMTP_HOST}
            port: ${SMTP_PORT}
        """,
    )
    env = {
        "DATA": "/var/lib",
        "SHOW": "Heartstopper",
        "HOST": "example.org",
        "SMTP_HOST": "mail",
        "SMTP_PORT": "587",
    }
    config = load_config(path, env=env)
    assert config.state_path == Path("/var/lib/rw.db")
    assert config.watches[0].title == "Heartstopper"
    assert config.sources[0].name == "${NOT_A_VAR}"
    assert config.sources[0].url == "https://example.org/feed"
    assert config.notifiers[0].options["port"] == 587  # a number, as if written in the file


def test_os_environ_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("RW_TEST_TITLE", "Squid Game")
    path = write(tmp_path, MINIMAL.replace("Heartstopper", "${RW_TEST_TITLE}"))
    assert load_config(path).watches[0].title == "Squid Game"


# -- defaults and values -------------------------------------------------------------------


def test_defaults(tmp_path):
    config = load_config(write(tmp_path, MINIMAL), env={})
    assert config.schedule == Schedule()
    assert config.http == HttpSettings()
    assert config.http.user_agent == DEFAULT_USER_AGENT
    assert config.health.alert_after == 5
    assert config.state_path == tmp_path / "releasewatch.db"  # beside the config, not the cwd
    watch = config.watches[0]
    assert watch.alerts == ("release_date", "trailer")
    assert watch.aliases == ()
    source = config.sources[0]
    assert (source.type, source.select, source.interval) == ("auto", None, None)
    assert config.source_interval(source) == 30 * 60


def test_values_are_converted(tmp_path):
    (tmp_path / "data").mkdir()
    path = write(
        tmp_path,
        """\
        state: data/rw.db
        schedule: {interval: 1.5h, jitter: 0}
        http: {timeout: 10s, max_bytes: 512KB, per_host_delay: 2s, respect_robots: false}
        watches:
          - title: Dune Part Two
            aliases: Dune 2
            alerts: [trailer]
        sources:
          - name: TVmaze
            type: tvmaze
            show: 44778
        """,
    )
    config = load_config(path, env={})
    assert config.state_path == tmp_path / "data" / "rw.db"
    assert (config.schedule.interval, config.schedule.jitter) == (5400.0, 0.0)
    assert (config.http.timeout, config.http.max_bytes) == (10.0, 512 * 1024)
    assert config.http.respect_robots is False
    film = config.watches[0]
    assert (film.season, film.aliases, film.alerts) == (None, ("Dune 2",), ("trailer",))
    tvmaze = config.sources[0]
    assert (tvmaze.url, tvmaze.show) == (TVMAZE_URL, "44778")


def test_numbers_are_text_where_text_is_expected(tmp_path):
    path = write(
        tmp_path,
        MINIMAL.replace("Heartstopper", "1899").replace("season: 2", "aliases: [2024]")
        + "notifiers:\n  - type: fake\n    host: h\n    token: 0042\n    loud: ${LOUD}\n",
    )
    config = load_config(path, env={"LOUD": "true"})
    assert (config.watches[0].title, config.watches[0].aliases) == ("1899", ("2024",))
    assert config.notifiers[0].options["token"] == "0042"  # as written, not octal 34
    assert config.notifiers[0].options["loud"] is True


@pytest.mark.parametrize("given", ["012345", "12345678", "0x1F", "12_345", "1:20", ".inf", "true"])
def test_a_variable_that_reads_as_a_number_is_text_where_text_is_expected(tmp_path, given):
    # `password: ${SMTP_PASSWORD}` as the README writes it: an all-digit app password, a
    # hex HMAC key or "true" from the environment is the text it holds. It was typed as
    # YAML and refused ("password: is not a string"), or would have been 5349 for 012345.
    path = write(
        tmp_path,
        MINIMAL.replace("Heartstopper", "${TITLE}")
        + "notifiers:\n  - type: fake\n    host: ${HOST}\n    token: ${TOKEN}\n"
        "    to: ${TO}\n    port: ${PORT}\n",
    )
    env = {"TITLE": given, "HOST": given, "TOKEN": given, "TO": given, "PORT": "2525"}
    config = load_config(path, env=env)
    options = config.notifiers[0].options
    assert (options["host"], options["token"], options["to"]) == (given, given, given)
    assert config.watches[0].title == given
    assert options["port"] == 2525  # a number where a number is expected, as before


def test_a_yaml_boolean_is_text_where_text_is_expected(tmp_path):
    # YAML 1.1 reads yes/no/on/off as booleans; a password or a title written so is text.
    path = write(
        tmp_path,
        MINIMAL.replace("Heartstopper", "On")
        + "notifiers:\n  - type: fake\n    host: h\n    token: yes\n",
    )
    config = load_config(path, env={})
    assert config.watches[0].title == "On"
    assert config.notifiers[0].options["token"] == "yes"


def test_a_bare_interval_number_is_seconds_with_a_warning(tmp_path):
    config = load_config(write(tmp_path, MINIMAL + "    interval: 30\n"), env={})
    assert config.sources[0].interval == 30.0
    assert any("sources[0].interval: 30 means 30 seconds; write 30m" in w for w in config.warnings)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("5m", 300), ("1h", 3600), ("2d", 172800), ("1.5h", 5400), ("90", 90), (90, 90)],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "hint"),
    [("5 minutes", "write 5m"), ("2 hours", "write 2h"), ("1 day", "write 1d"), ("soon", "30s")],
)
def test_bad_durations_say_how_to_write_them(text, hint):
    with pytest.raises(ValueError, match=hint):
        parse_duration(text)


@pytest.mark.parametrize("value", [".nan", ".inf", "99999999d", "400d", "1e30"])
def test_a_duration_past_a_year_or_not_finite_is_a_config_error(tmp_path, capsys, value):
    # Each of these once validated OK and then stopped `list` with an overflow.
    path = write(tmp_path, f"schedule:\n  interval: {value}\n" + MINIMAL)
    code, _out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:2: schedule.interval: " in err
    assert "internal error" not in err
    assert parse_duration("365d") == 365 * 86400


@pytest.mark.parametrize(
    ("text", "size"),
    [("5MB", 5 * 1024**2), ("512KB", 512 * 1024), ("1GB", 1024**3), (1000, 1000), ("1000", 1000)],
)
def test_sizes(text, size):
    assert parse_size(text) == size


def test_accepted_keys_are_the_spec_vocabulary():
    keys = accepted_keys()
    assert {k for k in keys if not k.startswith("notifiers")} == {
        "state",
        "calendar",
        "schedule.interval",
        "schedule.jitter",
        "http.user_agent",
        "http.timeout",
        "http.max_bytes",
        "http.concurrency",
        "http.per_host_delay",
        "http.respect_robots",
        "health.alert_after",
        "watches[].title",
        "watches[].season",
        "watches[].aliases",
        "watches[].alerts",
        "watches[].notify",
        "sources[].name",
        "sources[].url",
        "sources[].type",
        "sources[].select",
        "sources[].interval",
        "sources[].show",
    }
    assert {"notifiers[].name", "notifiers[].type", "notifiers[].enabled"} <= keys
    assert {f"notifiers[fake].{name}" for name in FakeNotifier.settings} <= keys


def test_help_explains_with_an_example(capsys):
    with pytest.raises(SystemExit):
        cli.main(["validate", "--help"])
    out = capsys.readouterr().out
    assert "file:line" in out
    assert "releasewatch validate --config" in out


def test_notifier_numbers_are_checked_and_timeouts_take_durations(tmp_path):
    # A port out of range or a timeout of 0 or less passed validate and failed every
    # send; `timeout: 5s`, written as http.timeout is, was refused as "not a number".
    def notifier(block: str):
        (n,) = load_config(write(tmp_path, with_notifier(block)), env={}).notifiers
        return n

    email = "- type: email\n  host: h\n  from: a@example.org\n  to: b@example.org\n"
    assert "port: 70000 is not a port number (1 to 65535)" in only_error(
        write(tmp_path, with_notifier(email + "  port: 70000\n")))
    assert "port: 0 is not a port number" in only_error(
        write(tmp_path, with_notifier(email + "  port: 0\n")))
    assert "timeout: '0' must be more than 0" in only_error(
        write(tmp_path, with_notifier(email + "  timeout: 0\n")))
    hook = "- type: webhook\n  url: http://127.0.0.1:9/h\n"
    assert "timeout: '-1' must be more than 0" in only_error(
        write(tmp_path, with_notifier(hook + "  timeout: -1\n")))
    assert "timeout: '5x' is not a duration" in only_error(
        write(tmp_path, with_notifier(hook + "  timeout: 5x\n")))
    assert notifier(hook + "  timeout: 5s\n").options["timeout"] == 5.0
    assert notifier(hook + "  timeout: 1m\n").options["timeout"] == 60.0
    assert notifier(hook + "  timeout: 7\n").options["timeout"] == 7.0
    assert notifier(hook).options["timeout"] == 20
    discord = "- type: discord\n  url: http://127.0.0.1:9/d\n"
    assert notifier(discord + "  max_wait: 0\n").options["max_wait"] == 0.0
    assert notifier(email + "  port: 2525\n").options["port"] == 2525


def test_a_file_that_is_not_utf8_names_its_line(tmp_path):
    # A Latin-1 "é" pasted into a title: the line is what the user needs to find it.
    path = tmp_path / "config.yaml"
    path.write_bytes(MINIMAL.encode() + b"  - name: Caf\xe9\n    url: https://example.org/\n")
    error = only_error(path)
    assert error == f"{path}:7: not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_a_config_that_never_ends_is_a_config_error(tmp_path):
    # `--config /dev/zero` (or a config linked to it; the daemon's reload reads it too)
    # was read whole: MemoryError under a memory limit, the kernel's OOM killer without.
    import resource

    def a_gigabyte() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    link = tmp_path / "config.yaml"
    link.symlink_to("/dev/zero")
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "validate", "--config", str(link)],
        capture_output=True, text=True, timeout=60, cwd=REPO, preexec_fn=a_gigabyte,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: {link}: ") and "MB" in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_an_interval_under_a_second_is_an_error_and_under_a_minute_a_warning(tmp_path):
    # 0.1s against thousands of sources is a flood; 5s a site may block.
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, MINIMAL + "    interval: 0.1s\n"), env={})
    assert "sources[0].interval: '0.1s' is shorter than 1s, the shortest interval" in str(
        caught.value)
    config = load_config(write(tmp_path, MINIMAL + "    interval: 5s\n"), env={})
    assert config.sources[0].interval == 5.0
    assert any("sources[0].interval: 5s fetches each source every 5 seconds" in w
               for w in config.warnings)
    config = load_config(write(tmp_path, MINIMAL + "    interval: 1m\n"), env={})
    assert not any("].interval:" in w for w in config.warnings)


@pytest.mark.parametrize(
    ("replace", "key"),
    [
        (("title: Heartstopper", 'title: "Heart\\0stopper"'), "watches[0].title"),
        (("season: 2", 'season: 2\n    aliases: ["HS\\x07 S2"]'), "watches[0].aliases[0]"),
        (("name: Tudum", 'name: "Tu\\x00dum"'), "sources[0].name"),
        (("tudum/heartstopper", 'tudum/heart\\0stopper"'), "sources[0].url"),
    ],
)
def test_a_control_character_in_a_title_name_or_url_is_a_config_error(tmp_path, replace, key):
    # A NUL (YAML's "\0") matches no news, and PostgreSQL refuses it in text: every
    # cycle failed with an internal error instead of a line to fix.
    text = MINIMAL.replace(*replace)
    if key == "sources[0].url":
        text = text.replace("url: https", 'url: "https')
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), env={})
    assert f"{key}: " in str(caught.value)
