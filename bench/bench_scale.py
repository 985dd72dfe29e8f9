"""Scale: two workers against one on scanned PDFs (target ≥ 1.8×), and the engines.

The scans are copies of the coarse seed scan made distinct by a trailing PDF comment, so
every copy is OCR'd; both runs happen here, one after the other, with a fresh store.

The engines: the same web pages (copies of the HTML samples) through ``parscore run
--workers 2`` with ``--engine local``, ``dask`` and ``ray``, engines alternating round by
round, each into a new OUT; medians of wall time are compared (target: dask and Ray ≤ 1.2×
local), with the CPU time of every process of the run beside (on a loaded machine the
steadier figure). A run of one file a worker gives each engine's fixed start-up and
shut-down cost; from it and the per-file cost the batch size from which an engine is within 1.2× of
the local engine is estimated, and, when below ``CHECK_MAX`` files, measured. The datasets
of the three are compared byte for byte (the manifest aside: it holds timings).

``PARSCORE_BENCH_BASELINE=/path/to/checkout`` runs that checkout's engines too, in the same
alternating rounds (before/after figures of one run).

Every run keeps its bytecode cached (``bench_run.cached_bytecode``: as an installed package
runs, whatever PYTHONDONTWRITEBYTECODE says), and one untimed run of each engine fills the
cache before the timed rounds.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_run import cached_bytecode, copies

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "samples" / "seed-568-tb-sxd-scan-150dpi.pdf"
COPIES = 4
ENGINE_FILES = 500
ENGINE_WORKERS = 2
ENGINE_ROUNDS = 3
ENGINES = ("local", "dask", "ray")
TARGET = 1.2
#: The largest batch on which the estimated batch size meeting the target is measured.
CHECK_MAX = 4000
#: A checkout whose engines run beside this one's, round by round (before/after figures).
BASELINE_ENV = "PARSCORE_BENCH_BASELINE"
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]
#: Where the runs' bytecode is cached (kept between benchmark runs; never a source tree).
PYCACHE = Path(tempfile.gettempdir()) / "parscore-bench-pycache"


def make_inputs(folder: Path) -> None:
    """Given a folder, fill it with distinct copies of the scan."""
    data = SCAN.read_bytes()
    for i in range(COPIES):
        (folder / f"scan-{i}.pdf").write_bytes(data + f"%copy {i}\n".encode())


def run_seconds(inputs: Path, out: Path, workers: int, engine: str = "local") -> float:
    """Given inputs, return the wall time of a fresh `parscore run` into a new OUT."""
    return run_timed(inputs, out, workers, engine)[0]


def run_timed(
    inputs: Path, out: Path, workers: int, engine: str, root: Path = ROOT
) -> tuple[float, float]:
    """Given inputs, return the wall time and the CPU seconds (every process of the run,
    Ray's daemons and the workers' children included) of a fresh `parscore run` of the
    code in `root` into a new OUT."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [*PARSCORE, "run", str(inputs), "--out", str(out), "--quiet", "--fresh"]
    cmd += ["--workers", str(workers), "--engine", engine]
    env = {**cached_bytecode(PYCACHE), "PYTHONPATH": str(root)}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # cwd: `python -c` looks for parscore in the working folder first
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=root)
        cpu = tree_cpu(proc)
        wall = time.perf_counter() - start
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed: {err.read().decode()[-2000:]}")
    return wall, cpu


def tree_cpu(proc: subprocess.Popen[bytes]) -> float:
    """Given a started process, wait for it and return the CPU seconds of it and of every
    process under it, sampled every 50 ms (Ray's raylet reaps its workers without adding
    their time to its own, so the children's rusage misses them); NaN without psutil."""
    try:
        import psutil
    except ImportError:
        proc.wait()
        return float("nan")
    seen: dict[tuple[int, float], float] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    times = p.cpu_times()
                    seen[(p.pid, p.create_time())] = times.user + times.system
        time.sleep(0.05)
    return sum(seen.values())


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


