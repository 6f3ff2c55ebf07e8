"""Benchmark (not a test): what one `releasewatch check` cycle costs, as a whole process.

Starts the deterministic news site of bench/fixture.py on 127.0.0.1, writes a
config with N sources (half RSS feeds, half article pages) and one watch
(Heartstopper season 2), and runs `<venv>/bin/releasewatch check` as a
subprocess in three phases:

    cold     empty state: every source fetched (200), parsed where it may mention
             the watch, facts and alerts written
    warm     nothing changed on the server: every source answers 304
    changed  10% of the sources changed (a feed's new item, a page's edited
             paragraph) since the previous cycle; the rest answer 304

Each phase is measured as a whole process: wall (time.perf_counter), CPU
(user+sys, from getrusage(RUSAGE_CHILDREN) deltas) and peak RSS (/usr/bin/time,
or a tiny wrapper reporting its own child's getrusage). Medians of --runs runs.
With --compare-urlwatch, urlwatch 2.29 is installed into a throwaway venv and
run on the same fixture in the same run, and the issue's targets are judged as
ratios to it. --history K runs K cycles with 10% changes each and compares a
warm cycle on the state they leave with one on the state of the first warm cycles
(both kept as snapshots, measured in alternation, so that the machine's load
cancels out), and the state file's size after them with after the cold cycle.

    .venv/bin/python bench/cycle.py                          # N = 100, 1000; 3 runs
    .venv/bin/python bench/cycle.py --compare-urlwatch
    .venv/bin/python bench/cycle.py --sizes 1000 --latency-ms 50 --compare-urlwatch
    .venv/bin/python bench/cycle.py --sizes 1000 --history 100

Loopback only; every loop is bounded in count and in time (--max-seconds); the
server, subprocesses and temporary directories are stopped and removed here.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixture import THEMES, NewsSite  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PHASES = ("cold", "warm", "changed")
CHANGED_FRACTION = 0.10
PRIME_SOURCES = 40  # the unmeasured cycle before the first measured one (Bench.prime)
URLWATCH_VERSION = "2.29"
GNU_TIME = "/usr/bin/time"
MB = 1024 * 1024

# The targets at N = 1,000, as (label, tool metric, limit) ratios to urlwatch.
RATIO_TARGETS = [
    ("warm CPU", "warm", "cpu", 0.4),
    ("10% changed CPU", "changed", "cpu", 0.5),
    ("cold wall", "cold", "wall", 1.0),
    ("cold CPU", "cold", "cpu", 1.0),
]
# Issue 18's, on the shared fixture (--fixture shared): a cold cycle on titles whose
# words are common, at 1,000 sources; and at 10,000, peak RSS and cost.
SHARED_RATIO_TARGETS = [
    ("cold CPU", "cold", "cpu", 0.6),
    ("warm CPU", "warm", "cpu", 0.2),
    ("10% changed CPU", "changed", "cpu", 0.3),
]
SHARED_RSS_LIMITS_MB = {1000: 60, 10000: 150}
SHARED_SCALE = (10000, 11.0)  # 10,000 sources cost at most 11x 1,000
LATENCY_TARGET = ("warm wall, server latency >= 50 ms", "warm", "wall", 0.4)
RSS_LIMITS_MB = {1000: 100, 5000: 150}
SCALE_LIMIT = 5.5  # 5,000 sources cost at most 5.5x 1,000
HISTORY_LIMIT = 1.1  # a warm cycle after many cycles costs at most 1.1x the first
STATE_GROWTH_LIMIT = 2.0  # the state after K cycles of 10% changes, vs after the cold cycle
HISTORY_METHOD = (
    "warm cycles in alternating pairs, each on a new copy of a snapshot: the state of the "
    "first warm cycles (site at generation 0) and the state after K cycles of 10% changes "
    "(site at generation K); every source answers 304 to both; value = median per-pair "
    "CPU ratio"
)

# Run by the measured command when /usr/bin/time is missing: it has exactly one
# child, so its RUSAGE_CHILDREN maxrss is that child's peak, not the max of all.
WRAPPER = (
    "import json, resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(json.dumps({'code': code, 'maxrss_kb': r.ru_maxrss}))\n"
    "sys.exit(code)\n"
)


@dataclass
class Sample:
    """One measured process."""

    wall: float
    cpu: float
    rss_mb: float
    code: int
    requests: int  # requests the fixture server saw during the run (robots.txt included)
    not_modified: int
    summary: str = ""  # the tool's last stderr line (releasewatch: "checked N sources ...")


@dataclass
class Cell:
    tool: str
    n: int
    phase: str
    samples: list[Sample] = field(default_factory=list)

    def median(self, metric: str) -> float | None:
        values = [getattr(s, metric) for s in self.samples if s.code == 0]
        return statistics.median(values) if values else None


class OutOfTime(Exception):
    """--max-seconds has passed: the remaining runs are skipped, and the table says so."""


class Bench:
    def __init__(self, args: argparse.Namespace, workdir: Path):
        self.args = args
        self.workdir = workdir
        self.deadline = time.monotonic() + args.max_seconds
        self.cells: dict[tuple[str, int, str], Cell] = {}
        self.notes: list[str] = []
        self.releasewatch = Path(sys.executable).parent / "releasewatch"
        self.urlwatch: Path | None = None
        self.env = _clean_env(workdir)
        self.time_tool = GNU_TIME if os.access(GNU_TIME, os.X_OK) else None

    # -- measuring one process ------------------------------------------------

    def measure(self, command: list[str], site: NewsSite, label: str) -> Sample:
        """Run `command` to completion (bounded) and measure it as a whole process."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise OutOfTime
        timeout = min(self.args.run_timeout, remaining)
        report = self.workdir / "rusage.txt"
        report.unlink(missing_ok=True)
        if self.time_tool:
            wrapped = [self.time_tool, "-f", "%M", "-o", str(report), *command]
        else:
            wrapped = [sys.executable, "-c", WRAPPER, str(report), *command]
        stderr_path = self.workdir / "stderr.txt"
        requests_before, not_modified_before = site.requests, site.not_modified
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        with open(os.devnull, "wb") as devnull, open(stderr_path, "wb") as stderr:
            process = subprocess.Popen(
                wrapped, stdout=devnull, stderr=stderr, env=self.env, cwd=self.workdir
            )
            try:
                code = process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
                code = -9
                self.notes.append(f"{label}: killed after {timeout:.0f}s")
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        rss_kb = _read_maxrss(report, self.time_tool is not None)
        lines = stderr_path.read_text(errors="replace").strip().splitlines()
        summary = lines[-1][:300] if lines else ""
        if code != 0:
            self.notes.append(f"{label}: exit {code}: {summary}")
        return Sample(
            wall=round(wall, 3),
            cpu=round(cpu, 3),
            rss_mb=round(rss_kb / 1024, 1),
            code=code,
            requests=site.requests - requests_before,
            not_modified=site.not_modified - not_modified_before,
            summary=summary,
        )

    def record(self, tool: str, n: int, phase: str, sample: Sample) -> None:
        self.cells.setdefault((tool, n, phase), Cell(tool, n, phase)).samples.append(sample)
        print(
            f"  {tool:12} N={n:<5} {phase:8} wall {sample.wall:6.2f}s  CPU {sample.cpu:6.2f}s  "
            f"RSS {sample.rss_mb:6.1f} MB  {sample.requests} requests "
            f"({sample.not_modified} x 304)  {sample.summary[:90]}",
            flush=True,
        )

    # -- one tool's cold -> warm -> changed sequence ---------------------------

    def run_sequence(self, tool: str, site: NewsSite, folder: Path, n: int) -> None:
        """cold (empty state), warm (nothing changed), changed (10% changed).

        A phase not asked for with --only still runs, unmeasured, when a later
        one needs the state it leaves."""
        wanted = set(self.args.only or PHASES)
        site.reset()
        command = self._command(tool, folder, fresh=True)
        for phase in PHASES:
            if phase == "warm" and "warm" not in wanted:
                continue  # changed needs only the state a cold cycle leaves
            if phase == "changed":
                if "changed" not in wanted:
                    break
                site.advance(CHANGED_FRACTION)
            sample = self.measure(command, site, f"{tool} N={n} {phase}")
            if phase in wanted:
                self.record(tool, n, phase, sample)

    def _command(self, tool: str, folder: Path, *, fresh: bool) -> list[str]:
        if tool == "releasewatch":
            if fresh:
                for name in ("state.db", "state.db-wal", "state.db-shm"):
                    (folder / name).unlink(missing_ok=True)
            return [str(self.releasewatch), "check", "--config", str(folder / "config.yaml")]
        assert self.urlwatch is not None
        if fresh:
            (folder / "cache.db").unlink(missing_ok=True)
        return [
            str(self.urlwatch),
            "--urls",
            str(folder / "urls.yaml"),
            "--config",
            str(folder / "urlwatch.yaml"),
            "--hooks",
            str(folder / "hooks.py"),  # absent on purpose: no hooks
            "--cache",
            str(folder / "cache.db"),
        ]

    # -- sizes ----------------------------------------------------------------

    def prime(self) -> None:
        """One unmeasured cold cycle of each tool over a small site, before any measured
        one. releasewatch keeps its compiled patterns in its cache directory
        (scraper/patterns.py), as .pyc files keep compiled modules: an installed copy has
        them from its first run on, a cold cycle for a new watch included. The harness's
        home is new, so without this its first measured cycle wrote them (0.3-1 CPU-s
        more under load, bench/README.md's eighth and ninth cycle passes), and with three
        runs that run made the median the slower of the other two. urlwatch gets the same
        unmeasured cycle, so neither tool's first run differs."""
        site = NewsSite(PRIME_SOURCES, theme=THEMES[self.args.fixture])
        folder = self.workdir / "prime"
        folder.mkdir()
        site.start()
        try:
            write_releasewatch_config(folder, site, self.args.concurrency)
            tools = ["releasewatch"]
            if self.urlwatch is not None:
                write_urlwatch_files(folder, site)
                tools.append("urlwatch")
            for tool in tools:
                self.measure(self._command(tool, folder, fresh=True), site, f"{tool} prime")
        finally:
            site.stop()

    def run_size(self, n: int) -> None:
        started = time.perf_counter()
        site = NewsSite(n, latency_ms=self.args.latency_ms, theme=THEMES[self.args.fixture])
        hits, total = site.mentions()
        watched = ", ".join(title for title, _ in site.theme.watches)
        print(
            f"N={n}: {site.theme.name} fixture rendered in {time.perf_counter() - started:.1f}s, "
            f"{hits}/{total} documents mention {watched}",
            flush=True,
        )
        folder = self.workdir / f"n{n}"
        folder.mkdir()
        site.start()
        try:
            write_releasewatch_config(folder, site, self.args.concurrency)
            if self.urlwatch is not None:
                write_urlwatch_files(folder, site)
            for run in range(1, self.args.runs + 1):
                print(f" run {run}/{self.args.runs}", flush=True)
                self.run_sequence("releasewatch", site, folder, n)
                if self.urlwatch is not None:
                    self.run_sequence("urlwatch", site, folder, n)
        finally:
            site.stop()

    # -- history ----------------------------------------------------------------

    def run_history(self, n: int, cycles: int) -> dict:
        """A warm cycle on the state of the first warm cycles vs on the state after
        `cycles` cycles of 10% changes, measured in alternation on copies of both."""
        folder = self.workdir / f"history{n}"
        folder.mkdir()
        out: dict = {"n": n, "cycles": cycles, "method": HISTORY_METHOD}
        snapshots = {"fresh": folder / "fresh.db", "history": folder / "history.db"}
        site = NewsSite(n, latency_ms=self.args.latency_ms)
        self._history_lineage(site, cycles, folder, snapshots, out)
        # The site at generation 0 answers 304 to every source of the fresh state; the
        # lineage's site (now at generation `cycles`) to every source of the other.
        sites = {"fresh": NewsSite(n, latency_ms=self.args.latency_ms), "history": site}
        out["pairs"] = self._history_pairs(n, folder, snapshots, sites, site.port)
        _summarise_history(out)
        print(_history_line(out), flush=True)
        return out

    def _history_lineage(
        self, site: NewsSite, cycles: int, folder: Path, snapshots: dict[str, Path], out: dict
    ) -> None:
        """cold, 3 warm, snapshot "fresh"; `cycles` x 10% changes, 3 warm, snapshot
        "history"; the state's size after cold and after the changes."""
        n = len(site.sources)
        state = folder / "state.db"
        site.start()
        try:
            write_releasewatch_config(folder, site, self.args.concurrency)
            command = self._command("releasewatch", folder, fresh=True)
            out["cold"] = asdict(self.measure(command, site, f"history N={n} cold"))
            out["state_bytes_after_cold"] = _state_bytes(state)
            first = [self.measure(command, site, "history first warm") for _ in range(3)]
            out["first_warm"] = [asdict(s) for s in first]
            _snapshot(state, snapshots["fresh"])
            out["changed_cycles"] = []
            for cycle in range(1, cycles + 1):
                site.advance(CHANGED_FRACTION)
                sample = self.measure(command, site, f"history cycle {cycle}")
                size = _state_bytes(state)
                out["changed_cycles"].append({**asdict(sample), "state_bytes": size})
                if cycle % 10 == 0 or cycle == cycles:
                    print(
                        f"  history cycle {cycle}/{cycles}: CPU {sample.cpu:.2f}s "
                        f"wall {sample.wall:.2f}s state {size / MB:.2f} MB",
                        flush=True,
                    )
            out["state_bytes_after_cycles"] = _state_bytes(state)
            # As many warm cycles as before the fresh snapshot, so that both snapshots
            # are the state of a 4th warm cycle in a row (not of one right after changes).
            last = [self.measure(command, site, "history last warm") for _ in range(3)]
            out["last_warm"] = [asdict(s) for s in last]
            _snapshot(state, snapshots["history"])
        finally:
            site.stop()

    def _history_pairs(
        self,
        n: int,
        folder: Path,
        snapshots: dict[str, Path],
        sites: dict[str, NewsSite],
        port: int,
    ) -> list[dict]:
        """--history-pairs pairs of warm cycles, fresh and history in alternating order
        (ABBA, so neither always runs second), each on a new copy of its snapshot: a
        warm cycle writes (every source's row, the heartbeat), and must not change what
        the next run of its kind measures."""
        run_folder = folder / "run"
        run_folder.mkdir()
        # Both sites are served on the lineage's port: the states hold the sources' URLs,
        # and a source whose URL changed is fetched without its validators.
        write_releasewatch_config(run_folder, sites["history"], self.args.concurrency)
        command = self._command("releasewatch", run_folder, fresh=True)
        pairs: list[dict] = []
        total = self.args.history_pairs
        try:
            for index in range(total):
                order = ("fresh", "history") if index % 2 == 0 else ("history", "fresh")
                pair: dict = {"order": list(order)}
                for kind in order:
                    _restore(snapshots[kind], run_folder / "state.db")
                    sample = self._measure_served(command, sites[kind], port, f"history {kind}")
                    pair[kind] = asdict(sample)
                    pair[f"{kind}_valid"] = _all_not_modified(sample, n)
                pair["ratio"] = _pair_ratio(pair)
                pairs.append(pair)
                ratio = f"{pair['ratio']:.3f}x" if pair["ratio"] else "invalid (see notes)"
                print(
                    f"  history pair {index + 1}/{total} ({order[0]} first): fresh CPU "
                    f"{pair['fresh']['cpu']:.2f}s, history CPU {pair['history']['cpu']:.2f}s "
                    f"-> {ratio}",
                    flush=True,
                )
                for kind in order:
                    if not pair[f"{kind}_valid"]:
                        self.notes.append(
                            f"history pair {index + 1} {kind}: not a warm cycle of {n} 304s "
                            f"({pair[kind]['not_modified']} x 304, exit {pair[kind]['code']}: "
                            f"{pair[kind]['summary'][:80]}); pair left out"
                        )
        except OutOfTime:
            self.notes.append(
                f"--max-seconds {self.args.max_seconds:g} passed after {len(pairs)} of "
                f"{total} history pairs"
            )
        except OSError as exc:  # the port was taken between two runs: nothing to compare on
            self.notes.append(f"history pairs stopped after {len(pairs)}: port {port}: {exc}")
        return pairs

    def _measure_served(self, command: list[str], site: NewsSite, port: int, label: str) -> Sample:
        site.start(port)
        try:
            return self.measure(command, site, label)
        finally:
            site.stop()

    # -- urlwatch -------------------------------------------------------------

    def install_urlwatch(self) -> None:
        venv = self.workdir / "urlwatch-venv"
        print(f"installing urlwatch=={URLWATCH_VERSION} into a throwaway venv ...", flush=True)
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", str(venv)],
                check=True,
                capture_output=True,
                timeout=120,
            )
            subprocess.run(
                [str(venv / "bin" / "pip"), "install", "-q", f"urlwatch=={URLWATCH_VERSION}"],
                check=True,
                capture_output=True,
                timeout=600,
                env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            last = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(exc)]
            self.notes.append(f"urlwatch not installed ({last[0]}): no ratios")
            print(f"urlwatch could not be installed: {last[0]}; continuing without ratios")
            return
        self.urlwatch = venv / "bin" / "urlwatch"

    # -- reporting ------------------------------------------------------------

    def table(self) -> str:
        rows = [
            f"{'tool':12} {'N':>5} {'phase':8} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>11} "
            f"{'runs':>4}  requests (x 304)"
        ]
        for (tool, n, phase), cell in sorted(
            self.cells.items(),
            key=lambda kv: (kv[0][1], kv[0][0] != "releasewatch", PHASES.index(kv[0][2])),
        ):
            ok = [s for s in cell.samples if s.code == 0]
            if not ok:
                rows.append(f"{tool:12} {n:>5} {phase:8} {'failed':>7}")
                continue
            rows.append(
                f"{tool:12} {n:>5} {phase:8} {cell.median('wall'):7.2f} {cell.median('cpu'):7.2f} "
                f"{max(s.rss_mb for s in ok):11.1f} {len(ok):>4}  "
                f"{ok[-1].requests} ({ok[-1].not_modified})"
            )
        return "\n".join(rows)

    def ratios(self) -> dict[int, dict[str, float]]:
        out: dict[int, dict[str, float]] = {}
        for n in self.args.sizes:
            for phase in PHASES:
                for metric in ("wall", "cpu"):
                    ours = self._median("releasewatch", n, phase, metric)
                    theirs = self._median("urlwatch", n, phase, metric)
                    if ours is not None and theirs:
                        out.setdefault(n, {})[f"{phase} {metric}"] = round(ours / theirs, 3)
                # Each run's releasewatch and urlwatch cycles are seconds apart, so the
                # median of the runs' own ratios cancels more of the machine's load
                # drifting between runs than the ratio of the two medians does.
                paired = self._paired_cpu(n, phase)
                if paired:
                    out.setdefault(n, {})[f"{phase} cpu, median of runs"] = round(
                        statistics.median(paired), 3
                    )
        return out

    def _paired_cpu(self, n: int, phase: str) -> list[float]:
        """releasewatch's CPU over urlwatch's, run by run (both exit 0)."""
        ours = self.cells.get(("releasewatch", n, phase))
        theirs = self.cells.get(("urlwatch", n, phase))
        if ours is None or theirs is None:
            return []
        return [
            a.cpu / b.cpu
            for a, b in zip(ours.samples, theirs.samples, strict=False)
            if a.code == 0 and b.code == 0 and b.cpu > 0
        ]

    def targets(self, history: dict | None) -> list[dict]:
        """The issue's acceptance targets, each PASS, FAIL or n/a with why."""
        results = []
        ratios = self.ratios().get(1000, {})

        def add(label: str, value: float | None, limit: float, unit: str, why: str = "") -> None:
            if value is None:
                results.append({"target": label, "status": "n/a", "why": why})
            else:
                status = "PASS" if value <= limit else "FAIL"
                results.append(
                    {
                        "target": label,
                        "status": status,
                        "value": value,
                        "limit": limit,
                        "unit": unit,
                    }
                )

        no_ratio = (
            "not measured at N=1000 with --compare-urlwatch" if not ratios else "phase not run"
        )
        shared = self.args.fixture == "shared"
        for label, phase, metric, limit in SHARED_RATIO_TARGETS if shared else RATIO_TARGETS:
            add(
                f"N=1000 {label} vs urlwatch", ratios.get(f"{phase} {metric}"), limit, "x", no_ratio
            )
        if shared:
            self._shared_targets(add)
            return results
        label, phase, metric, limit = LATENCY_TARGET
        if self.args.latency_ms >= 50:
            add(
                f"N=1000 {label} vs urlwatch", ratios.get(f"{phase} {metric}"), limit, "x", no_ratio
            )
        else:
            add(f"N=1000 {label} vs urlwatch", None, limit, "x", "run with --latency-ms 50")
        for n, limit_mb in RSS_LIMITS_MB.items():
            peaks = [
                s.rss_mb
                for phase in PHASES
                for s in self.cells.get(("releasewatch", n, phase), Cell("", 0, "")).samples
                if s.code == 0
            ]
            add(
                f"N={n} peak RSS",
                max(peaks) if peaks else None,
                limit_mb,
                "MB",
                f"N={n} not measured",
            )
        for phase in PHASES:
            small = self._median("releasewatch", 1000, phase, "cpu")
            big = self._median("releasewatch", 5000, phase, "cpu")
            add(
                f"{phase} CPU at N=5000 vs N=1000",
                round(big / small, 2) if big and small else None,
                SCALE_LIMIT,
                "x",
                "needs --sizes 1000,5000",
            )
        if history:
            add(
                f"warm CPU after {history['cycles']} cycles vs first warm (N={history['n']}, "
                f"median of {len(history['warm_cpu_pair_ratios'])} alternating pairs)",
                history.get("warm_cpu_ratio"),
                HISTORY_LIMIT,
                "x",
                "no valid pair (see notes)",
            )
            add(
                f"state file after {history['cycles']} cycles vs after cold",
                history.get("state_growth"),
                STATE_GROWTH_LIMIT,
                "x",
            )
        else:
            add(
                "warm CPU after 100 cycles vs first warm",
                None,
                HISTORY_LIMIT,
                "x",
                "run with --history 100",
            )
        return results

    def _shared_targets(self, add) -> None:  # noqa: ANN001 (targets' local helper)
        for n, limit_mb in SHARED_RSS_LIMITS_MB.items():
            peaks = [
                s.rss_mb
                for phase in PHASES
                for s in self.cells.get(("releasewatch", n, phase), Cell("", 0, "")).samples
                if s.code == 0
            ]
            add(f"N={n} peak RSS", max(peaks) if peaks else None, limit_mb, "MB", "not measured")
        big_n, limit = SHARED_SCALE
        for phase in PHASES:
            small = self._median("releasewatch", 1000, phase, "cpu")
            big = self._median("releasewatch", big_n, phase, "cpu")
            add(
                f"{phase} CPU at N={big_n} vs N=1000",
                round(big / small, 2) if big and small else None,
                limit,
                "x",
                f"needs --sizes 1000,{big_n}",
            )

    def _median(self, tool: str, n: int, phase: str, metric: str) -> float | None:
        cell = self.cells.get((tool, n, phase))
        return cell.median(metric) if cell else None


