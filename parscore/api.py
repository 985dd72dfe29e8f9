"""The library's three calls: parse one file, run a batch, read an output folder's tables."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parscore.extractors.errors import UsageError
from parscore.pipeline.batch import RunReport
from parscore.pipeline.datasets import TABLES
from parscore.pipeline.process import Result as ParsedNotice
from parscore.pipeline.settings import Patterns, RunSettings

if TYPE_CHECKING:
    import pandas as pd

StrPath = str | os.PathLike[str]

__all__ = ["ParsedNotice", "RunReport", "parse", "read", "run"]


def parse(path: StrPath, *, grade_scale: StrPath | None = None) -> ParsedNotice:
    """Given a file (str or Path), return its validated notice: ``.notice`` is the frozen
    record, ``.to_dict()`` the JSON object of ``parscore parse --json``. Raises InputError
    (with its code and advice) when the file cannot be read."""
    from parscore.pipeline.process import process_file
    from parscore.pipeline.validate import ladder_override

    source = Path(path)
    if not source.is_file():
        raise UsageError(f"input not found: {source}")
    ladder = ladder_override(str(grade_scale) if grade_scale else None)
    return process_file(source, ladder=ladder)


def run(
    paths: StrPath | Iterable[StrPath],
    *,
    out: StrPath = "output",
    workers: int = 2,
    engine: str = "local",
    fresh: bool = False,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    **options: Any,
) -> RunReport:
    """Given files or folders, process them into the datasets in ``out`` (as ``parscore run``,
    without progress output) and return the run's report: its manifest rows, notices and
    counts. Further options are RunSettings fields (``strict``, ``bom``, ``limits`` …)."""
    from parscore.pipeline.batch import run as run_batch

    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    settings = RunSettings(
        inputs=tuple(Path(p) for p in items),
        out=Path(out),
        workers=workers,
        engine=engine,
        fresh=fresh,
        quiet=True,
        patterns=Patterns(include=tuple(include), exclude=tuple(exclude)),
        **options,
    )
    return run_batch(settings)


def read(out: StrPath = "output") -> dict[str, pd.DataFrame]:
    """Given an output folder, return every dataset table as a pandas DataFrame, by name."""
    import pandas as pd

    folder = Path(out)
    missing = [t for t in TABLES if not (folder / f"{t}.parquet").is_file()]
    if missing:
        raise UsageError(f"{folder} holds no datasets ({missing[0]}.parquet): run parscore first")
    return {t: pd.read_parquet(folder / f"{t}.parquet") for t in TABLES}
