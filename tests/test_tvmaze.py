"""The tvmaze source kind: TVmaze's listed premiere as a release date, never a wrong show's.

The rules are tables; the kind runs against a local site serving JSON of the
shape api.tvmaze.com answers (trimmed to the fields that matter, plus a few
that do not, as the real answers carry many).
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import ANNOUNCEMENT, NOTHING_YET

from scraper.cli.main import main
from scraper.config.settings import (
    Config,
    Health,
    HttpSettings,
    Schedule,
    SourceConfig,
    load_config,
)
from scraper.demo.localsite import LocalSite, Page
from scraper.fetch.fetcher import Fetcher
from scraper.models import RELEASE_DATE, Finding, Watch
from scraper.sources.registry import SOURCE_TYPES
from scraper.sources.tvmaze import (
    Pacer,
    TvmazeShapeError,
    TvmazeSource,
    is_show_id,
    names_equal,
    parse_show,
    premiere_date,
    premiere_finding,
    season_premieres,
    show_matches_watch,
)

DOCS = Path(__file__).parent.parent / "docs" / "tvmaze.md"
NOW = datetime(2023, 4, 20, 10, 0, tzinfo=UTC)
HS2 = Watch("Heartstopper", 2)
SHOW_ID = 53441
SHOW_PAGE = f"https://www.tvmaze.com/shows/{SHOW_ID}/heartstopper"
SEARCH = "/singlesearch/shows?q=Heartstopper"
SEASONS = f"/shows/{SHOW_ID}/seasons"


def show_json(name: str = "Heartstopper", show_id: int = SHOW_ID) -> str:
    return json.dumps(
        {
            "id": show_id,
            "url": SHOW_PAGE,
            "name": name,
            "type": "Scripted",
            "language": "English",
            "genres": ["Drama", "Romance"],
            "status": "Running",
            "premiered": "2022-04-22",
            "network": None,
            "webChannel": {"id": 1, "name": "Netflix", "country": None},
            "externals": {"tvrage": None, "thetvdb": 398171, "imdb": "tt10638036"},
            "_links": {"self": {"href": f"https://api.tvmaze.com/shows/{show_id}"}},
        }
    )


def season(number: int, premiere: str | None) -> dict:
    return {
        "id": 119000 + number,
        "url": f"https://www.tvmaze.com/seasons/{119000 + number}/heartstopper-season-{number}",
        "number": number,
        "name": "",
        "episodeOrder": 8 if premiere else None,
        "premiereDate": premiere,
        "endDate": premiere,
        "network": None,
        "webChannel": {"id": 1, "name": "Netflix"},
        "image": None,
        "summary": None,
        "_links": {"self": {"href": f"https://api.tvmaze.com/seasons/{119000 + number}"}},
    }


def seasons_json(*seasons: dict) -> str:
    return json.dumps(list(seasons))


def json_page(body: str, status: int = 200, headers: tuple = ()) -> Page:
    return Page(body.encode(), "application/json; charset=UTF-8", status, headers)


# -- the rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Heartstopper", "heartstopper", True),
        ("Heartstopper", "  HEARTSTOPPER!  ", True),
        ("Love & Death", "Love and Death", True),
        ("Pokémon", "Pokemon", True),
        ("Grey's Anatomy", "Greys Anatomy", True),
        ("Spider-Man", "Spider Man", True),
        ("Mr. Robot", "Mr Robot", True),
        ("Straße", "STRASSE", True),
        ("Heartstopper", "Heartstoppers", False),
        ("Heartstopper", "Heartstopper (2022)", False),
        ("The Office", "Office", False),
        ("Heartbreak High", "Heartstopper", False),
        ("!!!", "???", False),  # punctuation-only names are not all one name
        ("!!!", "!!!", True),
    ],
)
def test_names_match_case_accents_and_punctuation_aside(a, b, same):
    assert names_equal(a, b) is same


@pytest.mark.parametrize(
    "show_name, watch, matches",
    [
        ("Heartstopper", HS2, True),
        ("heartstopper", Watch("Heartstopper", 3), True),
        ("The Bureau", Watch("Le Bureau des Légendes", 2, aliases=("The Bureau",)), True),
        ("Le Bureau des Legendes", Watch("Le Bureau des Légendes", 2), True),
        ("Heartbreak High", HS2, False),
        ("Heartstopper", Watch("Squid Game", 2), False),
    ],
)
def test_a_show_reports_only_for_its_title_or_alias(show_name, watch, matches):
    assert show_matches_watch(show_name, watch) is matches


@pytest.mark.parametrize(
    "show, is_id",
    [
        ("53441", True),
        (" 53441 ", True),
        ("0", False),
        ("Heartstopper", False),
        ("24", True),
        ("24 Legacy", False),
        ("-3", False),
        ("٣", False),
    ],
)
def test_an_all_digit_show_is_an_id(show, is_id):
    assert is_show_id(show) is is_id


@pytest.mark.parametrize(
    "raw, day",
    [
        ("2023-08-03", "2023-08-03"),
        (" 2023-08-03 ", "2023-08-03"),
        (None, None),
        ("", None),
        ("2023-08", None),
        ("2023", None),
        ("2023-02-30", None),
        ("20230803", None),
        ("2023-08-03T00:00:00", None),
        ("TBA", None),
    ],
)
def test_only_a_real_calendar_day_is_a_premiere(raw, day):
    assert premiere_date(raw) == day


@pytest.mark.parametrize(
    "seasons, number, expected",
    [
        ([season(1, "2022-04-22"), season(2, "2023-08-03")], 2, "2023-08-03"),
        ([season(1, "2022-04-22"), season(2, None)], 2, None),  # exists, no date yet
        ([season(1, "2022-04-22")], 2, None),  # not listed yet
        ([season(1, "2022-04-22"), season(2, "2023-08-03")], 1, "2022-04-22"),
        ([{"number": 2, "premiereDate": 20230803}], 2, None),  # not a string
        ([{"number": "2", "premiereDate": "2023-08-03"}], 2, None),  # not a season number
        ([{"number": True, "premiereDate": "2023-08-03"}], 1, None),
        ([{"number": 2}], 2, None),
        ([season(2, "2023-08-03"), season(2, "2023-09-01")], 2, "2023-08-03"),  # first wins
        ([], 2, None),
    ],
)
def test_the_watched_seasons_premiere_is_the_finding(seasons, number, expected):
    finding = premiere_finding("Heartstopper", number, season_premieres(seasons).get(number))
    if expected is None:
        assert finding is None
    else:
        assert finding == Finding(
            kind=RELEASE_DATE,
            evidence=f"TVmaze lists Heartstopper season {number} premiere: {expected}",
            date=expected,
            precision="day",
        )


@pytest.mark.parametrize("payload", [{"seasons": []}, None, "[]", [1, 2], [[season(1, None)]]])
def test_seasons_of_another_shape_are_refused(payload):
    with pytest.raises(TvmazeShapeError):
        season_premieres(payload)


@pytest.mark.parametrize(
    "payload",
    [
        [],
        None,
        "Heartstopper",
        {"name": "Heartstopper"},
        {"id": "53441", "name": "x"},
        {"id": True, "name": "x"},
        {"id": 0, "name": "x"},
        {"id": 1, "name": "  "},
        {"id": 1, "name": None},
    ],
)
def test_shows_of_another_shape_are_refused(payload):
    with pytest.raises(TvmazeShapeError):
        parse_show(payload)


def test_a_show_keeps_its_tvmaze_page_but_only_an_http_one():
    assert parse_show(json.loads(show_json())).page_url == SHOW_PAGE
    assert parse_show({"id": 1, "name": "A", "url": "javascript:alert(1)"}).page_url is None


# -- the kind against a local site -----------------------------------------------------


class FakeClock:
    """A monotonic clock that only moves when slept on (or told to)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def fetcher():
    # No robots.txt, no per-host delay: the kind's own spacing is what is tested.
    with Fetcher(HttpSettings(timeout=2.0, per_host_delay=0.0, respect_robots=False)) as f:
        yield f