# -- where a cold cycle's time goes ---------------------------------------------------

# Stages of a cycle as the functions that do them (cumulative CPU, summed over threads):
# (stage, [(file suffix, function name)], stages whose time is inside and is taken out).
STAGES = [
    ("fetch", [("fetch/fetcher.py", "_fetch")], ["decode"]),
    ("decode", [("fetch/decode.py", "decode_body")], []),
    # A body's; then, in a feed that may name a watch, its entries' raw XML in one scan
    # (spans_naming) and the words of those that may (mentioned).
    (
        "pre-filter",
        [("parse/prefilter.py", "mentioned"), ("parse/prefilter.py", "spans_naming")],
        [],
    ),
    (
        "parse",
        [
            ("parse/documents.py", "pending_documents"),
            ("parse/documents.py", "read"),
            ("parse/documents.py", "words"),
            # An entry's identity and fingerprint, worked out when first asked for.
            ("parse/documents.py", "key"),
            ("parse/documents.py", "fingerprint"),
            ("sources/document.py", "verify"),
            ("sources/document.py", "_verify_feed"),
        ],
        [],
    ),
    ("extract", [("scraper/cycle.py", "_extract_into")], []),
    (
        "state",
        [
            ("scraper/cycle.py", "_apply"),
            ("scraper/cycle.py", "_stored_states"),
            ("store/feed_entries.py", "known_entries"),
        ],
        [],
    ),
]


