"""Drive Debian's headless Chromium: dump a page's rendered DOM, or take a screenshot of it.

Used by tests/test_report.py; also runnable by hand:
``python tools/browser.py report.html shot.png`` (prints the DOM when no PNG is given).
Each call starts one Chromium with a throw-away profile and no network services, and kills
its whole process group if it outlives the timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_NAMES = ("chromium", "chromium-browser")
INSTALL_HINT = (
    "Chromium is not installed: run `sh tools/install-chromium.sh` as root "
    "(or `sudo apt-get install -y chromium`)"
)
TIMEOUT_S = 60.0
WINDOW = (1280, 2000)
STDERR_TAIL_LINES = 5
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
)


class BrowserError(RuntimeError):
    """Chromium failed, timed out, or wrote nothing."""


def find_chromium() -> Path | None:
    """Return Debian's Chromium, else a Chromium on PATH, else None."""
    if DEBIAN_CHROMIUM.is_file() and os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    found = (shutil.which(name) for name in CHROMIUM_NAMES)
    return next((Path(p) for p in found if p), None)


def require_chromium() -> Path:
    """Return the Chromium executable, or raise BrowserError with the install hint."""
    exe = find_chromium()
    if exe is None:
        raise BrowserError(INSTALL_HINT)
    return exe


def stderr_tail(stderr: str) -> str:
    """Given Chromium's stderr, return its last lines (the ones that say what went wrong)."""
    return "\n".join(stderr.strip().splitlines()[-STDERR_TAIL_LINES:])


def run_chromium(args: Sequence[str], page: Path, timeout: float = TIMEOUT_S) -> str:
    """Given extra flags and a local page, run headless Chromium on it and return its stdout."""
    with tempfile.TemporaryDirectory(prefix="chromium-", ignore_cleanup_errors=True) as profile:
        cmd = [str(require_chromium()), *FLAGS, f"--user-data-dir={profile}", *args]
        proc = subprocess.Popen(
            [*cmd, page.resolve().as_uri()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise BrowserError(f"chromium took over {timeout:.0f} s on {page}") from exc
    if proc.returncode != 0:
        raise BrowserError(f"chromium exited {proc.returncode} on {page}: {stderr_tail(err)}")
    return out


def dump_dom(page: Path, timeout: float = TIMEOUT_S) -> str:
    """Given a local HTML page, return the DOM Chromium built from it, serialised."""
    dom = run_chromium(["--dump-dom"], page, timeout)
    if "<html" not in dom:
        raise BrowserError(f"chromium dumped no DOM for {page}")
    return dom


def screenshot(
    page: Path, png: Path, size: tuple[int, int] = WINDOW, timeout: float = TIMEOUT_S
) -> Path:
    """Given a local HTML page, a PNG path and a window size, save a screenshot; return it."""
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    width, height = size
    run_chromium(
        [f"--screenshot={png.resolve()}", f"--window-size={width},{height}"], page, timeout
    )
    if not png.is_file():
        raise BrowserError(f"chromium wrote no screenshot of {page} to {png}")
    return png


def main(argv: Sequence[str]) -> int:
    """Given a page and an optional PNG path, print the DOM or save the screenshot."""
    if len(argv) not in (1, 2):
        print("usage: python tools/browser.py PAGE.html [SHOT.png]", file=sys.stderr)
        return 2
    try:
        if len(argv) == 2:
            print(screenshot(Path(argv[0]), Path(argv[1])))
        else:
            print(dump_dom(Path(argv[0])))
    except BrowserError as err:
        print(f"browser: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
