"""Claims at scale on PostgreSQL: claim latency with 100,000 sources in the table, and
sources per second (and CPU) of one worker when every source answers 304.

    .venv/bin/python bench/claims.py                          # starts its own PostgreSQL 15
    .venv/bin/python bench/claims.py --url postgresql://...   # an empty database of yours
    .venv/bin/python bench/claims.py --sources 100000 --claims 2000 --checked 2000

Loopback only: the sources checked are pages on a local server that answer 304 once
primed (one cold pass first). The cluster it starts (tests/pg.py) is stopped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from scraper.config.settings import load_config  # noqa: E402
from scraper.cycle import Claims, check_sources  # noqa: E402
from scraper.demo.localsite import LocalSite, Page  # noqa: E402
from scraper.fetch.fetcher import Fetcher  # noqa: E402
from scraper.store.state import State  # noqa: E402

BATCH = 16


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def fill(state: State, count: int, now: datetime) -> None:
    names = [f"s{i:06d}" for i in range(count)]
    state.sync_sources(names, {n: f"http://127.0.0.1:9/{n}" for n in names}, now)
    # Spread the schedule over the past hour, as a running fleet would have it.
    state._execute(
        "UPDATE sources SET next_check_at = ? || substr(name, 2) || 'Z'",
        ((now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S."),),
    )


def claim_latency(state: State, claims: int, now: datetime) -> list[float]:
    times = []
    lease = timedelta(minutes=5)
    for i in range(claims):
        start = time.perf_counter()
        got = state.claim_sources(f"bench{i}", now, lease, BATCH)
        times.append(time.perf_counter() - start)
        assert got, "ran out of due sources"
    return times


def throughput(url: str, tmp: Path, checked: int) -> tuple[float, float, int]:
    """One worker's sources/s and CPU share over `checked` sources answering 304."""
    site = LocalSite()
    site.start()
    try:
        for i in range(checked):
            site.pages[f"/p{i}"] = Page(b"<html><body><p>Nothing about any show.</p></body></html>")
        lines = [f"state: {url}", "http:", "  per_host_delay: 0s", "  respect_robots: false",
                 "watches:", "  - title: Heartstopper", "    season: 2", "sources:"]
        for i in range(checked):
            lines += [f"  - name: p{i}", f"    url: {site.url(f'/p{i}')}"]
        lines += ["notifiers:", "  - name: console", "    type: console"]
        (tmp / "config.yaml").write_text("\n".join(lines) + "\n")
        config = load_config(tmp / "config.yaml")
        state, fetcher = State(url), Fetcher(config.http)
        names = [f"p{i}" for i in range(checked)]
        now = datetime.now(UTC)
        state.sync_sources(names, {n: site.url("/" + n[1:]) for n in names}, now)
        state._execute("UPDATE sources SET configured = 0 WHERE name LIKE 's%'")

        def one_pass(token: str) -> int:
            done = 0
            while True:
                moment = datetime.now(UTC)
                got = state.claim_sources(token, moment, timedelta(minutes=5), BATCH)
                if not got:
                    return done
                claims = Claims(token, lambda name, at=moment: at + timedelta(hours=1))
                check_sources(config, state, fetcher, moment, got, claims=claims)
                done += len(got)

        one_pass("cold")  # primes ETags: the timed pass gets 304s
        state._execute("UPDATE sources SET next_check_at = '' WHERE name LIKE 'p%'")
        wall, used = time.perf_counter(), cpu()
        done = one_pass("warm")
        wall, used = time.perf_counter() - wall, cpu() - used
        state.close()
        fetcher.close()
        return done / wall, used / wall, done
    finally:
        site.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an empty PostgreSQL database (default: start one)")
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--checked", type=int, default=2000)
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.url
        if url is None:
            from pg import running_cluster

            url = stack.enter_context(running_cluster()).database()
        import tempfile

        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        state = State(url)
        now = datetime.now(UTC)
        started = time.perf_counter()
        fill(state, args.sources, now)
        print(f"{args.sources:,} sources written in {time.perf_counter() - started:.1f} s")
        times = sorted(claim_latency(state, args.claims, now))
        state.close()
        p50 = statistics.median(times) * 1000
        p99 = times[int(len(times) * 0.99) - 1] * 1000
        print(f"claim of {BATCH} due sources among {args.sources:,}: "
              f"p50 {p50:.2f} ms, p99 {p99:.2f} ms over {len(times):,} claims"
              f" (target p99 < 10 ms: {'pass' if p99 < 10 else 'FAIL'})")
        rate, share, done = throughput(url, tmp, args.checked)
        print(f"one worker, {done:,} sources answering 304: {rate:.0f} sources/s at "
              f"{share:.2f} of a core (target >= 100/s at <= 0.5 core: "
              f"{'pass' if rate >= 100 and share <= 0.5 else 'FAIL'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
