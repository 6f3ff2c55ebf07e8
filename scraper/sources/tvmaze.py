"""The tvmaze source kind: a season's premiere date from TVmaze's free JSON API.

    /singlesearch/shows?q=NAME  or  /shows/ID   ->  the show (id cached in the state)
    /shows/ID/seasons                           ->  the watched season's premiereDate
                                                ->  a release_date Finding, day precision

Its requests depend on each other's answers, so nothing is fetched ahead: it
reads through the cycle's fetcher, and its findings go through the state and
fact rules like every other source's:
a TVmaze date equal to one already in the news only adds a source to the fact.

Wrong matches are worse than none: a show whose TVmaze name is not the watch's
title or an alias (case, accents and punctuation aside) is never used.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlencode, urlsplit

from scraper.fetch.fetcher import FetchError, Validators
from scraper.models import RELEASE_DATE, Finding, Observation, Watch
from scraper.sources.base import Fetch, Setting, SourceKind, SourceResult

if TYPE_CHECKING:
    from scraper.config.settings import Config, SourceConfig
    from scraper.models import Response
    from scraper.store.state import State

log = logging.getLogger("releasewatch.tvmaze")

TVMAZE_URL = "https://api.tvmaze.com"

# TVmaze allows 20 calls per 10 s per IP; one call every 0.5 s stays inside that
# even when the fetcher's per_host_delay is set lower (or to 0 in tests).
MIN_SPACING = 0.5
# TVmaze counts its limit over 10 s windows: without a Retry-After, a 429 means
# wait out one window. A huge Retry-After is capped so a misbehaving header
# cannot silence the source for days.
DEFAULT_BACKOFF = 10.0
MAX_BACKOFF = 15 * 60.0


# -- the rules: JSON -> finding (pure) -----------------------------------------------


class TvmazeShapeError(ValueError):
    """TVmaze answered JSON of a shape this module does not know."""


@dataclass(frozen=True)
class Show:
    id: int
    name: str
    page_url: str | None = None  # the show's page on tvmaze.com, for the reader


_NOT_WORD = re.compile(r"[\W_]+")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHOW_ID = re.compile(r"[0-9]+")


def normalize_name(name: str) -> str:
    """What two names must share to be the same show: letters and digits only.

    Case, accents, punctuation and spacing are dropped and "&" reads "and", so
    "Love & Death", "love and death" and "LOVE-AND-DEATH" are one name.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().replace("&", " and ")
    squeezed = _NOT_WORD.sub("", plain)
    # A name of punctuation only ("!!!") would match every other such name.
    return squeezed or " ".join(name.split()).casefold()


def names_equal(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


def show_matches_watch(show_name: str, watch: Watch) -> bool:
    """The show may report for this watch only under its title or one of its aliases."""
    return any(names_equal(show_name, name) for name in (watch.title, *watch.aliases))


def is_show_id(show: str) -> bool:
    """`show: 53441` is a TVmaze id; anything else is a name to search for."""
    return bool(_SHOW_ID.fullmatch(show.strip())) and int(show) > 0


def parse_show(payload: Any) -> Show:
    """A /singlesearch/shows or /shows/:id answer -> Show."""
    if not isinstance(payload, dict):
        raise TvmazeShapeError(f"expected a show object, got {_json_type(payload)}")
    show_id, name, page = payload.get("id"), payload.get("name"), payload.get("url")
    if not isinstance(show_id, int) or isinstance(show_id, bool) or show_id <= 0:
        raise TvmazeShapeError(f"show without a usable id: {show_id!r:.40}")
    if not isinstance(name, str) or not name.strip():
        raise TvmazeShapeError(f"show {show_id} without a name")
    if not (isinstance(page, str) and page.startswith(("https://", "http://"))):
        page = None
    return Show(show_id, " ".join(name.split()), page)


def season_premieres(payload: Any) -> dict[int, str | None]:
    """A /shows/:id/seasons answer -> {season number: premiereDate as given, or None}.

    The list and its entries must be objects as documented; an entry without a
    season number (TVmaze has none such, but an entry we cannot place must not
    be guessed at) is skipped. The first entry for a number wins.
    """
    if not isinstance(payload, list):
        raise TvmazeShapeError(f"expected a list of seasons, got {_json_type(payload)}")
    premieres: dict[int, str | None] = {}
    for entry in payload:
        if not isinstance(entry, dict):
            raise TvmazeShapeError(f"expected season objects, got {_json_type(entry)}")
        number, premiere = entry.get("number"), entry.get("premiereDate")
        if not isinstance(number, int) or isinstance(number, bool):
            continue
        premieres.setdefault(number, premiere if isinstance(premiere, str) else None)
    return premieres


def premiere_date(raw: str | None) -> str | None:
    """A premiereDate that is a real calendar day ("2023-08-03"), else None."""
    if raw is None or not _ISO_DAY.fullmatch(raw.strip()):
        return None
    try:
        return date.fromisoformat(raw.strip()).isoformat()
    except ValueError:  # "2023-02-30"
        return None


def premiere_finding(show_name: str, season: int, raw: str | None) -> Finding | None:
    """The release_date finding TVmaze's listing makes for one season, if it has a day."""
    day = premiere_date(raw)
    if day is None:
        return None
    return Finding(
        kind=RELEASE_DATE,
        evidence=f"TVmaze lists {show_name} season {season} premiere: {day}",
        date=day,
        precision="day",
    )


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}.get(
        type(value), type(value).__name__
    )


