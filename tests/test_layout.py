"""The layout holds: stages import only stages below them, nothing imports itself in a
circle, every module imports on its own, and the fetcher loads no notifier (nor smtplib).

Module-level imports only: an import inside a function is a deliberate late load, and
one under `if TYPE_CHECKING:` is for annotations and never runs.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The pipeline, lowest first: a module may import its own stage or a lower one.
# config reads the source kinds' declarations, and the cycle, daemon and CLI read config.
STAGES: tuple[tuple[str, ...], ...] = (
    ("scraper", "scraper.models", "scraper.errors", "scraper.logs"),
    ("scraper.fetch",),
    ("scraper.parse",),
    ("scraper.sources",),
    ("scraper.config",),
    ("scraper.extract",),
    ("scraper.facts",),
    ("scraper.store",),
    ("scraper.cycle", "scraper.deliver", "scraper.calendar", "notifiers"),
    ("scraper.runtime",),
    ("scraper.cli", "scraper.demo", "scraper.__main__"),
)


def _module_files() -> dict[str, Path]:
    modules = {}
    for package in ("scraper", "notifiers"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


MODULES = _module_files()


def stage_of(module: str) -> int:
    """The stage of the longest prefix that names the module or a package holding it."""
    best, rank = -1, -1
    for index, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank >= 0, f"{module} belongs to no stage: add it to STAGES"
    return rank


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level_imports(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: not in functions or classes,
    and not under `if TYPE_CHECKING:` (its `else:` does run)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _top_level_imports(node.body)
            found += _top_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found += _top_level_imports(block)
            for handler in node.handlers:
                found += _top_level_imports(handler.body)
        elif isinstance(node, ast.With):
            found += _top_level_imports(node.body)
    return found


def imports_of(module: str) -> set[str]:
    """The project modules `module` imports when it is imported."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in _top_level_imports(tree.body):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
            continue
        base = node.module or ""
        if node.level:  # relative: from the package, up level - 1
            anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            # `from scraper.parse import feeds` imports the module scraper.parse.feeds.
            names.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {name for name in names if name in MODULES and name != module}


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_belongs_to_a_stage():
    for module in MODULES:
        stage_of(module)


def test_no_module_imports_a_module_of_a_higher_stage():
    upward = [
        f"{module} (stage {stage_of(module)}) imports {target} (stage {stage_of(target)})"
        for module, targets in GRAPH.items()
        if module.startswith("scraper")
        for target in sorted(targets)
        if stage_of(target) > stage_of(module)
    ]
    assert upward == []


def test_there_is_no_import_cycle():
    cycles: list[str] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


def test_the_check_sees_a_cycle_and_an_upward_import():
    # The checks above pass on an empty graph too: make sure they read real imports.
    assert "scraper.parse.feeds" in GRAPH["scraper.parse.documents"]
    assert "scraper.sources.registry" in GRAPH["scraper.config.settings"]
    assert "scraper.fetch.fetcher" not in GRAPH["scraper.sources.base"]  # TYPE_CHECKING only
    assert "scraper.extract.dates" not in GRAPH["scraper.parse.metadata"]  # in a function
    assert stage_of("scraper.fetch.fetcher") < stage_of("scraper.parse.pages")
    assert stage_of("scraper.cli.main") > stage_of("scraper.runtime.daemon")


def _import_alone(module: str, *, forbidden: tuple[str, ...] = ()) -> str:
    """'' when `module` imports in a fresh interpreter and loads none of `forbidden`."""
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"loaded = [m for m in {forbidden!r} if m in sys.modules]\n"
        "if loaded: sys.exit(f'loaded {loaded}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    if result.returncode == 0:
        return ""
    return f"{module}: {(result.stderr.strip().splitlines() or ['?'])[-1]}"


def test_every_module_imports_on_its_own():
    # A fresh interpreter each: an import cycle that happens to work in one order fails here.
    modules = [m for m in MODULES if m != "scraper.__main__"]  # runs the CLI when imported
    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = [problem for problem in pool.map(_import_alone, modules) if problem]
    assert failures == []


@pytest.mark.parametrize("module", ["scraper.fetch.fetcher", "scraper.cycle"])
def test_fetching_loads_no_notifier_and_no_smtplib(module):
    assert _import_alone(module, forbidden=("notifiers", "smtplib")) == ""


def test_the_notifier_kinds_load_no_smtp_client_until_one_sends():
    # Every check loads every kind for its config; most configs send no email.
    assert _import_alone("notifiers", forbidden=("smtplib", "ssl", "email.message")) == ""


def test_a_warm_check_never_imports_the_extractor_nor_the_parsers(tmp_path) -> None:
    """A cycle where every source answers 304 reads nothing: it must not pay for
    importing what reads (the extractor, lxml, cssselect, the pre-filter), nor what only
    a notifier's first send needs: requests for a webhook with nothing to send, and
    importlib.metadata (its User-Agent; importing requests imports it too)."""
    from scraper.demo.localsite import LocalSite, Page

    with LocalSite() as site:
        site.pages["/news"] = Page(
            b"<html><head><title>Heartstopper season 2</title></head><body><article>"
            b"<p>Heartstopper season 2 premieres on 3 August 2023.</p></article></body></html>"
        )
        config = tmp_path / "config.yaml"
        config.write_text(
            f"state: {tmp_path / 'state.db'}\nhttp:\n  per_host_delay: 0s\n"
            "watches:\n  - title: Heartstopper\n    season: 2\n    notify: [out]\n"
            f"sources:\n  - name: news\n    url: {site.url('/news')}\n"
            "notifiers:\n  - name: out\n    type: console\n"
            "  - name: hook\n    type: webhook\n    url: http://127.0.0.1:9/hook\n"
        )
        code = (
            "import sys\nfrom scraper.cli.main import main\n"
            f"code = main(['check', '--config', {str(config)!r}])\n"
            "readers = ('scraper.extract', 'lxml', 'cssselect', 'scraper.parse.prefilter',"
            " 'requests', 'importlib.metadata')\n"
            "loaded = [m for m in readers if m in sys.modules]\n"
            "print('LOADED', loaded, code)\n"
        )
        runs = [
            subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=60, cwd=tmp_path)
            for _ in range(2)
        ]
    cold, warm = (run.stdout.splitlines()[-1] for run in runs)
    assert "'scraper.extract'" in cold  # the first check reads the page
    assert warm == "LOADED [] 0", runs[1].stderr