def profile_cycle(args: argparse.Namespace, workdir: Path) -> dict:
    """One cold (or, with --profile-phase warm, warm: after an unprofiled cold one in a
    process of its own) `releasewatch check` in this process under cProfile, every
    thread (the fetch pool's too) with its own profiler on its own CPU clock, merged:
    the shares of fetch, decode, pre-filter, parse, extract and state in the cycle's CPU."""
    import cProfile
    import pstats
    import threading

    n = args.sizes[-1]
    site = NewsSite(n, theme=THEMES[args.fixture])
    folder = workdir / "profile"
    folder.mkdir()
    profilers: list[cProfile.Profile] = []
    lock = threading.Lock()
    original_run = threading.Thread.run

    def profiled_run(thread: threading.Thread) -> None:
        profiler = cProfile.Profile(time.thread_time)
        with lock:
            profilers.append(profiler)
        profiler.runcall(original_run, thread)

    phase = args.profile_phase
    site.start()
    try:
        config = write_releasewatch_config(folder, site, args.concurrency)
        env = _clean_env(workdir)
        if phase == "warm":  # the state a cold cycle leaves, written by its own process
            releasewatch_script = Path(sys.executable).parent / "releasewatch"
            compile_project()
            subprocess.run(
                [str(releasewatch_script), "check", "--config", str(config)],
                env=env, cwd=workdir, check=True, timeout=args.run_timeout,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        os.environ.update({k: v for k, v in env.items() if "proxy" in k.lower()})
        from scraper.cli.main import main as releasewatch

        threading.Thread.run = profiled_run  # type: ignore[method-assign]
        main_profiler = cProfile.Profile(time.thread_time)
        started = time.process_time()
        try:
            with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
                code = main_profiler.runcall(releasewatch, ["check", "--config", str(config)])
        finally:
            threading.Thread.run = original_run  # type: ignore[method-assign]
        process_cpu = time.process_time() - started
    finally:
        site.stop()
    stats = pstats.Stats(main_profiler)
    for profiler in profilers:
        stats.add(profiler)
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in table.values())

    def cumulative(functions: list[tuple[str, str]]) -> float:
        return sum(
            ct
            for (path, _, name), (_, _, _, ct, _) in table.items()
            for suffix, wanted in functions
            if name == wanted and path.endswith(suffix)
        )

    own = {stage: cumulative(functions) for stage, functions, _ in STAGES}
    shares = {}
    for stage, _, inside in STAGES:
        shares[stage] = own[stage] - sum(own[other] for other in inside)
    shares["start-up, config, the rest"] = total - sum(shares.values())
    out = {
        "n": n,
        "fixture": args.fixture,
        "phase": phase,
        "exit": code,
        "profiled_cpu": round(total, 3),
        "process_cpu": round(process_cpu, 3),
        "stages": {k: round(v, 3) for k, v in shares.items()},
    }
    print(f"\n{phase} cycle profile, N={n}, fixture {args.fixture} (exit {code}):")
    for stage, seconds in shares.items():
        print(f"  {stage:28} {seconds:6.2f}s  {100 * seconds / total:5.1f}%")
    print(f"  {'total (profiled, all threads)':28} {total:6.2f}s  (process CPU {process_cpu:.2f}s)")
    top = sorted(table.items(), key=lambda kv: kv[1][2], reverse=True)[:15]
    print("  largest own times:")
    for (path, line, name), (_, _, tt, ct, _) in top:
        print(f"    {tt:6.2f}s own {ct:6.2f}s cum  {Path(path).name}:{line} {name}")
    return out


