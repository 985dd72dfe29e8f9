"""Errors and signals as data tools handle them, through the real CLI in a subprocess.

An output that cannot be written (a file, a read-only place, a full disk, standard output on
a full device) is one line naming the path and exit 4, never a traceback; Ctrl-C ends a run
within seconds with exit 130, workers stopped, finished results kept, no temporary files,
and the rerun completes the rest; a file named twice is one input.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parscore.extractors.errors import EXIT_INTERRUPTED, EXIT_OUTPUT

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]
#: Seconds Ctrl-C may take to end a run.
INTERRUPT_GRACE = 3.0


def parscore(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """Given arguments (and where standard output goes), run the real CLI; return what it did."""
    return subprocess.run(
        [*PARSCORE, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300, cwd=ROOT
    )  # type: ignore[call-overload]


def assert_one_line_error(proc: subprocess.CompletedProcess[str], path: str) -> None:
    """Given a finished CLI, check it failed on its output with one line naming `path`."""
    assert proc.returncode == EXIT_OUTPUT, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("parscore:")]
    assert len(lines) == 1 and path in lines[0], proc.stderr


def test_out_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    target.write_text("not a folder\n", encoding="utf-8")
    proc = parscore("run", str(SAMPLES / "seed-568-tb-sxd.txt"), "--out", str(target), "--quiet")
    assert_one_line_error(proc, str(target))
    assert "not a folder" in proc.stderr
    assert target.read_text(encoding="utf-8") == "not a folder\n"


def test_out_in_a_place_nobody_may_write() -> None:
    target = "/proc/parscore-out"  # refused even to root
    proc = parscore("run", str(SAMPLES / "seed-568-tb-sxd.txt"), "--out", target, "--quiet")
    assert_one_line_error(proc, target)


def test_a_full_disk(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("mounting a small tmpfs needs root and unshare")
    out = tmp_path / "small"
    out.mkdir()
    script = (
        f"mount -t tmpfs -o size=96k tmpfs {out} || exit 99; "
        f"{' '.join(PARSCORE[:2])} '{PARSCORE[2]}' run {SAMPLES} --out {out} --quiet "
        f"--workers 1; code=$?; ls -A {out} > {tmp_path}/left; exit $code"
    )
    proc = subprocess.run(
        [unshare, "-m", "sh", "-c", script], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    if proc.returncode == 99:
        pytest.skip("tmpfs cannot be mounted here")
    assert_one_line_error(proc, str(out))
    assert "No space left" in proc.stderr
    assert ".parts" not in (tmp_path / "left").read_text(encoding="utf-8").split()


def test_standard_output_on_a_full_device() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        proc = parscore("parse", str(SAMPLES / "seed-568-tb-sxd.txt"), "--json", stdout=full)
    assert proc.returncode == EXIT_OUTPUT, proc.stderr
    assert proc.stderr.strip() == (
        "parscore: cannot write to standard output (No space left on device)"
    )


def test_a_file_named_twice_is_one_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("seed-568-tb-sxd.txt", "statements-ranking-flat.txt"):
        shutil.copy(SAMPLES / name, inputs / name)
    twice = inputs / "seed-568-tb-sxd.txt"
    proc = parscore(
        "run",
        str(inputs),
        str(twice),
        f"{inputs}/./seed-568-tb-sxd.txt",
        "--out",
        str(tmp_path / "out"),
        "--quiet",
    )
    assert proc.returncode == 0, proc.stderr
    rows = (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    paths = [json.loads(r)["source_path"] for r in rows]
    assert sorted(paths) == sorted({str(twice), str(inputs / "statements-ranking-flat.txt")})


def slow_inputs(folder: Path, n: int) -> list[Path]:
    """Given a folder, fill it with n scanned PDFs of distinct bytes (OCR takes seconds each)."""
    folder.mkdir()
    scan = (SAMPLES / "seed-568-tb-sxd-scan.pdf").read_bytes()
    paths = [folder / f"scan-{k:02d}.pdf" for k in range(n)]
    for k, path in enumerate(paths):
        path.write_bytes(scan + f"\n% copy {k}\n".encode())
    return paths


@pytest.mark.ocr
@pytest.mark.slow
def test_ctrl_c_stops_at_once_and_the_rerun_finishes(tmp_path: Path) -> None:
    paths = slow_inputs(tmp_path / "in", 4)
    out = tmp_path / "out"
    command = [*PARSCORE, "run", str(tmp_path / "in"), "--out", str(out), "--workers", "2"]
    with subprocess.Popen(
        command, cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the first finished file's progress line
        assert first.startswith("[1/4] ok"), first
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole group
        start = time.monotonic()
        rest = proc.stderr.read()
        code = proc.wait(timeout=30)
        took = time.monotonic() - start
    assert code == EXIT_INTERRUPTED, rest
    assert took <= INTERRUPT_GRACE, f"Ctrl-C took {took:.1f} s"
    assert "Traceback" not in rest and "run the same command again" in rest
    left = [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or p.name == ".parts"]
    assert not left, left
    kept = list((out / ".store").rglob("*.json"))
    assert 1 <= len(kept) < len(paths)
    again = subprocess.run(
        [*command, "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 0, again.stderr
    rows = [json.loads(r) for r in (out / "manifest.jsonl").read_text().splitlines()]
    status = sorted(r["status"] for r in rows)
    assert status == sorted(["skipped"] * len(kept) + ["ok"] * (len(paths) - len(kept)))
