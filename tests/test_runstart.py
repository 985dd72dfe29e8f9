"""The run's start: a --fresh local run starts its workers before it hashes the inputs, takes
them for its files, and ends any it did not need; a run that may take every result from the
store starts none before it knows it reads something."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parscore.extractors import readers_named
from parscore.extractors.limits import Limits
from parscore.pipeline import guard
from parscore.pipeline.batch import start_early
from parscore.pipeline.cli import main
from parscore.pipeline.settings import RunSettings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "seed-568-tb-sxd.txt"


def settings(tmp_path: Path, *, fresh: bool, workers: int = 2) -> RunSettings:
    return RunSettings(inputs=(SAMPLE,), out=tmp_path / "out", workers=workers, fresh=fresh)


def test_a_fresh_run_starts_its_workers_early_and_takes_them(tmp_path: Path) -> None:
    start_early(settings(tmp_path, fresh=True), inputs=1)  # one input: one worker of two
    try:
        [early] = guard._IDLE
        [taken, new] = guard.claim(2)
        assert taken is early and taken.proc is not None and new.proc is None
        assert guard._IDLE == []
    finally:
        early.end()


def test_a_run_that_may_read_nothing_starts_no_worker_early(tmp_path: Path) -> None:
    start_early(settings(tmp_path, fresh=False), inputs=3)
    start_early(settings(tmp_path, fresh=True), inputs=0)
    assert guard._IDLE == []


def test_a_worker_started_early_and_not_needed_is_ended(tmp_path: Path) -> None:
    # Two inputs of the same bytes: two workers start early, one file is read.
    twin = tmp_path / "in" / "twin.txt"
    twin.parent.mkdir()
    twin.write_bytes(SAMPLE.read_bytes())
    started: list[guard.Guard] = []
    prestart = guard.prestart

    def recording(count: int, preload: Sequence[str] = ()) -> None:
        prestart(count, preload)
        started.extend(guard._IDLE)

    guard.prestart = recording  # type: ignore[assignment]
    try:
        out = tmp_path / "out"
        args = ["run", str(SAMPLE), str(twin), "--out", str(out), "--fresh", "--workers", "2"]
        assert main([*args, "-q"]) == 0
    finally:
        guard.prestart = prestart  # type: ignore[assignment]
    assert len(started) == 2 and guard._IDLE == []
    assert all(g.proc is None or g.proc.poll() is not None for g in started)  # none alive
    assert '"status": "duplicate"' in (out / "manifest.jsonl").read_text(encoding="utf-8")


def test_the_inputs_names_tell_which_readers_to_import_early() -> None:
    names = [Path("a/B.PDF"), Path("c.htm"), Path("d.html"), Path("e.jpg"), Path("f.tif")]
    names += [Path("notes.md"), Path("no-suffix")]
    assert readers_named(names) == (
        "parscore.extractors.html",
        "parscore.extractors.image",
        "parscore.extractors.pdf",
    )
    assert readers_named([]) == ()


def test_an_early_worker_imports_the_readers_its_files_call_for(tmp_path: Path) -> None:
    pdf = ROOT / "samples" / "seed-568-tb-sxd.pdf"
    start_early(settings(tmp_path, fresh=True), inputs=1, readers=readers_named([pdf]))
    try:
        [early] = guard._IDLE
        assert early.preload == ("parscore.extractors.pdf",)
    finally:
        guard.close_idle()


def test_a_reader_that_cannot_be_imported_early_leaves_the_worker_reading(tmp_path: Path) -> None:
    # The module fails to import in the child before it is ready: the child reads on.
    worker = guard.Guard(preload=("parscore.extractors.no_such_reader",))
    worker.start()
    try:
        jobs = [guard.Job(path=SAMPLE, sha256="0")]
        [(_, row)] = list(guard.run_on([worker], jobs, Limits(), None))
    finally:
        worker.end()
    assert row["status"] == "ok"


def test_a_start_the_system_refuses_once_is_tried_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A transient refusal (an exec fault, no process slot) costs a short pause, not the run."""
    real_popen, refused = guard.subprocess.Popen, []

    def refuse_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not refused:
            refused.append(True)
            raise OSError(14, "Bad address")
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(guard.subprocess, "Popen", refuse_once)
    monkeypatch.setattr(guard, "START_PAUSE", 0.01)
    worker = guard.Guard()
    try:
        worker.start()
        assert refused and worker.proc is not None and worker.proc.poll() is None
    finally:
        worker.end()


def test_a_worker_that_cannot_start_ends_the_run_with_one_typed_line(
    tmp_path: Path, monkeypatch, capsys  # type: ignore[no-untyped-def]
) -> None:
    """No traceback: the program and the system's reason on one line, exit code 3; the
    descriptors of the refused child are closed."""
    import os

    monkeypatch.setattr(guard.sys, "executable", str(tmp_path / "no-such-python"))
    monkeypatch.setattr(guard, "START_PAUSE", 0.01)
    before = len(os.listdir("/proc/self/fd"))
    code = main(["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--fresh", "-q"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("parscore: a parscore worker could not start (")
    assert "no-such-python: No such file or directory" in err and "Traceback" not in err
    assert len(os.listdir("/proc/self/fd")) <= before
