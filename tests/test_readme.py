"""The README cannot drift from the code: its config reference, YAML examples and commands
are checked against the validator and the CLI (the urlwatch habit of testing the docs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scraper.cli.main import COMMANDS, main
from scraper.config.settings import accepted_keys, load_config

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# What the README's examples read from the environment, as a user would have exported it.
EXAMPLE_ENV = {
    "SMTP_PASSWORD": "an-app-password",
    "DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/123456789/a-token-for-tests",
    "WEBHOOK_SECRET": "a-shared-secret",
}
SKIP_MARK = "<!-- snippet -->"  # right before a ```yaml fence: a partial example, not checked


def section(heading: str) -> str:
    """The text of one `## heading` section, up to the next `## `."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README.md has no '## {heading}' section"
    return match.group(1)


def documented_keys() -> set[str]:
    """First-column keys of the tables in the configuration reference: | `http.timeout` |"""
    return set(re.findall(r"^\| `([^`]+)` \|", section("Configuration reference"), re.M))


def yaml_blocks() -> list[tuple[int, str]]:
    """(line number in README.md, text) of every ```yaml block not marked as a snippet."""
    blocks = []
    for match in re.finditer(r"^```yaml\n(.*?)^```", README, re.M | re.S):
        before = README[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if before.strip() == SKIP_MARK:
            continue
        blocks.append((README.count("\n", 0, match.start()) + 1, match.group(1)))
    return blocks


def code_text() -> str:
    """Everything the README shows as code: fenced and indented blocks, inline spans."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", README, re.M | re.S)
    indented = re.findall(r"^(?: {4}.*\n)+", README, re.M)
    inline = re.findall(r"`([^`\n]+)`", README)
    return "\n".join([*fenced, *indented, *inline])


def test_every_documented_key_is_accepted_and_every_accepted_key_is_documented():
    documented, accepted = documented_keys(), accepted_keys()
    assert documented, "found no | `key` | rows in the configuration reference"
    undocumented = sorted(accepted - documented)
    unknown = sorted(documented - accepted)
    assert not undocumented and not unknown, (
        "README.md's configuration reference and the validator disagree.\n"
        f"  accepted by the validator, missing from the README: {undocumented}\n"
        f"  in the README, rejected by the validator: {unknown}\n"
        "Add a | `key` | default | meaning | row, or remove the stale one."
    )


def test_readme_has_yaml_examples_and_few_skipped_snippets():
    assert len(yaml_blocks()) >= 3
    assert README.count(SKIP_MARK) <= 2, "keep skipped snippets rare: make examples complete"


@pytest.mark.parametrize(
    ("line", "text"), [pytest.param(n, t, id=f"README.md:{n}") for n, t in yaml_blocks()]
)
def test_every_yaml_example_in_the_readme_validates(line, text, tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path, env=EXAMPLE_ENV)  # a ConfigError names the README line below
    assert config.watches and config.sources, f"README.md line {line}: example has no watches"


def test_shipped_config_validates_with_an_empty_environment():
    config = load_config(ROOT / "config.yaml", env={})
    assert [n.type for n in config.notifiers] == ["console"]
    assert config.watches and config.sources


def test_the_two_readme_commands_are_the_ones_ci_and_users_run():
    run = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/releasewatch run"
    tests = (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )
    assert run in README and tests in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install --quiet -e '.[test]'" in ci
    assert ci.rstrip().splitlines()[-1] == ".venv/bin/python -m pytest"


def test_every_command_named_in_the_readme_exists_and_every_command_is_named():
    named = set(re.findall(r"(?:releasewatch|python -m scraper) ([a-z][a-z-]*)", code_text()))
    assert named, "found no `releasewatch COMMAND` in the README"
    assert named <= set(COMMANDS), f"README names unknown commands: {sorted(named - set(COMMANDS))}"
    assert set(COMMANDS) <= named, f"README never shows: {sorted(set(COMMANDS) - named)}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_of_every_command_says_what_it_does_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"] if command else ["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "example" in text.lower(), f"`releasewatch {command or ''} --help` shows no example"
    assert len(text.strip().splitlines()) >= 3