# -- politeness -----------------------------------------------------------------------


class Pacer:
    """At least `spacing` seconds between two calls to one host, and a wait after a 429.

    Shared by every tvmaze source (they all call the same API) and safe across the
    daemon's threads. The clock and sleep are injected so tests need no sleeping.
    """

    def __init__(
        self,
        spacing: float = MIN_SPACING,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.spacing = spacing
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._not_before: dict[str, float] = {}

    def wait_turn(self, host: str) -> None:
        # The lock is held while waiting, not while fetching: call starts stay spaced.
        with self._lock:
            last = self._last.get(host)
            if last is not None:
                # Bounded by `spacing` even if the clock jumps.
                delay = min(self.spacing, last + self.spacing - self._clock())
                if delay > 0:
                    self._sleep(delay)
            self._last[host] = self._clock()

    def back_off(self, host: str, retry_after: float | None) -> float:
        seconds = DEFAULT_BACKOFF if retry_after is None else retry_after
        seconds = min(max(seconds, self.spacing), MAX_BACKOFF)
        with self._lock:
            self._not_before[host] = self._clock() + seconds
        return seconds

    def blocked_for(self, host: str) -> float:
        with self._lock:
            return max(0.0, self._not_before.get(host, 0.0) - self._clock())


# -- the source kind ------------------------------------------------------------------


class _SourceFailure(Exception):
    """This source failed this cycle: transient, the state stays as it was."""


class TvmazeSource(SourceKind):
    name = "tvmaze"
    default_url = TVMAZE_URL
    settings: ClassVar[Mapping[str, Setting]] = {
        # A number is TVmaze's show id; `show: 53441` is read as the text "53441".
        "show": Setting(
            (str, int),
            convert=lambda value: str(value).strip(),
            applies_to="type: tvmaze sources",
            doc="the show's name or TVmaze's numeric id (default: each watch's title)",
        ),
    }

    def __init__(self, pacer: Pacer | None = None):
        self.pacer = pacer or Pacer()

    def read(
        self, source: SourceConfig, config: Config, state: State, fetcher: Fetch, now: datetime
    ) -> SourceResult:
        reading = _Reading(self.pacer, source, state, fetcher, now)
        try:
            observations = reading.observe(config.watches)
        except _SourceFailure as exc:
            # Observations of other watches are dropped too: a failed result must
            # not change facts, and the next cycle reads them again (the seasons
            # cache makes even a 304 answer them).
            return SourceResult(source, error=str(exc))
        return SourceResult(source, observations=observations)


class _Reading:
    """One source read once: the requests it made so far, so no URL is asked twice."""

    def __init__(
        self, pacer: Pacer, source: SourceConfig, state: State, fetcher: Fetch, now: datetime
    ):
        self.pacer, self.source, self.state, self.fetcher, self.now = (
            pacer,
            source,
            state,
            fetcher,
            now,
        )
        self.base = source.url.rstrip("/")
        self.host = (urlsplit(self.base).hostname or "").lower()  # as the fetcher keys hosts
        self._shows: dict[str, Show | None] = {}
        self._seasons: dict[int, dict[int, str | None] | None] = {}

    def observe(self, watches: Iterable[Watch]) -> dict[str, list[Observation]]:
        observations: dict[str, list[Observation]] = {}
        for watch in watches:
            # TVmaze knows seasons' dates, nothing else: a film, a watch without a
            # season or one that wants no date alerts costs no request.
            if watch.season is None or RELEASE_DATE not in watch.alerts:
                continue
            observation = self._observe(watch)
            if observation is not None:
                observations.setdefault(watch.key, []).append(observation)
        return observations

    def _observe(self, watch: Watch) -> Observation | None:
        assert watch.season is not None
        query = (self.source.settings["show"] or watch.title).strip()
        show = self._show(query, watch)
        if show is None:
            return None
        if not show_matches_watch(show.name, watch):
            self._notice(
                watch,
                f"TVmaze's show for {query!r} is {show.name!r} (id {show.id}), which is not "
                f"{watch.title!r} or one of its aliases: ignored. If it is the show, add "
                f"{show.name!r} to the watch's aliases",
            )
            return None
        premieres = self._premieres(show, watch)
        if premieres is None:
            return None
        self._notice(watch, None)
        raw = premieres.get(watch.season)
        finding = premiere_finding(show.name, watch.season, raw)
        if finding is None:
            if raw:
                log.warning(
                    "%s: TVmaze premiereDate %r for %s season %d is not a day; ignored",
                    self.source.name,
                    raw,
                    show.name,
                    watch.season,
                )
            return None
        return Observation(finding, self.source.url, None, show.page_url, self.source.name)

    # -- the show ---------------------------------------------------------------------

    def _show(self, query: str, watch: Watch) -> Show | None:
        if query in self._shows:
            return self._shows[query]
        key = f"tvmaze:show:{self.base}|{' '.join(query.split()).casefold()}"
        cached = _load_show(self.state.cache_get(key))
        if cached is not None:
            self._shows[query] = cached
            return cached
        by_id = is_show_id(query)
        if by_id:
            url, what = f"{self.base}/shows/{int(query)}", f"show {int(query)}"
        else:
            url, what = f"{self.base}/singlesearch/shows?{urlencode({'q': query})}", "search"
        payload = self._get_json(url, what)
        if payload is None:
            # No such show is the user's problem, not the source's: a failure would
            # end in a source.failing alert for a show TVmaze simply does not list
            # (yet). A warning says what to fix, and the next cycle asks again.
            self._notice(watch, f"TVmaze has no show {'with id' if by_id else 'named'} {query}")
            show = None
        else:
            show = self._shape(payload, what, parse_show)
            # An id names its show for good, and so does a search hit under the name
            # asked for or the watch's own names. Any other hit is not kept: the
            # next cycle searches again, as TVmaze's best match may improve.
            if by_id or names_equal(show.name, query) or show_matches_watch(show.name, watch):
                self.state.cache_set(key, json.dumps(asdict(show)), self.now)
        self._shows[query] = show
        return show

    def _forget_show(self, show: Show) -> None:
        for query, known in self._shows.items():
            if known == show:
                key = f"tvmaze:show:{self.base}|{' '.join(query.split()).casefold()}"
                self.state.cache_set(key, "", self.now)

    # -- the seasons ------------------------------------------------------------------

    def _premieres(self, show: Show, watch: Watch) -> dict[int, str | None] | None:
        if show.id in self._seasons:
            return self._seasons[show.id]
        url = f"{self.base}/shows/{show.id}/seasons"
        key = f"tvmaze:seasons:{url}"
        cached = _load_seasons(self.state.cache_get(key))
        validators = None
        if cached is not None and (cached["etag"] or cached["last_modified"]):
            validators = Validators(cached["etag"], cached["last_modified"])
        response = self._fetch(url, validators, f"show {show.id} seasons")
        if response is None:
            # A show id that was valid is gone (TVmaze merges duplicates): search again.
            self._forget_show(show)
            self._notice(watch, f"TVmaze has no seasons for show {show.id} ({show.name})")
            premieres = None
        elif response.not_modified:
            if cached is None:
                raise _SourceFailure(f"TVmaze show {show.id} seasons: 304 to a plain request")
            # Unchanged: answer from the last body read. Not "nothing": a watch added
            # since, or facts lost in a crash after this cache was written, still get
            # their date, and the source keeps corroborating.
            premieres = cached["premieres"]
        else:
            payload = self._decode(response, f"show {show.id} seasons")
            premieres = self._shape(payload, f"show {show.id} seasons", season_premieres)
            record = {
                "etag": response.etag,
                "last_modified": response.last_modified,
                "premieres": {str(number): raw for number, raw in premieres.items()},
            }
            self.state.cache_set(key, json.dumps(record), self.now)
        self._seasons[show.id] = premieres
        return premieres

    # -- HTTP -------------------------------------------------------------------------

    def _get_json(self, url: str, what: str) -> Any:
        """The decoded answer, or None when TVmaze says 404."""
        response = self._fetch(url, None, what)
        return None if response is None else self._decode(response, what)

    def _fetch(self, url: str, validators: Validators | None, what: str) -> Response | None:
        blocked = self.pacer.blocked_for(self.host)
        if blocked > 0:
            raise _SourceFailure(
                f"TVmaze asked us to slow down (429); next request in {blocked:.0f}s"
            )
        self.pacer.wait_turn(self.host)
        try:
            response = self.fetcher.fetch(url, validators)
        except FetchError as exc:
            if exc.status == 404:
                return None
            if exc.status == 429:
                # Stop this cycle's requests and skip the API until TVmaze's wait is over.
                seconds = self.pacer.back_off(self.host, exc.retry_after)
                raise _SourceFailure(
                    f"TVmaze {what}: rate limited (429); backing off {seconds:.0f}s"
                ) from None
            raise _SourceFailure(f"TVmaze {what}: {exc}") from None
        if response.status == 404:
            return None
        return response

    def _decode(self, response: Response, what: str) -> Any:
        try:
            return json.loads(response.text or "")
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise _SourceFailure(f"TVmaze {what}: malformed JSON ({reason})") from None
        except RecursionError:  # "[[[[...": no real answer nests that deep
            raise _SourceFailure(f"TVmaze {what}: malformed JSON (nested too deep)") from None

    def _shape(self, payload: Any, what: str, rule: Callable[[Any], Any]) -> Any:
        try:
            return rule(payload)
        except TvmazeShapeError as exc:
            raise _SourceFailure(f"TVmaze {what}: unexpected answer: {exc}") from None

    # -- telling the user, once -------------------------------------------------------

    def _notice(self, watch: Watch, message: str | None) -> None:
        """Log a problem the user can fix once, not every cycle; None: it is fixed."""
        key = f"tvmaze:notice:{self.source.name}|{watch.key}"
        known = self.state.cache_get(key) or None
        if message is None:
            if known is not None:
                self.state.cache_set(key, "", self.now)
            return
        if known != message:
            log.warning("%s: %s", self.source.name, message)
            self.state.cache_set(key, message, self.now)
        else:
            log.debug("%s: %s", self.source.name, message)


def _load_show(text: str | None) -> Show | None:
    try:
        data = json.loads(text) if text else None
        return Show(int(data["id"]), str(data["name"]), data.get("page_url"))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # nothing cached, or a cache from another version: look it up again


def _load_seasons(text: str | None) -> dict[str, Any] | None:
    try:
        data = json.loads(text) if text else None
        premieres = {int(number): raw for number, raw in data["premieres"].items()}
        return {
            "etag": data.get("etag"),
            "last_modified": data.get("last_modified"),
            "premieres": premieres,
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # read the seasons in full again