class Reader:
    """One tvmaze source, read as the cycle reads it; `requests()` says what it asked."""

    def __init__(self, site, state, fetcher, clock, *watches: Watch, show: str | None = None):
        self.site, self.state, self.fetcher = site, state, fetcher
        self.kind = TvmazeSource(Pacer(clock=clock.time, sleep=clock.sleep))
        self.source = SourceConfig(name="TVmaze", url=site.url(""), type="tvmaze", show=show)
        self.config = Config(
            path=Path("config.yaml"),
            state_path=Path("state.db"),
            schedule=Schedule(),
            http=HttpSettings(),
            health=Health(),
            watches=watches or (HS2,),
            sources=(self.source,),
            notifiers=(),
        )

    def read(self):
        return self.kind.read(self.source, self.config, self.state, self.fetcher, NOW)

    def requests(self) -> list[tuple[str, int, bool]]:
        return [(r.path, r.status, r.conditional) for r in self.site.take_requests()]


@pytest.fixture
def reader(site, state, fetcher, clock):
    def make(*watches: Watch, show: str | None = None) -> Reader:
        return Reader(site, state, fetcher, clock, *watches, show=show)

    return make


def serve_heartstopper(site: LocalSite, *seasons: dict) -> None:
    site.pages[SEARCH] = json_page(show_json())
    site.pages[SEASONS] = json_page(seasons_json(*seasons))