# -- files the tools read ----------------------------------------------------------


def write_releasewatch_config(folder: Path, site: NewsSite, concurrency: int = 16) -> Path:
    lines = [
        f"state: {folder / 'state.db'}",
        "schedule:",
        "  interval: 30m",
        "  jitter: 0s",
        "http:",
        "  timeout: 20s",
        f"  concurrency: {concurrency}",
        "  per_host_delay: 0s  # every source is on 127.0.0.1: no politeness wait on loopback",
        "  respect_robots: true",
        "watches:",
    ]
    for title, season in site.theme.watches:
        lines += [f"  - title: {title}", f"    season: {season}"]
    lines += [
        "sources:",
    ]
    for source in site.sources:
        lines += [
            f"  - name: {source.name}",
            f"    url: {site.url(source.path)}",
            f"    type: {source.kind}",
        ]
    lines += ["notifiers:", "  - name: console", "    type: console"]
    path = folder / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def write_urlwatch_files(folder: Path, site: NewsSite) -> None:
    """urls.yaml (feeds through html2text; pages through css:article, then html2text)
    and a config whose only reporter is stdout (sent to /dev/null by the harness)."""
    jobs = []
    for source in site.sources:
        job = [f"name: {source.name}", f"url: {site.url(source.path)}"]
        if source.kind == "feed":
            job += ["filter:", "  - html2text"]
        else:
            job += ["filter:", "  - css: article", "  - html2text"]
        jobs.append("\n".join(job))
    (folder / "urls.yaml").write_text("\n---\n".join(jobs) + "\n")
    # urlwatch merges this over its defaults, in which every other reporter is off.
    (folder / "urlwatch.yaml").write_text(
        "display:\n  new: true\n  error: true\n  unchanged: false\n"
        "report:\n  stdout:\n    enabled: true\n    color: false\n"
        "  email:\n    enabled: false\n"
    )


