"""`releasewatch extract`: one JSON object on stdout; bad input is one line and exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from scraper.cli.main import main

ARTICLE = (
    '<html><head><meta property="article:published_time" content="2023-04-20T10:00:00Z">'
    "<title>Heartstopper Season 2 news</title></head><body><article>"
    "<p>Netflix confirmed Heartstopper Season 2 premieres on Thursday 3rd August.</p>"
    "<p>Netflix has released the official Heartstopper Season 2 trailer.</p>"
    "</article></body></html>"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_gives_findings_with_evidence(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", "--title", "Heartstopper", "--season", "2", str(path)], capsys)
    assert code == 0
    findings = json.loads(out)["findings"]
    assert findings[0] == {
        "kind": "release_date",
        "date": "2023-08-03",
        "precision": "day",
        "evidence": "Netflix confirmed Heartstopper Season 2 premieres on Thursday 3rd August.",
    }
    # a trailer reported without a link is the document's own URL: the file's by default
    assert findings[1]["kind"] == "trailer" and findings[1]["url"] == path.resolve().as_uri()


def test_url_option_sets_the_document_url(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    argv = ["extract", "--title", "Heartstopper", "--season", "2"]
    code, out, _ = run([*argv, "--url", "https://n.example/hs2", str(path)], capsys)
    assert code == 0
    assert json.loads(out)["findings"][1]["url"] == "https://n.example/hs2"


def test_nothing_found_is_an_empty_list_and_exit_0(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>Nothing here.</p>", encoding="utf-8")
    code, out, err = run(["extract", "--title", "Heartstopper", str(path)], capsys)
    assert (code, json.loads(out), err) == (0, {"findings": []}, "")


def test_a_cp1252_file_without_a_charset_is_read(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(ARTICLE.replace("news", "news \u2013 caf\u00e9").encode("cp1252"))
    code, out, _ = run(["extract", "--title", "Heartstopper", "--season", "2", str(path)], capsys)
    assert code == 0 and json.loads(out)["findings"][0]["date"] == "2023-08-03"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--title", "Heartstopper", "missing.html"], "no such file"),
        (["extract", "--title", "Heartstopper", "."], "directory"),
        (["extract", "--title", "Heartstopper", "--season", "two", "x.html"], "season"),
        (["extract", "--title", "Heartstopper", "--season", "0", "x.html"], "season"),
        (["extract", "x.html"], "--title"),
        (["extract", "--title", "Heartstopper"], "file or an http"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_1(argv, message, capsys) -> None:
    code, out, err = run(argv, capsys)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_an_empty_file_is_unreadable_input(tmp_path: Path, capsys) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    code, _, err = run(["extract", "--title", "Heartstopper", str(path)], capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_a_url_is_fetched_with_the_daemons_fetcher(httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/hs2").respond_with_data(
        ARTICLE.encode("utf-8"), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/hs2")
    code, out, _ = run(["extract", "--title", "Heartstopper", "--season", "2", url], capsys)
    assert code == 0
    findings = json.loads(out)["findings"]
    assert findings[0]["date"] == "2023-08-03" and findings[1]["url"] == url


def test_a_failed_fetch_is_one_line_and_exit_1(httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    code, _, err = run(["extract", "--title", "Heartstopper", httpserver.url_for("/gone")], capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "404" in err


def test_a_bad_select_names_the_selector_once(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Heartstopper</p></body></html>")
    assert main(["extract", "--title", "Heartstopper", "--select", "p[[[", str(page)]) == 1
    err = capsys.readouterr().err
    assert err.count("'p[[['") == 1 and "is not a CSS selector" in err


def test_a_url_that_is_not_http_is_a_user_error(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Heartstopper</p></body></html>")
    assert main(["extract", "--title", "Heartstopper", "--url", "notaurl", str(page)]) == 1
    assert "--url 'notaurl' is not an http(s) URL" in capsys.readouterr().err
    assert main(["extract", "--title", "Heartstopper", "--url", "https://example.org/a",
                 str(page)]) == 0


def test_a_file_larger_than_max_bytes_is_not_read(tmp_path: Path, capsys) -> None:
    # `extract /dev/zero` read until memory ran out (an internal MemoryError); a file
    # is read as a fetched body is: past http.max_bytes' default (5 MB), not at all.
    code, out, err = run(["extract", "--title", "Heartstopper", "/dev/zero"], capsys)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "5 MB" in err and "internal" not in err