def dates(result) -> dict[str, list[str]]:
    return {key: [o.finding.date for o in obs] for key, obs in result.observations.items()}


def test_a_listed_premiere_is_a_day_precision_release_date(site, reader):
    serve_heartstopper(site, season(1, "2022-04-22"), season(2, "2023-08-03"))
    tvmaze = reader()
    result = tvmaze.read()
    assert result.error is None
    [observation] = result.observations[HS2.key]
    assert observation.finding.date == "2023-08-03"
    assert observation.finding.precision == "day"
    assert observation.finding.evidence == "TVmaze lists Heartstopper season 2 premiere: 2023-08-03"
    assert observation.source_url == tvmaze.source.url
    assert observation.link == SHOW_PAGE
    assert tvmaze.requests() == [("/singlesearch/shows", 200, False), (SEASONS, 200, False)]


def test_a_season_without_a_date_yields_nothing(site, reader):
    serve_heartstopper(site, season(1, "2022-04-22"), season(2, None))
    result = reader().read()
    assert (result.error, result.observations) == (None, {})


def test_a_season_not_listed_yet_yields_nothing(site, reader):
    serve_heartstopper(site, season(1, "2022-04-22"))
    result = reader().read()
    assert (result.error, result.observations) == (None, {})


def test_a_film_or_a_watch_without_season_costs_no_request(site, reader):
    serve_heartstopper(site, season(1, "2022-04-22"))
    tvmaze = reader(Watch("Heartstopper"), Watch("Heartstopper Film"))
    result = tvmaze.read()
    assert (result.error, result.observations) == (None, {})
    assert tvmaze.requests() == []


def test_a_watch_that_wants_no_dates_costs_no_request(site, reader):
    serve_heartstopper(site, season(2, "2023-08-03"))
    tvmaze = reader(Watch("Heartstopper", 2, alerts=("trailer",)))
    assert tvmaze.read().observations == {}
    assert tvmaze.requests() == []


def test_the_show_id_is_cached_so_a_cycle_costs_one_request_per_watch(site, reader):
    serve_heartstopper(site, season(2, "2023-08-03"))
    tvmaze = reader()
    tvmaze.read()
    assert len(tvmaze.requests()) == 2
    again = tvmaze.read()
    # Only the seasons, conditionally; the 304 still reports the date it listed.
    assert tvmaze.requests() == [(SEASONS, 304, True)]
    assert dates(again) == {HS2.key: ["2023-08-03"]}


def test_a_new_kind_instance_reuses_the_show_id_from_the_state(site, reader):
    serve_heartstopper(site, season(2, "2023-08-03"))
    reader().read()
    site.take_requests()
    fresh = reader()  # a new process: only the state file is shared
    assert dates(fresh.read()) == {HS2.key: ["2023-08-03"]}
    assert fresh.requests() == [(SEASONS, 304, True)]


