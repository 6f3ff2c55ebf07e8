"""Extractor throughput over the labeled corpus: pages/s and ms per page.

    .venv/bin/python bench/extract.py [--rounds N]

Times parse_documents + extract_documents per corpus document (the daemon's
work for a changed body that mentions a watch), and may_mention alone on the
same bodies against a watch none of them names (the cost of an unrelated page).
The extractor remembers its answers about a sentence across documents
(scraper/extract/memo.py): they are forgotten before each round, so a round
measures reading the documents, not remembering the round before.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from scraper.extract import extract_documents, forget, may_mention
from scraper.models import Watch
from scraper.parse.documents import parse_documents

CASES = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "cases"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = []
    for case_dir in sorted(CASES.iterdir()):
        if not (case_dir / "case.yaml").exists():
            continue
        case = yaml.safe_load((case_dir / "case.yaml").read_text())
        spec = case["watch"]
        watch = Watch(spec["title"], spec.get("season"), tuple(spec.get("aliases") or ()))
        text = next(case_dir.glob("doc.*")).read_text(encoding="utf-8")
        work.append((text, case["url"], watch))
    total_bytes = sum(len(text) for text, _, _ in work)

    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        forget()  # (within a round, documents that share a sentence share its answers)
        for text, url, watch in work:
            extract_documents(parse_documents(text, url), watch)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    pages = len(work) * args.rounds
    # (CPU time too: on a shared, loaded machine the wall clock measures the load)
    print(
        f"full extract: {pages / elapsed:.0f} pages/s, {1000 * elapsed / pages:.2f} ms/page "
        f"({len(work)} documents, {total_bytes / len(work) / 1024:.0f} KB average); "
        f"CPU {1000 * cpu / pages:.2f} ms/page"
    )

    unrelated = [Watch("Zyxwvut Chronicles", 1)]
    start = time.perf_counter()
    for _ in range(args.rounds):
        for text, _, _ in work:
            may_mention(text, unrelated)
    elapsed = time.perf_counter() - start
    print(f"may_mention on unrelated pages: {1000 * elapsed / pages:.3f} ms/page")


if __name__ == "__main__":
    main()