def variants() -> Iterator[tuple[str, Path]]:
    """Yield (label, code root) of each engine to time: this tree's, then the baseline's."""
    yield from ((engine, ROOT) for engine in ENGINES)
    baseline = os.environ.get(BASELINE_ENV)
    if baseline:
        yield from ((f"{engine}@base", Path(baseline)) for engine in ENGINES)


def timed_rounds(
    inputs: Path, tmp: Path, runs: list[tuple[str, Path]]
) -> dict[str, tuple[float, float]]:
    """Given inputs and (label, root) runs, time them alternating round by round; return
    each label's median wall time and median CPU seconds."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in runs}
    for _ in range(ENGINE_ROUNDS):
        for label, root in runs:
            engine = label.split("@")[0]
            out = tmp / f"out-{label}"
            times[label].append(run_timed(inputs, out, ENGINE_WORKERS, engine, root))
    return {
        label: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
        for label, t in times.items()
    }


def crossover(fixed: float, median: float, fixed_local: float, median_local: float) -> float:
    """Given an engine's and the local engine's ENGINE_WORKERS-file and ENGINE_FILES-file
    times, return the batch size from which the engine takes at most TARGET times the local
    engine's time (a fixed cost plus a cost per file each), inf if never."""
    per_file = (median - fixed) / (ENGINE_FILES - ENGINE_WORKERS)
    per_file_local = (median_local - fixed_local) / (ENGINE_FILES - ENGINE_WORKERS)
    gain = TARGET * per_file_local - per_file
    if gain <= 0:
        return float("inf")
    return max(1.0, ENGINE_WORKERS + (fixed - TARGET * fixed_local) / gain)


def scale_engines(tmp: Path) -> dict[str, float]:
    """Print each engine's median run time over the same pages, its ratio to the local
    engine, its fixed cost and the batch size from which it meets the target; return the
    ratios."""
    pages = copies(tmp / "pages", "*.html", ENGINE_FILES, b"\n<!-- copy %d -->\n")
    few = tmp / "few"  # a file a worker: every engine starts all its workers
    few.mkdir()
    for page in pages[:ENGINE_WORKERS]:
        shutil.copy(page, few / page.name)
    runs = list(variants())
    for label, root in runs:  # untimed: fills the bytecode cache
        run_timed(few, tmp / "warm", ENGINE_WORKERS, label.split("@")[0], root)
    median = timed_rounds(tmp / "pages", tmp, runs)
    fixed = timed_rounds(few, tmp / "fixed", runs)
    print(
        f"engines: {ENGINE_FILES} web pages, --workers {ENGINE_WORKERS}, whole processes, "
        f"median of {ENGINE_ROUNDS} alternating rounds (wall s; CPU s of every process)"
    )
    ratios, sizes = {}, {}
    for label, _ in runs:
        local = "local" + label.removeprefix(label.split("@")[0])
        (wall, cpu), (one_wall, one_cpu) = median[label], fixed[label]
        ratios[label] = wall / median[local][0]
        sizes[label] = crossover(one_wall, wall, fixed[local][0], median[local][0])
        size = sizes[label]
        meets = f"~{size:.0f} files" if 1 < size < float("inf") else "any batch"
        meets = "never" if size == float("inf") else meets
        print(
            f"  {label:<10} {wall:6.2f} s  CPU {cpu:6.2f} s  ratio to local {ratios[label]:5.2f} "
            f"(CPU {cpu / median[local][1]:4.2f}; target <= {TARGET})  {ENGINE_WORKERS}-file run "
            f"{one_wall:5.2f} s, CPU {one_cpu:5.2f} s; within {TARGET}x from {meets}"
        )
    same = same_datasets([tmp / f"out-{label}" for label, root in runs if root == ROOT])
    print(f"  the same datasets byte for byte under every engine: {'yes' if same else 'NO'}")
    if "ray" in ENGINES:
        ray_parts(few, tmp / "parts")
    check_crossover(tmp, sizes)
    return {e: r for e, r in ratios.items() if "@" not in e}