# -- helpers -----------------------------------------------------------------------


def compile_project() -> None:
    """Byte-compile releasewatch's own modules, as `pip install .` does for an installed
    package (and did for urlwatch and every dependency in both venvs). An editable
    install has no .pyc files until Python writes them, and with PYTHONDONTWRITEBYTECODE
    set it never does: each measured process would compile ~60 modules from source
    (0.15-0.3 CPU-s a cycle), a cost no installed copy pays."""
    import compileall

    for package in ("scraper", "notifiers"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def _clean_env(workdir: Path) -> dict[str, str]:
    """No proxies (loopback must stay loopback); urlwatch's config and cache dirs in
    the temp dir, so nothing of the user's is read or written."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["HOME"] = str(workdir / "home")
    env["XDG_CONFIG_HOME"] = str(workdir / "home" / ".config")
    env["XDG_CACHE_HOME"] = str(workdir / "home" / ".cache")
    (workdir / "home").mkdir(exist_ok=True)
    return env


def _read_maxrss(report: Path, gnu_time: bool) -> float:
    try:
        text = report.read_text().strip()
    except OSError:
        return 0.0
    if gnu_time:
        # "%M" alone; a killed child adds a "Command terminated" line before it.
        last = text.splitlines()[-1] if text else "0"
        return float(last) if last.isdigit() else 0.0
    try:
        return float(json.loads(text)["maxrss_kb"])
    except (ValueError, KeyError):
        return 0.0


def _state_bytes(state: Path) -> int:
    total = 0
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{state}{suffix}")
        if path.exists():
            total += path.stat().st_size
    return total


def _snapshot(state: Path, copy: Path) -> None:
    """A consistent one-file copy of the state, its WAL's pages included (SQLite's backup
    API), page for page as laid out; taken between checks, so no writer is running."""
    copy.unlink(missing_ok=True)
    source = sqlite3.connect(state)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _restore(snapshot: Path, state: Path) -> None:
    """`state` becomes a fresh copy of `snapshot`, with no WAL or shared memory left over."""
    for suffix in ("-wal", "-shm", ""):
        Path(f"{state}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(snapshot, state)


def _all_not_modified(sample: Sample, n: int) -> bool:
    """A warm cycle as meant: it exited 0 and every one of the n sources answered 304."""
    return sample.code == 0 and sample.not_modified == n


def _pair_ratio(pair: dict) -> float | None:
    if not (pair["fresh_valid"] and pair["history_valid"]) or not pair["fresh"]["cpu"]:
        return None
    return round(pair["history"]["cpu"] / pair["fresh"]["cpu"], 3)


def _summarise_history(out: dict) -> None:
    """Medians of the valid pairs, the per-pair ratios and their median (the target's
    value), and the state's growth."""
    valid = [p for p in out["pairs"] if p["ratio"] is not None]
    ratios = [p["ratio"] for p in valid]
    out["warm_cpu_pair_ratios"] = ratios
    out["warm_cpu_ratio"] = round(statistics.median(ratios), 3) if ratios else None
    for kind in ("fresh", "history"):
        cpus = [p[kind]["cpu"] for p in valid]
        out[f"{kind}_warm_cpu_median"] = round(statistics.median(cpus), 3) if cpus else None
    fresh, history = out["fresh_warm_cpu_median"], out["history_warm_cpu_median"]
    out["warm_cpu_ratio_of_medians"] = round(history / fresh, 3) if fresh and history else None
    # Minutes apart on a shared machine: load, not history; kept to show how far they drift.
    for name in ("first_warm", "last_warm"):
        out[f"{name}_sequential_cpu_median"] = statistics.median(s["cpu"] for s in out[name])
    sizes = [c["state_bytes"] for c in out["changed_cycles"]]
    out["state_growth"] = round(sizes[-1] / out["state_bytes_after_cold"], 3) if sizes else None
    half = len(sizes) // 2
    if half:
        out["state_bytes_per_cycle_second_half"] = round(
            (sizes[-1] - sizes[half - 1]) / (len(sizes) - half)
        )


