#!/usr/bin/env python3
"""Score the extractor on a labeled case folder (tests/corpus/FORMAT.md), as a black box.

Standalone script, not a pytest test:

    .venv/bin/python tests/heldout_score.py [--src CHECKOUT] [--strict] [CASES_DIR ...]
                                                    # default CASES_DIR: tests/corpus/heldout

Each case runs through the real CLI entry point (`releasewatch extract --title ... [--season N]
[--alias A ...] --url URL PATH`, in-process through scraper.cli.main.main).
Scoring follows FORMAT.md:
a case's release date is right when the expected (date, precision) is the FIRST release_date finding
(or both are absent); trailers compare as sets of normalized URLs (YouTube by video id). Prints
release-date precision/recall/F1, trailer precision/recall/F1, exact-case accuracy and every
miss with the evidence sentences the extractor gave. Exit status is 0 always unless --strict is
given (then 1 on
any miss).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import yaml

HERE = Path(__file__).resolve().parent
cli_main = None  # scraper.cli.main.main, imported in main() after --src is known

YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def normalize(url: str) -> str:
    """YouTube links by video id; anything else as given (scheme/host lowercased, no final /)."""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    vid = None
    if host in ("youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            vid = (parse_qs(parsed.query).get("v") or [None])[0]
        else:
            m = re.match(r"^/(?:embed|v|shorts|live)/([^/?#]+)", parsed.path)
            vid = m.group(1) if m else None
    elif host == "youtu.be":
        vid = parsed.path.lstrip("/").split("/")[0] or None
    if vid and YT_ID.match(vid):
        return f"https://www.youtube.com/watch?v={vid}"
    return url.strip().rstrip("/")


def run_case(case_dir: Path) -> tuple[dict, dict]:
    case = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
    watch = case["watch"]
    doc = next(p for p in sorted(case_dir.glob("doc.*")))
    argv = ["extract", "--title", str(watch["title"])]
    if watch.get("season") is not None:
        argv += ["--season", str(watch["season"])]
    for alias in watch.get("aliases") or ():
        argv += ["--alias", str(alias)]
    argv += ["--url", case["url"], str(doc)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli_main(argv)
        except SystemExit as exc:  # argparse errors
            rc = exc.code
    if rc != 0:
        return case, {"error": f"exit {rc}: {err.getvalue().strip()}", "findings": []}
    try:
        return case, json.loads(out.getvalue())
    except json.JSONDecodeError as exc:
        return case, {"error": f"bad JSON ({exc}): {out.getvalue()[:200]!r}", "findings": []}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def short(text: str | None, n: int = 220) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score(folder: Path) -> bool:
    cases = sorted(p for p in folder.iterdir() if (p / "case.yaml").exists())
    d_tp = d_fp = d_fn = 0
    t_tp = t_fp = t_fn = 0
    exact = 0
    misses: list[str] = []
    for case_dir in cases:
        case, result = run_case(case_dir)
        findings = result.get("findings") or []
        dates = [f for f in findings if f.get("kind") == "release_date"]
        got = (str(dates[0]["date"]), dates[0]["precision"]) if dates else None
        rd = case["expect"].get("release_date")
        want = (str(rd["date"]), rd["precision"]) if rd else None
        if got is not None and got == want:
            d_tp += 1
        else:
            d_fp += got is not None
            d_fn += want is not None
        got_tr = {normalize(f["url"]): f for f in findings if f.get("kind") == "trailer"}
        want_tr = {normalize(u) for u in case["expect"].get("trailers") or ()}
        t_tp += len(set(got_tr) & want_tr)
        t_fp += len(set(got_tr) - want_tr)
        t_fn += len(want_tr - set(got_tr))
        ok = got == want and set(got_tr) == want_tr and "error" not in result
        exact += ok
        if ok:
            continue
        lines = [f"MISS {case_dir.name}"]
        if "error" in result:
            lines.append(f"    error: {result['error']}")
        if got != want:
            lines.append(f"    release_date: expected {want}, got {got}")
            for i, f in enumerate(dates):
                lines.append(
                    f"      got[{i}] {f['date']} {f['precision']}: {short(f.get('evidence'))!r}"
                )
        if set(got_tr) != want_tr:
            for u in sorted(want_tr - set(got_tr)):
                lines.append(f"    trailer missed: {u}")
            for u in sorted(set(got_tr) - want_tr):
                lines.append(
                    f"    trailer extra:  {u}  evidence: {short(got_tr[u].get('evidence'))!r}"
                )
        lines.append(f"    why: {short(case.get('why'), 300)}")
        misses.append("\n".join(lines))
    dp, dr, df = prf(d_tp, d_fp, d_fn)
    tp_, tr_, tf = prf(t_tp, t_fp, t_fn)
    n = len(cases)
    print(f"== {folder} ({n} cases)")
    print(
        f"release date: precision {dp:.3f}  recall {dr:.3f}  F1 {df:.3f}"
        f"   (tp {d_tp}, fp {d_fp}, fn {d_fn})"
    )
    print(
        f"trailers:     precision {tp_:.3f}  recall {tr_:.3f}  F1 {tf:.3f}"
        f"   (tp {t_tp}, fp {t_fp}, fn {t_fn})"
    )
    print(f"exact cases:  {exact}/{n} = {exact / n if n else 1.0:.3f}")
    for m in misses:
        print(m)
    print()
    return not misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[HERE / "corpus" / "heldout"])
    ap.add_argument("--strict", action="store_true", help="exit 1 when any case misses")
    ap.add_argument(
        "--src",
        type=Path,
        default=HERE.parent,
        help="project checkout to import scraper from (default: this tree), "
        "e.g. a `git archive HEAD` copy",
    )
    args = ap.parse_args()
    global cli_main
    sys.path.insert(0, str(args.src.resolve()))
    from scraper.cli.main import main as imported_main

    cli_main = imported_main
    all_ok = True
    for folder in args.folders:
        all_ok &= score(folder)
    return 0 if all_ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
