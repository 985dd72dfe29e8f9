"""What a run shows while it works: a bar on a terminal, plain lines elsewhere, or nothing.

``-q`` shows nothing; by default a terminal gets one progress bar (files/s and the time left,
tqdm) and anything else (a log file, a pipe, CI) one plain line per file; ``-v`` adds each
file's format, seconds and counts, above the bar on a terminal.
"""

from __future__ import annotations

import os
from typing import IO, Any, Protocol

Row = dict[str, Any]
#: Columns and rows of a terminal that does not say its size.
DEFAULT_SIZE = (80, 24)


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def done(self, k: int, path: str, row: Row, outcome: Row) -> None: ...

    def close(self) -> None: ...


class Silent:
    """Shows nothing (``-q``)."""

    def start(self, total: int) -> None:
        """Given the number of files to run, show nothing."""

    def done(self, k: int, path: str, row: Row, outcome: Row) -> None:
        """Given a finished file, show nothing."""

    def close(self) -> None:
        """Show nothing."""


class Lines:
    """One plain line per finished file, for logs and pipes."""

    def __init__(self, stream: IO[str], *, verbose: bool) -> None:
        self.stream, self.verbose, self.total = stream, verbose, 0

    def start(self, total: int) -> None:
        """Given the number of files to run, remember it for the lines."""
        self.total = total

    def done(self, k: int, path: str, row: Row, outcome: Row) -> None:
        """Given a finished file, print its line."""
        print(f"[{k}/{self.total}] {line(path, row, outcome, self.verbose)}", file=self.stream)

    def close(self) -> None:
        """Flush the lines."""
        self.stream.flush()


class Bar:
    """A progress bar with files/s and the time left, on a terminal."""

    def __init__(self, stream: IO[str], *, verbose: bool) -> None:
        self.stream, self.verbose, self.bar = stream, verbose, None

    def start(self, total: int) -> None:
        """Given the number of files to run, draw the bar."""
        from tqdm import tqdm

        cols, rows = size(self.stream)
        self.bar = tqdm(total=total, file=self.stream, unit="file", ncols=cols, nrows=rows)

    def done(self, k: int, path: str, row: Row, outcome: Row) -> None:
        """Given a finished file, advance the bar (and print its line above it with -v)."""
        if self.bar is None:
            return
        if self.verbose or row["status"] == "failed":
            self.bar.write(line(path, row, outcome, self.verbose), file=self.stream)
        self.bar.update(1)

    def close(self) -> None:
        """Remove nothing: leave the finished bar on the screen."""
        if self.bar is not None:
            self.bar.close()


def size(stream: IO[str]) -> tuple[int, int]:
    """Given a terminal's stream, return its columns and rows (80×24 where it reports none, as
    a bare pseudo-terminal does: tqdm would then draw nothing)."""
    try:
        cols, rows = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError):
        cols = rows = 0
    return cols or DEFAULT_SIZE[0], rows or DEFAULT_SIZE[1]


def line(path: str, row: Row, outcome: Row, verbose: bool) -> str:
    """Given a finished file, return its progress line (more detail when verbose)."""
    result = outcome.get("result") or {}
    note = row["error_code"] or f"{len(result.get('validation', []))} findings"
    text = f"{row['status']:<6} {path} ({note})"
    if verbose and result:
        n = {k: len(result.get(k, [])) for k in ("scores", "unit_scores", "tasks")}
        text += (
            f" {result['source']['format']}, {row.get('seconds') or 0:.2f} s, "
            f"{n['scores']} areas, {n['unit_scores']} unit scores, {n['tasks']} tasks"
        )
    elif verbose and row.get("message"):
        text += f" {row['message']}"
    return text


def make_progress(stream: IO[str], *, quiet: bool, verbose: bool) -> Progress:
    """Given the stream and the chosen level, return how the run shows its progress."""
    if quiet:
        return Silent()
    if stream.isatty():
        return Bar(stream, verbose=verbose)
    return Lines(stream, verbose=verbose)
