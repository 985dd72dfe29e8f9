"""Batch runs: discover → skip what the store holds → workers → store → datasets.

One bad file never stops the run, and every input gets a manifest row saying what
happened to it: ok, failed (with its error code), duplicate (same bytes as an earlier
input) or skipped (its result was taken from the store of an earlier run).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parscore.extractors import readers_named
from parscore.extractors.errors import ErrorCode, InputError, OutputError
from parscore.pipeline.progress import make_progress
from parscore.pipeline.settings import Patterns, RunSettings
from parscore.pipeline.spool import RowSpool
from parscore.pipeline.store import ResultStore
from parscore.pipeline.work import Job, Row

if TYPE_CHECKING:
    from parscore.pipeline.sink import DatasetSink

#: Files that together mark a parscore output folder.
OUTPUT_MARK, MANIFEST = "datapackage.json", "manifest.jsonl"
#: No --include or --exclude: every file found is an input.
EVERY_FILE = Patterns()


@dataclass(slots=True)
class RunReport:
    """What a run did: the manifest of its inputs, its notices, and counts for the summary;
    ``archive`` is the whole output folder's manifest after it (every input ever added)."""

    manifest: list[Row] = field(default_factory=list)
    archive: list[Row] = field(default_factory=list)
    notices: dict[str, tuple[str, str]] = field(default_factory=dict)  # sha256 → (id, format)
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, sha: str, result: Row) -> None:
        """Given a parse result of this run, count it."""
        self.notices[sha] = (result["notice"]["id"], result["source"]["format"])
        self.findings += len(result["validation"])
        self.errors += sum(1 for v in result["validation"] if v["severity"] == "error")

    @property
    def failures(self) -> int:
        """Return how many inputs failed."""
        return sum(1 for r in self.manifest if r["status"] == "failed")


def discover(
    inputs: Sequence[Path], out: Path | None = None, patterns: Patterns = EVERY_FILE
) -> list[Path]:
    """Given files and folders, return the files under them (hidden ones and OUT excluded,
    --include/--exclude applied inside folders), each once: a file named twice ("run dir
    dir/x.html") is one input, under its first name."""
    found: dict[str, Path] = {}
    for path in named_files(inputs, out, patterns):
        found.setdefault(os.path.normpath(path.absolute()), path)
    return list(found.values())


def named_files(inputs: Sequence[Path], out: Path | None, patterns: Patterns) -> Iterator[Path]:
    """Given files and folders, yield the files they name, folders searched recursively;
    parscore's own output folders (OUT, and any other found) are never inputs."""
    for item in inputs:
        if item.is_file():
            yield item  # named on the command line: always an input
            continue
        outputs = output_folders(item) | ({out.resolve()} if out is not None else set())
        for path in sorted(item.rglob("*")):
            rel = path.relative_to(item)
            hidden = any(p.startswith(".") for p in rel.parts)
            inside_out = not outputs.isdisjoint(path.resolve().parents)
            if path.is_file() and not hidden and not inside_out and patterns.admit(rel):
                yield path


def output_folders(folder: Path) -> set[Path]:
    """Given a folder, return the parscore output folders in it (itself included): those
    holding the datasets' datapackage.json beside their manifest."""
    found = {p.parent for p in folder.rglob(OUTPUT_MARK) if (p.parent / MANIFEST).is_file()}
    return {p.resolve() for p in found}


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


def plan(
    paths: Sequence[Path], store: ResultStore, report: RunReport, *, fresh: bool = False
) -> list[Job]:
    """Given the inputs, record duplicates, unreadable and stored ones (none with ``fresh``:
    every input is parsed again); return what to run."""
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
        elif not fresh and (stored := store.get(sha)) is not None:
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
    path: Path,
    sha: str,
    code: ErrorCode | str,
    message: str,
    seconds: float | None = None,
    status: str = "failed",
) -> Row:
    """Given an input that gave no notice (failed, or ignored on purpose), return its row."""
    code = ErrorCode(code)
    if not message.startswith(str(path)):
        message = InputError(code, str(path), message).message
    row = manifest_row(path, sha, status, message=message, seconds=seconds)
    return {**row, "error_code": str(code)}


def run_jobs(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, Row]]:
    """Given jobs, yield (job, outcome) as the configured engine finishes them."""
    if settings.engine == "local":
        yield from run_local(jobs, settings)
        return
    from parscore.pipeline import engines

    yield from {"dask": engines.run_dask, "ray": engines.run_ray}[settings.engine](jobs, settings)


def run_local(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, Row]]:
    """Given jobs, run them on local worker processes, each kept for many files, under the
    per-file time limit (pipeline.guard)."""
    from parscore.pipeline.guard import run_guards

    scale = str(settings.grade_scale) if settings.grade_scale else None
    yield from run_guards(jobs, settings.workers, settings.limits, scale)


def record(
    report: RunReport, store: ResultStore, job: Job, outcome: Row, spool: RowSpool | None = None
) -> Row:
    """Given a finished job, store its result (and spool its dataset rows) and add its
    manifest row; return the row."""
    seconds = outcome.get("seconds")
    if outcome["status"] == "ok":
        result = outcome["result"]
        stored = store.put(job.sha256, result)
        if spool is not None:
            spool.add(stored, str(job.path))
        report.add(job.sha256, result)
        row = manifest_row(job.path, job.sha256, "ok", result=result, seconds=seconds)
    else:
        code, message, status = outcome["error_code"], outcome["message"], outcome["status"]
        row = failed_row(job.path, job.sha256, code, message, seconds, status)
    report.manifest.append(row)
    return row


