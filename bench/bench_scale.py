"""Scale: two workers against one on scanned PDFs (target ≥ 1.8×), and the engines.

The scans are copies of the coarse seed scan made distinct by a trailing PDF comment, so
every copy is OCR'd; both runs happen here, one after the other, with a fresh store.

The engines: the same web pages (copies of the HTML samples) through ``parscore run
--workers 2`` with ``--engine local``, ``dask`` and ``ray``, engines alternating round by
round, each into a new OUT; medians are compared (target: dask and Ray ≤ 1.2× local). A
one-file run of each engine gives its fixed start-up and shut-down cost, printed beside, and
the datasets of the three are compared byte for byte (the manifest aside: it holds timings).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "samples" / "seed-568-tb-sxd-scan-150dpi.pdf"
COPIES = 4
ENGINE_FILES = 500
ENGINE_WORKERS = 2
ENGINE_ROUNDS = 3
ENGINES = ("local", "dask", "ray")
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]


def make_inputs(folder: Path) -> None:
    """Given a folder, fill it with distinct copies of the scan."""
    data = SCAN.read_bytes()
    for i in range(COPIES):
        (folder / f"scan-{i}.pdf").write_bytes(data + f"%copy {i}\n".encode())


def run_seconds(inputs: Path, out: Path, workers: int, engine: str = "local") -> float:
    """Given inputs, return the wall time of a fresh `parscore run` into a new OUT."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [*PARSCORE, "run", str(inputs), "--out", str(out), "--quiet", "--fresh"]
    cmd += ["--workers", str(workers), "--engine", engine]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def same_datasets(outs: list[Path]) -> bool:
    """Given output folders, return whether their tables (the manifest aside) are equal bytes."""
    first, *rest = outs
    names = [p.name for p in sorted(first.iterdir()) if p.is_file() and "manifest" not in p.name]
    names = [n for n in names if n.endswith((".csv", ".jsonl", ".parquet"))]
    return all((first / n).read_bytes() == (o / n).read_bytes() for o in rest for n in names)


def scale_workers(tmp: Path) -> None:
    """Print the run time of the scans with one and two workers and the speed-up."""
    inputs = tmp / "scans"
    inputs.mkdir()
    make_inputs(inputs)
    one = run_seconds(inputs, tmp / "out1", 1)
    two = run_seconds(inputs, tmp / "out2", 2)
    print(
        f"scale: {COPIES} scanned PDFs (3 pages each): 1 worker {one:.1f} s, 2 workers {two:.1f} s"
    )
    print(f"  speed-up {one / two:.2f}x  (target >= 1.8)")


def scale_engines(tmp: Path) -> dict[str, float]:
    """Print each engine's median run time over the same pages, its ratio to the local
    engine, and its fixed cost; return the ratios."""
    sys.path.insert(0, str(ROOT))
    from bench.bench_run import copies

    pages = copies(tmp / "pages", "*.html", ENGINE_FILES, b"\n<!-- copy %d -->\n")
    one = tmp / "one"
    one.mkdir()
    shutil.copy(pages[0], one / pages[0].name)
    times: dict[str, list[float]] = {e: [] for e in ENGINES}
    for _ in range(ENGINE_ROUNDS):
        for engine in ENGINES:
            times[engine].append(run_seconds(tmp / "pages", tmp / engine, ENGINE_WORKERS, engine))
    fixed = {e: run_seconds(one, tmp / f"one-{e}", ENGINE_WORKERS, e) for e in ENGINES}
    median = {e: statistics.median(t) for e, t in times.items()}
    local = median["local"]
    print(
        f"engines: {ENGINE_FILES} web pages, --workers {ENGINE_WORKERS}, whole processes, "
        f"median of {ENGINE_ROUNDS} alternating rounds"
    )
    ratios = {}
    for engine in ENGINES:
        ratios[engine] = median[engine] / local
        net = (median[engine] - fixed[engine]) / (local - fixed["local"])
        print(
            f"  {engine:<5} {median[engine]:6.2f} s  ratio to local {ratios[engine]:5.2f}  "
            f"(target <= 1.2)  one-file run {fixed[engine]:5.2f} s; without it {net:5.2f}"
        )
    same = same_datasets([tmp / e for e in ENGINES])
    print(f"  the same datasets byte for byte under every engine: {'yes' if same else 'NO'}")
    return ratios


def main() -> dict[str, float]:
    """Print the workers' speed-up on scans and the engines' ratios to the local engine;
    return the engines' ratios by name."""
    with tempfile.TemporaryDirectory() as tmp:
        scale_workers(Path(tmp))
        ratios = scale_engines(Path(tmp))
    return {f"run --engine {e} / local (<= 1.2)": r for e, r in ratios.items() if e != "local"}


if __name__ == "__main__":
    main()
