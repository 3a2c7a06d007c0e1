"""Time on the page in a real browser on loopback: page ready and the first route on screen.

Two versions side by side in one run (default: the commit before gzip responses, and
HEAD), each exported with ``git archive <commit> src`` (``node_modules`` linked beside it
so the page's vendor files are served), with its own knowledge base, served by
``caravan serve`` in a child process on 127.0.0.1. Debian's Chromium (headless, via
Playwright) opens each page in a fresh context (empty cache), runs alternating between
the versions:

- page ready: from navigation start to ``document.body.dataset.ready == "true"``
  (recorded in the page by a mutation observer, on the page's own clock);
- first route: from the click on the route button (Xi'an → Tashkent, the form's defaults
  otherwise) to the first itinerary card (``[data-testid=itinerary] .totals``) in the DOM.

Bytes transferred until the page is ready are the response bodies as sent (compressed or
not), as the browser counted them.

Usage: ``.venv/bin/python benchmarks/browser_timing.py [--before 6bfb66e] [--after HEAD]
[--runs 10] [--record]``; ``--record`` writes the table into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import Browser, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from check_results import record_section

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
SECTION = "browser_timing"
MEASURED = (
    "src/caravan/http/*.py",
    "src/caravan/web/static/*",
    "benchmarks/browser_timing.py",
)
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]

#: Records, on the page's clock, when the page says it is ready and when the first
#: itinerary card appears after a click on the route button.
OBSERVER = """
window.__caravan = {ready: null, click: null, route: null};
new MutationObserver(() => {
  const t = window.__caravan;
  if (t.ready === null && document.body && document.body.dataset.ready === "true") {
    t.ready = performance.now();
  }
  if (t.click !== null && t.route === null
      && document.querySelector("[data-testid=itinerary] .totals")) {
    t.route = performance.now();
  }
}).observe(document, {attributes: true, childList: true, subtree: true});
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("#route-go")) {
    window.__caravan.click = performance.now();
  }
}, true);
"""


class Version:
    """One version of caravan exported from git and served on a free loopback port."""

    def __init__(self, label: str, commit: str, folder: Path) -> None:
        self.label, self.commit = label, commit
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
        env = {**os.environ, "PYTHONPATH": str(folder / "src")}
        kb = folder / "kb.sqlite"
        subprocess.run(
            [sys.executable, "-m", "caravan", "data", "build", "--kb", str(kb)],
            env=env,
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "caravan", "serve", "--kb", str(kb), "--port", str(self.port)],
            env=env,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"{label} ({commit}) did not start serving")
            time.sleep(0.1)
        self.ready_ms: list[float] = []
        self.route_ms: list[float] = []
        self.bytes: list[int] = []

    def measure(self, browser: Browser) -> None:
        """One fresh page: time to ready, then time from the route click to the first card."""
        context = browser.new_context(viewport={"width": 1500, "height": 900})
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.add_init_script(OBSERVER)
        page.goto(self.url)
        page.wait_for_function("window.__caravan.ready !== null", timeout=60_000)
        self.ready_ms.append(page.evaluate("window.__caravan.ready"))
        self.bytes.append(sum(r.sizes()["responseBodySize"] for r in list(finished)))
        page.click("#tabbtn-route")
        page.fill("#route-from", "Xi'an")
        page.fill("#route-to", "Tashkent")
        if page.locator("[data-testid=itinerary] .totals").count():
            raise RuntimeError("an itinerary was on screen before the click")
        page.click("#route-go")
        page.wait_for_function("window.__caravan.route !== null", timeout=60_000)
        self.route_ms.append(page.evaluate("window.__caravan.route - window.__caravan.click"))
        context.close()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def chromium_path() -> str:
    """Debian's Chromium."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("Debian's chromium is not installed: apt-get install chromium")
    return found


def _row(name: str, version: Version, values: Sequence[float], unit: str = "ms") -> str:
    def fmt(value: float) -> str:
        return f"{value:,.0f}" if unit == "ms" else f"{value / 1024:,.0f}"

    return (
        f"| {name} | {version.label} ({version.commit}) | {len(values)} | "
        f"{fmt(statistics.median(values))} | {fmt(min(values))} | {fmt(max(values))} |"
    )


def main() -> None:
    """Measure both versions alternately and print (or record) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="6bfb66e", help="previous version (commit)")
    parser.add_argument("--after", default="HEAD", help="this version (commit)")
    parser.add_argument("--runs", type=int, default=10, help="page loads per version")
    parser.add_argument("--record", action="store_true", help="write into RESULTS.md")
    arguments = parser.parse_args()
    commits = [
        subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", c],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for c in (arguments.before, arguments.after)
    ]
    with tempfile.TemporaryDirectory() as before_dir, tempfile.TemporaryDirectory() as after_dir:
        versions = [
            Version("previous", commits[0], Path(before_dir)),
            Version("this version", commits[1], Path(after_dir)),
        ]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_FLAGS
                )
                for version in versions:  # warm-up: bytecode, snapshot cache, the browser
                    version.measure(browser)
                    version.ready_ms.clear()
                    version.route_ms.clear()
                    version.bytes.clear()
                for _ in range(arguments.runs):
                    for version in versions:
                        version.measure(browser)
                browser.close()
        finally:
            for version in versions:
                version.close()
    command = (
        f"`.venv/bin/python benchmarks/browser_timing.py --before {commits[0]} "
        f"--runs {arguments.runs}` (previous = {commits[0]}, this version = {commits[1]}; "
        "Debian Chromium headless on loopback, fresh context per load, versions alternating)"
    )
    lines = [
        f"Command: {command}",
        "",
        "| measure | version | loads | median | min | max |",
        "|---|---|---|---|---|---|",
    ]
    for version in versions:
        lines.append(_row("page ready (ms)", version, version.ready_ms))
    for version in versions:
        lines.append(_row("first route on screen after the click (ms)", version, version.route_ms))
    for version in versions:
        lines.append(_row("bytes transferred to ready (KiB)", version, version.bytes, "KiB"))
    table = "\n".join(lines)
    print(table)
    if arguments.record:
        record_section(SECTION, table + "\n", MEASURED, commit=commits[1])


if __name__ == "__main__":
    main()