def run(settings: RunSettings, progress: Any = None) -> RunReport:
    """Given settings, process every input, write the datasets, and return the report.

    Ctrl-C stops the workers at once: what finished is kept in the store (the next run takes
    it from there), the part files go, and KeyboardInterrupt reaches the caller. An output
    that cannot be written raises OutputError naming it.
    """
    start = time.perf_counter()
    inputs = discover(settings.inputs, settings.out, settings.patterns)
    store = open_output(settings)
    report = RunReport()
    sink: DatasetSink | None = None
    spool = RowSpool(settings.out)
    try:
        start_early(settings, len(inputs), readers_named(inputs))
        jobs = plan(inputs, store, report, fresh=settings.fresh)
        # The datasets' writers (pyarrow, the panel) load while the workers read the files.
        warm = threading.Thread(target=warm_imports, name="parscore-warm", daemon=True)
        warm.start()
        run_and_record(jobs, settings, report, store, progress or sys.stderr, spool)
        warm.join()
        sink = open_sink(settings.out, spool)
        finish(report, store, sink, settings)
    except BaseException as err:
        if sink is not None:
            sink.abort()
        if isinstance(err, OSError) and writing_to(settings.out, err):
            raise OutputError.from_os(str(settings.out), err) from err
        raise
    finally:
        spool.discard()
        if settings.engine == "local" and "parscore.pipeline.guard" in sys.modules:
            sys.modules["parscore.pipeline.guard"].close_idle()  # an early one left unused
    report.seconds = time.perf_counter() - start
    return report


def start_early(settings: RunSettings, inputs: int, readers: Sequence[str] = ()) -> None:
    """Given settings, the number of inputs (and the format readers their names call for),
    start the local run's workers now when it will read at least that many files (--fresh:
    every input but a duplicate is read): they import the readers while the inputs are
    hashed (a PDF's: numpy and pdfium, a fifth of a second a worker, else taken at the first
    PDF, while the run waits). A run that may take every result from the store starts them
    once it knows it reads something."""
    if settings.engine == "local" and settings.fresh and inputs:
        from parscore.pipeline.guard import prestart

        prestart(min(settings.workers, inputs), readers)


def warm_imports() -> None:
    """Import what writing the datasets needs (pyarrow and the panel: a few tenths of a
    second; never pandas); one that fails here fails again, with its message, where the run
    needs it."""
    with contextlib.suppress(ImportError):
        import pyarrow.json
        import pyarrow.parquet  # noqa: F401

        from parscore.pipeline import archive, sink  # noqa: F401


def open_output(settings: RunSettings) -> ResultStore:
    """Given settings, create OUT and return its store; raise OutputError if unusable."""
    out = settings.out
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "it is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        return ResultStore(out)
    except OSError as err:
        raise OutputError.from_os(str(out), err) from err


def open_sink(out: Path, spool: RowSpool | None = None) -> DatasetSink:
    """Given OUT (and the run's spooled rows), return the sink that writes its datasets."""
    from parscore.pipeline.sink import DatasetSink

    return DatasetSink(out, spool)


def writing_to(out: Path, err: OSError) -> bool:
    """Given OUT and an OS error of the run, return whether it came from writing OUT."""
    if err.filename is None or err.errno == errno.ENOSPC:
        return True  # a failed write names no file; a full disk is the output's
    return out.resolve() in Path(os.fsdecode(err.filename)).resolve().parents


def run_and_record(
    jobs: Sequence[Job],
    settings: RunSettings,
    report: RunReport,
    store: ResultStore,
    out: Any,
    spool: RowSpool | None = None,
) -> None:
    """Given the jobs, run them, store, spool and record each outcome, and show progress on
    `out`."""
    progress = make_progress(out, quiet=settings.quiet, verbose=settings.verbose)
    progress.start(len(jobs))
    try:
        for k, (job, outcome) in enumerate(run_jobs(jobs, settings), start=1):
            row = record(report, store, job, outcome, spool)
            progress.done(k, str(job.path), row, outcome)
    finally:
        progress.close()


def finish(
    report: RunReport, store: ResultStore, sink: DatasetSink, settings: RunSettings
) -> None:
    """Given a run whose jobs are done, merge it into the archive and write every dataset
    from the store, in a stable order."""
    from parscore.pipeline import archive

    fill_duplicates(report)
    report.manifest.sort(key=lambda r: r["source_path"])
    archived = {} if settings.replace else archive.load(store)
    report.archive = archive.merge(archived, report.manifest)
    for result in archive.notices(store, report.archive, taken=sink.add_spooled):
        sink.add(result)
    sink.append("manifest", report.archive)
    sink.finish(bom=settings.bom)
    archive.save(store, report.archive)


def fill_duplicates(report: RunReport) -> None:
    """Given a finished run, give duplicate rows the notice and format of their original."""
    for row in report.manifest:
        if row["status"] == "duplicate" and row["sha256"] in report.notices:
            row["notice_id"], row["format"] = report.notices[row["sha256"]]