def test_a_changed_listing_is_read_again(site, reader):
    serve_heartstopper(site, season(2, None))
    tvmaze = reader()
    assert tvmaze.read().observations == {}
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    tvmaze.requests()
    assert dates(tvmaze.read()) == {HS2.key: ["2023-08-03"]}
    assert tvmaze.requests() == [(SEASONS, 200, True)]


def test_two_seasons_of_one_show_share_the_requests(site, reader):
    serve_heartstopper(site, season(2, "2023-08-03"), season(3, "2024-10-03"))
    tvmaze = reader(HS2, Watch("Heartstopper", 3))
    assert dates(tvmaze.read()) == {HS2.key: ["2023-08-03"], "heartstopper|3": ["2024-10-03"]}
    assert [path for path, _, _ in tvmaze.requests()] == ["/singlesearch/shows", SEASONS]


def test_a_show_id_reads_the_show_then_its_seasons(site, reader):
    site.pages[f"/shows/{SHOW_ID}"] = json_page(show_json())
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    tvmaze = reader(show=str(SHOW_ID))
    assert dates(tvmaze.read()) == {HS2.key: ["2023-08-03"]}
    assert [p for p, _, _ in tvmaze.requests()] == [f"/shows/{SHOW_ID}", SEASONS]
    tvmaze.read()
    assert [p for p, _, _ in tvmaze.requests()] == [SEASONS]


def test_a_show_setting_serves_every_watch_but_only_under_its_name(site, reader, caplog):
    serve_heartstopper(site, season(2, "2023-08-03"), season(3, "2024-10-03"))
    squid = Watch("Squid Game", 2)
    tvmaze = reader(HS2, Watch("Heartstopper", 3), squid, show="Heartstopper")
    with caplog.at_level(logging.WARNING, logger="releasewatch.tvmaze"):
        result = tvmaze.read()
    assert dates(result) == {HS2.key: ["2023-08-03"], "heartstopper|3": ["2024-10-03"]}
    assert squid.key not in result.observations
    assert "'Heartstopper'" in caplog.text and "'Squid Game'" in caplog.text
    assert len(tvmaze.requests()) == 2


def test_a_search_hit_under_another_name_is_ignored_with_a_log_line(site, reader, caplog):
    site.pages[SEARCH] = json_page(show_json("Heartbreak High", 40000))
    site.pages["/shows/40000/seasons"] = json_page(seasons_json(season(2, "2024-04-11")))
    tvmaze = reader()
    with caplog.at_level(logging.WARNING, logger="releasewatch.tvmaze"):
        result = tvmaze.read()
    assert (result.error, result.observations) == (None, {})
    assert "'Heartbreak High'" in caplog.text and "aliases" in caplog.text
    # Its seasons are never asked for, and the hit is not kept: TVmaze may list
    # the real show later, so the next cycle searches again (warning only once).
    assert tvmaze.requests() == [("/singlesearch/shows", 200, False)]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="releasewatch.tvmaze"):
        tvmaze.read()
    assert caplog.text == ""
    assert tvmaze.requests() == [("/singlesearch/shows", 200, False)]


def test_an_alias_makes_a_search_hit_acceptable(site, reader):
    site.pages["/singlesearch/shows?q=Heart+Stopper+UK"] = json_page(show_json())
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    watch = Watch("Heart Stopper UK", 2, aliases=("Heartstopper",))
    assert dates(reader(watch).read()) == {watch.key: ["2023-08-03"]}


def test_no_such_show_is_a_warning_once_not_a_failure(site, reader, caplog):
    tvmaze = reader()  # the site has no /singlesearch: 404, as TVmaze answers a miss
    with caplog.at_level(logging.WARNING, logger="releasewatch.tvmaze"):
        first = tvmaze.read()
        second = tvmaze.read()
    assert (first.error, first.observations) == (None, {})
    assert (second.error, second.observations) == (None, {})
    assert caplog.text.count("TVmaze has no show named Heartstopper") == 1
    assert tvmaze.requests() == [("/singlesearch/shows", 404, False)] * 2


