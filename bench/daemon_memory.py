"""Benchmark (not a test): does the daemon's memory stay flat over many cycles?

Runs `releasewatch run` as a subprocess over N local sources (loopback only) with
interval 1s until every source has been checked `--cycles` times (or
`--max-seconds` pass), and samples the daemon's RSS from /proc/<pid>/status
after the first full round (the start: imports, pools and caches warmed up) and
at the end. A tenth of the pages change every second, so parsing and
extraction run too, not only 304s.

    .venv/bin/python bench/daemon_memory.py                 # 100 sources, 300 cycles
    .venv/bin/python bench/daemon_memory.py --sources 20 --cycles 30
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scraper.demo.localsite import LocalSite

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Streaming news {n}</title></head><body><article>
<h1>What is new on streaming, part {n}</h1>
<p>Heartstopper Season 2 is still filming; no release date has been announced yet.</p>
<p>Revision {revision}: other shows, other news.</p>
</article></body></html>"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def write_config(folder: Path, site: LocalSite, sources: int) -> Path:
    lines = [
        f"state: {folder / 'state.db'}",
        "schedule:",
        "  interval: 1s",
        "  jitter: 0s",
        "http:",
        "  timeout: 5s",
        "  per_host_delay: 0s",
        "  respect_robots: false",
        "watches:",
        "  - title: Heartstopper",
        "    season: 2",
        "sources:",
    ]
    for n in range(sources):
        lines += [f"  - name: source {n:03d}", f"    url: {site.url(f'/s/{n}')}"]
    lines += ["notifiers:", "  - name: console", "    type: console"]
    config = folder / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    return config


def keep_changing(site: LocalSite, sources: int, stop: threading.Event) -> None:
    """Every second a different tenth of the pages gets a new revision."""
    revision = 0
    while not stop.wait(1.0):
        revision += 1
        for n in range(revision % 10, sources, 10):
            site.set(f"/s/{n}", PAGE.format(n=n, revision=revision))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=300, help="checks per source to run")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="stop by then anyway")
    args = parser.parse_args()

    stop = threading.Event()
    with LocalSite() as site, tempfile.TemporaryDirectory(prefix="rw-bench-") as tmp:
        folder = Path(tmp)
        for n in range(args.sources):
            site.set(f"/s/{n}", PAGE.format(n=n, revision=0))
        config = write_config(folder, site, args.sources)
        changer = threading.Thread(
            target=keep_changing, args=(site, args.sources, stop), daemon=True
        )
        log = (folder / "daemon.log").open("wb")
        daemon = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scraper",
                "run",
                "--config",
                str(config),
                "--log-level",
                "WARNING",
            ],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        checks = 0
        started = time.monotonic()
        deadline = started + args.max_seconds
        start_rss = peak = None
        samples: list[tuple[int, int]] = []  # (cycles, RSS KiB)
        try:
            changer.start()
            while time.monotonic() < deadline and daemon.poll() is None:
                time.sleep(1.0)
                # take_requests keeps the benchmark's own memory bounded too
                checks += sum(1 for r in site.take_requests() if r.path.startswith("/s/"))
                cycles = checks // args.sources
                rss = rss_kib(daemon.pid)
                if start_rss is None and cycles >= 1:
                    start_rss = rss
                if start_rss is not None:
                    peak = max(peak or 0, rss)
                    if not samples or cycles >= samples[-1][0] + max(args.cycles // 10, 1):
                        samples.append((cycles, rss))
                if cycles >= args.cycles:
                    break
            end_rss = rss_kib(daemon.pid) if daemon.poll() is None else None
        finally:
            stop.set()
            if daemon.poll() is None:
                daemon.send_signal(signal.SIGTERM)
            try:
                code = daemon.wait(20)
            except subprocess.TimeoutExpired:
                daemon.kill()
                code = daemon.wait(20)
            log.close()
            errors = (folder / "daemon.log").read_text(errors="replace").strip()

    elapsed = time.monotonic() - started
    cycles = checks / args.sources
    print(f"sources: {args.sources}, interval: 1s")
    print(
        f"cycles: {cycles:.0f} per source ({checks} checks) in {elapsed:.0f} s "
        f"({checks / elapsed:.1f} checks/s)"
    )
    if start_rss is None or end_rss is None:
        print(f"no RSS figures: the daemon exited early (code {code})")
        print(errors[-2000:])
        return 1
    print(f"RSS after the first round: {start_rss / 1024:.1f} MiB")
    print(f"RSS at the end:            {end_rss / 1024:.1f} MiB (peak {peak / 1024:.1f} MiB)")
    print(f"end / start: {end_rss / start_rss:.3f}")
    print("samples (cycles: MiB): " + ", ".join(f"{c}: {r / 1024:.1f}" for c, r in samples))
    lines = errors.splitlines()
    missed = sum("was missed by" in line for line in lines)
    busy = sum("maximum number of running instances" in line for line in lines)
    print(
        f"daemon exit code after SIGTERM: {code}; log lines at WARNING+: {len(lines)} "
        f"({missed} runs missed, {busy} skipped as still running; >0: fell behind)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
