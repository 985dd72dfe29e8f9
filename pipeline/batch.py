"""Batch runs: discover → skip what the store holds → workers → store → datasets.

One bad file never stops the run, and every input gets a manifest row saying what
happened to it: ok, failed (with its error code), duplicate (same bytes as an earlier
input) or skipped (its result was taken from the store of an earlier run).
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, as_completed
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.errors import ErrorCode, InputError
from pipeline.settings import RunSettings
from pipeline.sink import DatasetSink
from pipeline.store import ResultStore
from pipeline.work import Job, Row, work

#: Tasks one worker process runs before it is replaced (bounds memory per worker).
TASKS_PER_WORKER = 200


@dataclass(slots=True)
class RunReport:
    """What a run did: the manifest, the notices it wrote, and counts for the summary."""

    sink: DatasetSink | None = None
    manifest: list[Row] = field(default_factory=list)
    notices: dict[str, tuple[str, str]] = field(default_factory=dict)  # sha256 → (id, format)
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, sha: str, result: Row) -> None:
        """Given a parse result, count it and pass its rows to the dataset sink."""
        self.notices[sha] = (result["notice"]["id"], result["source"]["format"])
        self.findings += len(result["validation"])
        self.errors += sum(1 for v in result["validation"] if v["severity"] == "error")
        if self.sink is not None:
            self.sink.add(result)

    @property
    def failures(self) -> int:
        """Return how many inputs failed."""
        return sum(1 for r in self.manifest if r["status"] == "failed")


def discover(inputs: Sequence[Path], out: Path | None = None) -> list[Path]:
    """Given files and folders, return the files under them (hidden ones and OUT excluded)."""
    found: list[Path] = []
    skip = out.resolve() if out is not None else None
    for item in inputs:
        if item.is_file():
            found.append(item)
            continue
        for path in sorted(item.rglob("*")):
            hidden = any(p.startswith(".") for p in path.relative_to(item).parts)
            inside_out = skip is not None and skip in path.resolve().parents
            if path.is_file() and not hidden and not inside_out:
                found.append(path)
    return found


def file_sha256(path: Path) -> str | None:
    """Given a path, return the sha256 of its bytes, or None when unreadable."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def plan(paths: Sequence[Path], store: ResultStore, report: RunReport) -> list[Job]:
    """Given the inputs, record duplicates, unreadable and stored ones; return what to run."""
    seen: dict[str, Path] = {}
    jobs: list[Job] = []
    for path in paths:
        sha = file_sha256(path)
        if sha is None:
            report.manifest.append(
                failed_row(path, "", ErrorCode.CORRUPT_FILE, "cannot read the file")
            )
        elif sha in seen:
            report.manifest.append(
                manifest_row(path, sha, "duplicate", message=f"same bytes as {seen[sha]}")
            )
        elif (stored := store.get(sha)) is not None:
            seen[sha] = path
            report.add(sha, stored)
            report.manifest.append(
                manifest_row(
                    path, sha, "skipped", result=stored, message="result taken from the store"
                )
            )
        else:
            seen[sha] = path
            jobs.append(Job(path=path, sha256=sha))
    return jobs


def manifest_row(
    path: Path,
    sha: str,
    status: str,
    *,
    result: Row | None = None,
    message: str = "",
    seconds: float | None = None,
) -> Row:
    """Given an input and what happened to it, return its manifest row."""
    return {
        "source_path": str(path),
        "sha256": sha,
        "format": result["source"]["format"] if result else None,
        "status": status,
        "error_code": None,
        "message": message or None,
        "notice_id": result["notice"]["id"] if result else None,
        "seconds": seconds,
    }


def failed_row(
    path: Path, sha: str, code: ErrorCode | str, message: str, seconds: float | None = None
) -> Row:
    """Given a failed input, return its manifest row."""
    code = ErrorCode(code)
    if not message.startswith(str(path)):
        message = InputError(code, str(path), message).message
    row = manifest_row(path, sha, "failed", message=message, seconds=seconds)
    return {**row, "error_code": str(code)}


def run_jobs(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, Row]]:
    """Given jobs, yield (job, outcome) as the configured engine finishes them."""
    if settings.engine == "local":
        yield from run_local(jobs, settings)
        return
    from pipeline import engines

    yield from {"dask": engines.run_dask, "ray": engines.run_ray}[settings.engine](jobs, settings)


def run_local(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, Row]]:
    """Given jobs, run them on a local process pool with a per-file time limit."""
    from pebble import ProcessExpired, ProcessPool

    scale = str(settings.grade_scale) if settings.grade_scale else None
    with ProcessPool(max_workers=settings.workers, max_tasks=TASKS_PER_WORKER) as pool:
        futures: dict[Future[Row], Job] = {
            pool.schedule(
                work, args=(str(j.path), settings.limits, scale), timeout=settings.limits.timeout
            ): j
            for j in jobs
        }
        for future in as_completed(futures):
            job = futures.pop(future)  # drop the result with it: memory stays flat
            try:
                yield job, future.result()
            except FutureTimeout:
                yield job, failure(ErrorCode.TIMEOUT, f"more than {settings.limits.timeout:g} s")
            except ProcessExpired as err:
                yield (
                    job,
                    failure(ErrorCode.WORKER_CRASHED, f"worker exited with code {err.exitcode}"),
                )


def failure(code: ErrorCode, message: str) -> Row:
    """Given an error code and a detail, return a failed outcome."""
    return {"status": "failed", "error_code": str(code), "message": message}


def record(report: RunReport, store: ResultStore, job: Job, outcome: Row) -> Row:
    """Given a finished job, store its result and add its manifest row; return the row."""
    seconds = outcome.get("seconds")
    if outcome["status"] == "ok":
        result = outcome["result"]
        store.put(job.sha256, result)
        report.add(job.sha256, result)
        row = manifest_row(job.path, job.sha256, "ok", result=result, seconds=seconds)
    else:
        row = failed_row(job.path, job.sha256, outcome["error_code"], outcome["message"], seconds)
    report.manifest.append(row)
    return row


def run(settings: RunSettings, progress: Any = None) -> RunReport:
    """Given settings, process every input, write the datasets, and return the report."""
    start = time.perf_counter()
    progress = progress or sys.stderr
    store = ResultStore(settings.out)
    if settings.fresh:
        store.clear()
    sink = DatasetSink(settings.out)
    report = RunReport(sink=sink)
    jobs = plan(discover(settings.inputs, settings.out), store, report)
    for k, (job, outcome) in enumerate(run_jobs(jobs, settings), start=1):
        row = record(report, store, job, outcome)
        if not settings.quiet:
            note = (
                row["error_code"]
                or f"{len(outcome.get('result', {}).get('validation', []))} findings"
            )
            print(f"[{k}/{len(jobs)}] {row['status']:<6} {job.path} ({note})", file=progress)
    fill_duplicates(report)
    report.manifest.sort(key=lambda r: r["source_path"])
    sink.append("manifest", report.manifest)
    sink.finish(bom=settings.bom)
    report.seconds = time.perf_counter() - start
    return report


def fill_duplicates(report: RunReport) -> None:
    """Given a finished run, give duplicate rows the notice and format of their original."""
    for row in report.manifest:
        if row["status"] == "duplicate" and row["sha256"] in report.notices:
            row["notice_id"], row["format"] = report.notices[row["sha256"]]