def test_a_vanished_show_id_is_searched_for_again(site, reader):
    serve_heartstopper(site, season(2, "2023-08-03"))
    tvmaze = reader()
    tvmaze.read()
    del site.pages[SEASONS]  # TVmaze merged the show into another id
    result = tvmaze.read()
    assert (result.error, result.observations) == (None, {})
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    tvmaze.requests()
    assert dates(tvmaze.read()) == {HS2.key: ["2023-08-03"]}
    assert [p for p, _, _ in tvmaze.requests()] == ["/singlesearch/shows", SEASONS]


def test_rate_limit_is_a_transient_failure_and_backs_off(site, reader, clock):
    serve_heartstopper(site, season(2, "2023-08-03"))
    site.pages[SEASONS] = json_page("{}", 429, (("Retry-After", "30"),))
    tvmaze = reader()
    result = tvmaze.read()
    assert result.error is not None and "429" in result.error
    assert result.observations == {}
    tvmaze.requests()
    # Within TVmaze's wait: a failure again, and no request at all.
    clock.now += 10
    waiting = tvmaze.read()
    assert waiting.error is not None and "429" in waiting.error
    assert tvmaze.requests() == []
    clock.now += 21
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    assert dates(tvmaze.read()) == {HS2.key: ["2023-08-03"]}


def test_rate_limited_search_is_a_failure_too(site, reader):
    site.pages[SEARCH] = json_page("{}", 429)
    result = reader().read()
    assert "429" in (result.error or "")


@pytest.mark.parametrize(
    "search, seasons, message",
    [
        (show_json(), '[{"number": 2, "premiereDate": "2023-08-03"', "malformed JSON"),
        (show_json(), "<html>Service Unavailable</html>", "malformed JSON"),
        (show_json(), '{"name": "Not Found", "status": 404}', "unexpected answer"),
        ("[]", seasons_json(season(2, "2023-08-03")), "unexpected answer"),
        ('{"id": 53441}', seasons_json(season(2, "2023-08-03")), "unexpected answer"),
        ("{'id': 53441}", seasons_json(season(2, "2023-08-03")), "malformed JSON"),
        # Nested past Python's recursion limit: json.loads raised RecursionError, which
        # stopped `check` (and the daemon's batch) as an internal error.
        (show_json(), "[" * 100_000 + "]" * 100_000, "malformed JSON"),
    ],
)
def test_malformed_or_unexpected_json_is_a_failure(site, reader, search, seasons, message):
    site.pages[SEARCH] = json_page(search)
    site.pages[SEASONS] = json_page(seasons)
    result = reader().read()
    assert result.error is not None and message in result.error
    assert result.error.startswith("TVmaze ") and "\n" not in result.error
    assert result.observations == {}


def test_a_server_error_is_a_failure(site, reader):
    site.pages[SEARCH] = json_page("oops", 500)
    result = reader().read()
    assert "500" in (result.error or "")


def test_one_failure_drops_the_whole_sources_findings(site, reader):
    # Another watch's date must not be applied from a failed result: the next
    # cycle reads it again (from the seasons cache on a 304 if need be).
    serve_heartstopper(site, season(2, "2023-08-03"))
    site.pages["/singlesearch/shows?q=Squid+Game"] = json_page("{", 200)
    result = reader(HS2, Watch("Squid Game", 2)).read()
    assert result.error is not None and result.observations == {}


def test_calls_to_tvmaze_are_half_a_second_apart(site, reader, clock):
    serve_heartstopper(site, season(2, "2023-08-03"))
    tvmaze = reader()
    tvmaze.read()
    assert clock.sleeps == [0.5]
    clock.now += 0.3  # the next cycle comes soon after: only the rest is waited
    tvmaze.read()
    assert clock.sleeps == [0.5, 0.2]
    clock.now += 60
    tvmaze.read()
    assert clock.sleeps == [0.5, 0.2]


def test_the_pacer_never_waits_longer_than_its_spacing():
    clock = FakeClock()
    pacer = Pacer(clock=clock.time, sleep=clock.sleep)
    pacer.wait_turn("api.tvmaze.com")
    clock.now -= 3600  # a clock that jumps back must not mean an hour's sleep
    pacer.wait_turn("api.tvmaze.com")
    pacer.wait_turn("other.example")
    assert clock.sleeps == [0.5]


