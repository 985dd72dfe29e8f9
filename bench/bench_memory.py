"""Memory: peak RSS of `parscore run` over 100 and over 1,000 HTML files (target: flat ±10%).

The files are copies of the HTML samples made unique by a trailing comment, so that every
one is parsed (no duplicate or stored result). Both runs happen here, in one go.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1000)


def make_inputs(folder: Path, n: int) -> None:
    """Given a folder, fill it with n distinct HTML notices."""
    pages = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*.html"))]
    for i in range(n):
        (folder / f"n{i:05d}.html").write_bytes(pages[i % len(pages)] + f"<!-- {i} -->".encode())


def peak_rss_mib(n: int, workers: int) -> tuple[float, float]:
    """Given a file count, return (peak RSS MiB of the run's processes, seconds)."""
    import time

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        make_inputs(inputs, n)
        exe = Path(sys.executable).with_name("parscore")
        cmd = [
            str(exe),
            "run",
            str(inputs),
            "--out",
            str(Path(tmp) / "out"),
            "--quiet",
            "--workers",
            str(workers),
        ]
        code = (
            f"import resource, subprocess; subprocess.run({cmd!r}, check=False); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> None:
    """Print peak RSS for each size and the ratio of the largest to the smallest."""
    figures = {n: peak_rss_mib(n, workers=1) for n in SIZES}
    for n, (rss, secs) in figures.items():
        print(f"memory: {n:5d} files  peak RSS {rss:7.1f} MiB  {secs:6.1f} s")
    ratio = figures[SIZES[-1]][0] / figures[SIZES[0]][0]
    print(f"  ratio RSS({SIZES[-1]})/RSS({SIZES[0]}): {ratio:.2f}  (target 0.90–1.10)")


if __name__ == "__main__":
    main()