#: A `parscore run` that prints, as JSON on stdout, when each part of a Ray run ended:
#: importing ray; parscore's imports, finding and planning the files; starting the node and
#: connecting (ray_start); the first file's result (the worker, its guards, the first task);
#: the last one; stopping (ray_stop).
RAY_PARTS = """
import json, time
start = time.perf_counter()
marks = {}
def mark(name):
    marks.setdefault(name, time.perf_counter() - start)
import ray
mark("import ray")
from parscore.pipeline import batch, cli, engines
def timed(before, after, f):
    def call(*args):
        mark(before)
        result = f(*args)
        mark(after)
        return result
    return call
engines.ray_start = timed("plan", "node and connect", engines.ray_start)
engines.ray_stop = timed("last result", "stop", engines.ray_stop)
def run_jobs(jobs, settings, run_jobs=batch.run_jobs):
    for item in run_jobs(jobs, settings):
        mark("first result")
        yield item
batch.run_jobs = run_jobs
try:
    cli.run_main()
finally:
    print(json.dumps(marks))
"""


def ray_parts(inputs: Path, tmp: Path) -> None:
    """Given a few inputs, print the median duration of each part of a Ray run of them
    (RAY_PARTS), this tree's and the baseline's alternating round by round."""
    runs = [(label, root) for label, root in variants() if label.startswith("ray")]
    parts: dict[str, list[dict[str, float]]] = {label: [] for label, _ in runs}
    for _ in range(ENGINE_ROUNDS):
        for label, root in runs:
            cmd = [sys.executable, "-c", RAY_PARTS, "run", str(inputs), "--out", str(tmp)]
            cmd += ["--quiet", "--fresh", "--workers", str(ENGINE_WORKERS), "--engine", "ray"]
            env = {**cached_bytecode(PYCACHE), "PYTHONPATH": str(root)}
            done = subprocess.run(cmd, capture_output=True, env=env, cwd=root, check=True)
            parts[label].append(json.loads(done.stdout.decode().splitlines()[-1]))
    print(f"  Ray's parts on {ENGINE_WORKERS} files (median s of {ENGINE_ROUNDS} rounds):")
    for label, marks in parts.items():
        names = list(marks[0])
        steps = [
            statistics.median(m[name] - (m[names[k - 1]] if k else 0.0) for m in marks)
            for k, name in enumerate(names)
        ]
        told = ", ".join(f"{name} {step:.2f}" for name, step in zip(names, steps, strict=True))
        print(f"    {label:<10} {told}")


def check_crossover(tmp: Path, sizes: dict[str, float]) -> None:
    """Given the estimated batch sizes, measure each engine of this tree whose estimate is
    above ENGINE_FILES and at most CHECK_MAX against the local engine on that many pages."""
    for engine in ENGINES[1:]:
        size = sizes[engine]
        if not ENGINE_FILES < size <= CHECK_MAX:
            continue
        count = int(-(-size // 100) * 100)  # rounded up to a hundred
        folder = tmp / f"pages-{count}"
        if not folder.exists():
            copies(folder, "*.html", count, b"\n<!-- copy %d -->\n")
        median = timed_rounds(folder, tmp / f"check-{count}", [("local", ROOT), (engine, ROOT)])
        ratio = median[engine][0] / median["local"][0]
        print(
            f"  check: {count} pages, {engine} {median[engine][0]:.2f} s vs local "
            f"{median['local'][0]:.2f} s, ratio {ratio:.2f} (target <= {TARGET})"
        )


def main() -> dict[str, float]:
    """Print the workers' speed-up on scans and the engines' ratios to the local engine;
    return the engines' ratios by name."""
    with tempfile.TemporaryDirectory() as tmp:
        scale_workers(Path(tmp))
        ratios = scale_engines(Path(tmp))
    return {f"run --engine {e} / local (<= 1.2)": r for e, r in ratios.items() if e != "local"}


if __name__ == "__main__":
    main()