# -- end to end: `releasewatch check` with news and TVmaze -------------------------------


@pytest.fixture
def recording(recording, monkeypatch):
    """conftest's recording notifier, and a fresh tvmaze kind for each test."""
    # A fresh kind: the registered one's spacing and backoff outlive a test.
    monkeypatch.setitem(SOURCE_TYPES, "tvmaze", TvmazeSource())
    return recording


def write_config(tmp_path: Path, site: LocalSite) -> Path:
    lines = [
        f"state: {tmp_path / 'state.db'}",
        "http:",
        "  timeout: 2s",
        "  per_host_delay: 0s",
        "watches:",
        "  - title: Heartstopper",
        "    season: 2",
        "sources:",
        "  - name: news",
        f"    url: {site.url('/news')}",
        "  - name: TVmaze",
        "    type: tvmaze",
        f"    url: {site.url('')}",
        "notifiers:",
        "  - name: recorder",
        "    type: recording",
    ]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def check(config: Path, capsys) -> str:
    code = main(["check", "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "failed" not in err.replace("0 failed", ""), err
    return err


def test_a_date_in_the_news_and_on_tvmaze_sends_one_alert(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    serve_heartstopper(site, season(1, "2022-04-22"), season(2, "2023-08-03"))
    config = write_config(tmp_path, site)
    check(config, capsys)
    [alert] = recording
    assert alert.event == "release_date.announced"
    assert alert.value == {"date": "2023-08-03", "precision": "day"}
    assert set(alert.sources) == {site.url("/news"), site.url("")}
    check(config, capsys)
    assert len(recording) == 1


def test_a_date_the_news_had_first_is_not_news_again_from_tvmaze(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(ANNOUNCEMENT.encode())
    serve_heartstopper(site, season(2, None))
    config = write_config(tmp_path, site)
    check(config, capsys)
    assert [a.event for a in recording] == ["release_date.announced"]
    site.pages[SEASONS] = json_page(seasons_json(season(2, "2023-08-03")))
    check(config, capsys)
    assert len(recording) == 1


def test_a_date_only_on_tvmaze_sends_one_alert(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(NOTHING_YET.encode())
    serve_heartstopper(site, season(1, "2022-04-22"), season(2, "2023-08-03"))
    config = write_config(tmp_path, site)
    check(config, capsys)
    [alert] = recording
    assert alert.event == "release_date.announced"
    assert alert.value == {"date": "2023-08-03", "precision": "day"}
    assert alert.evidence == "TVmaze lists Heartstopper season 2 premiere: 2023-08-03"
    # The alert links the show's page a reader can open, beside the API it came from.
    assert alert.source == SHOW_PAGE
    assert alert.feed == site.url("")
    check(config, capsys)
    assert len(recording) == 1
    tvmaze_requests = [r.path for r in site.requests if r.path != "/robots.txt"]
    assert tvmaze_requests.count("/singlesearch/shows") == 1  # the id came from the state


def test_tvmaze_trouble_is_reported_as_a_failed_source(tmp_path, site, recording, capsys):
    site.pages["/news"] = Page(NOTHING_YET.encode())
    site.pages[SEARCH] = json_page("{", 200)
    config = write_config(tmp_path, site)
    assert main(["check", "--config", str(config)]) == 0
    err = capsys.readouterr().err
    assert "source 'TVmaze' failed: TVmaze search: malformed JSON" in err
    assert recording == []


# -- the docs' example ----------------------------------------------------------------------


def test_the_docs_example_is_a_valid_source(tmp_path):
    [example] = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(), re.S)
    config = tmp_path / "config.yaml"
    config.write_text(
        f"state: {tmp_path / 'state.db'}\n"
        "watches:\n  - title: Heartstopper\n    season: 2\n"
        + example
        + "notifiers:\n  - name: console\n    type: console\n"
    )
    [source] = load_config(config).sources
    assert (source.type, source.url, source.show) == ("tvmaze", "https://api.tvmaze.com", None)
