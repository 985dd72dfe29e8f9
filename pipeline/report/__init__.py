"""`parscore report`: one self-contained HTML page of an output folder's datasets.

The page inlines its CSS and SVG charts and loads nothing (a Content-Security-Policy forbids
it), so it opens offline and can be mailed as one file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from parscore.pipeline.report.load import load_archive
from parscore.pipeline.report.page import render
from parscore.pipeline.writers import atomic_write

__all__ = ["write_report"]


def write_report(out: Path, target: Path) -> Path:
    """Given an output folder of `parscore run` and a target file, write the report there."""
    page = render(load_archive(out))
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, partial(write_text, page))
    return target


def write_text(text: str, path: Path) -> None:
    """Given a text and a path, write the text there as UTF-8."""
    path.write_text(text, encoding="utf-8")
