"""Scanned PDFs through `parscore run`: two workers against one (target ≥ 1.8×).

The inputs are copies of the coarse seed scan made distinct by a trailing PDF comment, so
every copy is OCR'd; both runs happen here, one after the other, with a fresh store.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "samples" / "seed-568-tb-sxd-scan-150dpi.pdf"
COPIES = 4


def make_inputs(folder: Path) -> None:
    """Given a folder, fill it with distinct copies of the scan."""
    data = SCAN.read_bytes()
    for i in range(COPIES):
        (folder / f"scan-{i}.pdf").write_bytes(data + f"%copy {i}\n".encode())


def run_seconds(inputs: Path, out: Path, workers: int) -> float:
    """Given inputs, return the wall time of a fresh `parscore run` with that many workers."""
    exe = Path(sys.executable).with_name("parscore")
    cmd = [
        str(exe),
        "run",
        str(inputs),
        "--out",
        str(out),
        "--quiet",
        "--fresh",
        "--workers",
        str(workers),
    ]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    """Print the run time with one and two workers and the speed-up."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        make_inputs(inputs)
        one = run_seconds(inputs, Path(tmp) / "out1", 1)
        two = run_seconds(inputs, Path(tmp) / "out2", 2)
    print(
        f"scale: {COPIES} scanned PDFs (3 pages each): 1 worker {one:.1f} s, 2 workers {two:.1f} s"
    )
    print(f"  speed-up {one / two:.2f}x  (target >= 1.8)")


if __name__ == "__main__":
    main()
