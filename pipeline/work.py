"""One file's work in a worker: process it and return a plain row (picklable, engine-neutral).

The local pool, dask and Ray all run this function; the batch (``pipeline.batch``) plans the
jobs and accounts for their rows, the engines (``pipeline.engines``) only launch them.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parscore.extractors.errors import IGNORED_CODES, ErrorCode, InputError
from parscore.extractors.limits import Limits

Row = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    path: Path
    sha256: str


def work(path: str, limits: Limits, grade_scale: str | None) -> Row:
    """Given one file, return {"status", "result" | "error_code"+"message", "seconds"}."""
    from parscore.pipeline.process import process_file
    from parscore.pipeline.validate import ladder_override

    start = time.perf_counter()
    try:
        result = process_file(Path(path), limits=limits, ladder=ladder_override(grade_scale))
        row: Row = {"status": "ok", "result": result.to_dict()}
    except InputError as err:
        status = "ignored" if err.code in IGNORED_CODES else "failed"
        row = {"status": status, "error_code": str(err.code), "message": err.message}
    except Exception as err:
        detail = f"{type(err).__name__}: {err}"
        row = {
            "status": "failed",
            "error_code": str(ErrorCode.WORKER_CRASHED),
            "message": InputError(ErrorCode.WORKER_CRASHED, path, detail).message,
            "traceback": traceback.format_exc(),
        }
    row["seconds"] = round(time.perf_counter() - start, 4)
    return row