def _history_line(out: dict) -> str:
    ratios = " ".join(f"{r:.3f}" for r in out["warm_cpu_pair_ratios"]) or "none"
    fresh, history = out["fresh_warm_cpu_median"], out["history_warm_cpu_median"]
    medians = (
        f"{fresh:.2f}s fresh state, {history:.2f}s after {out['cycles']} cycles"
        if fresh and history
        else "no valid pairs"
    )
    after = out["changed_cycles"][-1]["state_bytes"] if out["changed_cycles"] else 0
    return (
        f"history N={out['n']}: warm CPU, medians of {len(out['warm_cpu_pair_ratios'])} "
        f"alternating pairs: {medians}; per-pair ratios {ratios}; median ratio "
        f"{_times(out['warm_cpu_ratio'])} (limit {HISTORY_LIMIT}x); state "
        f"{out['state_bytes_after_cold'] / MB:.2f} MB after cold -> {after / MB:.2f} MB "
        f"({_times(out['state_growth'])}, limit {STATE_GROWTH_LIMIT}x)"
    )


def _times(ratio: float | None) -> str:
    return "n/a" if ratio is None else f"{ratio:.3f}x"


def machine() -> dict[str, str | int]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    with contextlib.suppress(OSError, IndexError):
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 0,
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "commit": commit,
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure one `releasewatch check` cycle over N local sources.",
    )
    parser.add_argument(
        "--sizes",
        default="100,1000",
        type=lambda s: [int(x) for x in s.split(",") if x.strip()],
        help="numbers of sources, comma-separated (default 100,1000; '' with --history: none)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per phase (median)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="server latency per request")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=16,
        help="releasewatch's http.concurrency (default 16, SPEC's example; urlwatch keeps 10)",
    )
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        metavar="K",
        help="also run K cycles with 10%% changes each and compare warm cycles on the state "
        "before and after them",
    )
    parser.add_argument(
        "--history-pairs",
        type=int,
        default=7,
        help="alternating fresh/history warm-cycle pairs for --history (median; default 7)",
    )
    parser.add_argument("--history-size", type=int, default=1000, help="N for --history")
    parser.add_argument("--compare-urlwatch", action="store_true")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of measuring: one cold cycle in this process under cProfile (all "
        "threads), at the last of --sizes, and each stage's share of it",
    )
    parser.add_argument(
        "--profile-phase",
        choices=("cold", "warm"),
        default="cold",
        help="the cycle --profile profiles: cold (default) or warm (after a cold one)",
    )
    parser.add_argument(
        "--fixture",
        choices=sorted(THEMES),
        default="default",
        help="default: one watch, Heartstopper (a rare word); shared: Savage Empire and "
        "Wednesday, whose words other shows' names and dates use too (issue 18)",
    )
    parser.add_argument("--only", action="append", choices=PHASES, help="measure only this phase")
    parser.add_argument("--json", type=Path, help="default bench/results/cycle-<date>.json")
    parser.add_argument(
        "--max-seconds", type=float, default=3600.0, help="skip what is left after this long"
    )
    parser.add_argument(
        "--run-timeout", type=float, default=600.0, help="kill one check after this long"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.runs > 50:
        parser.error("--runs must be 1..50")
    if args.concurrency < 1 or args.concurrency > 256:
        parser.error("--concurrency must be 1..256")
    if args.history < 0 or args.history > 1000:
        parser.error("--history must be 0..1000")
    if args.history_pairs < 5 or args.history_pairs > 50:
        parser.error("--history-pairs must be 5..50")
    if (not args.sizes and not args.history) or (
        args.sizes and (min(args.sizes) < 1 or max(args.sizes) > 20000)
    ):
        parser.error("--sizes must be 1..20000 (empty only with --history)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = datetime.now().astimezone()
    info = machine()
    print(
        f"releasewatch cycle benchmark, {started:%Y-%m-%d %H:%M %Z}; {info['cpu']}, "
        f"{info['cores']} cores; commit {info['commit']}\n"
        f"all sources on one host (127.0.0.1), http.concurrency {args.concurrency}, "
        f"per_host_delay 0s, "
        f"respect_robots true; server latency {args.latency_ms:g} ms; "
        f"changed phase = {CHANGED_FRACTION:.0%} of sources changed; fixture {args.fixture}",
        flush=True,
    )
    workdir = Path(tempfile.mkdtemp(prefix="releasewatch-bench-"))
    if args.profile:
        try:
            profile = profile_cycle(args, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        path = args.json or RESULTS / f"profile-{started:%Y%m%d-%H%M%S}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"date": started.isoformat(), "machine": info, **profile}))
        print(f"written: {path}")
        return 0
    bench = Bench(args, workdir)
    history = None
    try:
        if not bench.releasewatch.exists():
            print(f"no console script at {bench.releasewatch}: pip install -e . first")
            return 1
        compile_project()
        if args.compare_urlwatch:
            bench.install_urlwatch()
        try:
            bench.prime()
            for n in args.sizes:
                bench.run_size(n)
            if args.history:
                history = bench.run_history(args.history_size, args.history)
        except OutOfTime:
            bench.notes.append(f"--max-seconds {args.max_seconds:g} passed: later runs skipped")
        except KeyboardInterrupt:
            bench.notes.append("interrupted: partial results")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print("\nmedians (peak RSS: the largest of the runs)")
    print(bench.table())
    ratios = bench.ratios()
    if ratios:
        print("\nreleasewatch / urlwatch (same run, same fixture)")
        for n, values in ratios.items():
            print(f"  N={n}: " + ", ".join(f"{k} {v:.2f}x" for k, v in values.items()))
    targets = bench.targets(history)
    print("\nissue targets")
    for t in targets:
        if t["status"] == "n/a":
            print(f"  n/a   {t['target']} ({t['why']})")
        else:
            print(
                f"  {t['status']:5} {t['target']}: {t['value']}{t['unit']} "
                f"(limit {t['limit']}{t['unit']})"
            )
    for note in bench.notes:
        print(f"note: {note}")

    path = args.json or RESULTS / f"cycle-{started:%Y%m%d-%H%M%S}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "date": started.isoformat(timespec="seconds"),
        "machine": info,
        "command": " ".join(["bench/cycle.py", *(argv if argv is not None else sys.argv[1:])]),
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "cells": [
            {
                "tool": c.tool,
                "n": c.n,
                "phase": c.phase,
                "median": {m: c.median(m) for m in ("wall", "cpu", "rss_mb")},
                "samples": [asdict(s) for s in c.samples],
            }
            for c in bench.cells.values()
        ],
        "ratios": {str(n): v for n, v in ratios.items()},
        "targets": targets,
        "history": history,
        "notes": bench.notes,
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nwritten: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
