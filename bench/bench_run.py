"""The command users type, timed as a whole process against the tools they would compare.

``parscore run DIR --out OUT --workers 1 --fresh -q`` over many files (copies of the HTML and
text-PDF samples made distinct by a trailing comment) against, on the same files and as
whole processes too: trafilatura's text extraction of every page, and pdfplumber's text and
tables of every PDF. Sides alternate round by round (parscore into a new OUT each round) and
the medians are compared, so a shared machine slows both alike. Each parscore run also says
where its time went: reading the files (the manifest's per-file seconds, measured in the
worker) and everything else (start-up, hand-off, store, datasets); the same command without
--fresh, every result then taken from the store, times the run's fixed cost alone (start-up
and the datasets). Targets (issue 13): HTML ≤ 1.0× trafilatura, text PDF ≤ 0.25× pdfplumber.

Every process runs with its bytecode cached, as an installed package runs: pip compiles the
libraries compared against (their ``.pyc`` files ship in site-packages), and Python caches
parscore's own on first import, unless PYTHONDONTWRITEBYTECODE forbids it (as some shells
and sandboxes set): parscore would then compile its sources in every process (its parent
and its worker, a few tenths of a second of CPU) while the baselines never do. The caches
go to a folder of the benchmark's own (PYTHONPYCACHEPREFIX), never into a source tree; one
untimed round of each side fills it.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
HTML_FILES = 500
PDF_FILES = 60
ROUNDS = 5
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]
TRAFILATURA = """
import sys, warnings, trafilatura
warnings.simplefilter("ignore")
for p in sys.argv[1:]:
    trafilatura.extract(open(p, "rb").read())
"""
PDFPLUMBER = """
import sys, warnings, pdfplumber
warnings.simplefilter("ignore")
for p in sys.argv[1:]:
    with pdfplumber.open(p) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.extract_tables()
"""


def copies(folder: Path, pattern: str, count: int, comment: bytes) -> list[Path]:
    """Given a folder, fill it with `count` distinct copies of the samples matching pattern."""
    sources = sorted(p for p in SAMPLES.glob(pattern) if "scan" not in p.name)
    folder.mkdir(parents=True)
    out = []
    for k in range(count):
        src = sources[k % len(sources)]
        target = folder / f"{k:04d}-{src.name}"
        target.write_bytes(src.read_bytes() + comment % k)
        out.append(target)
    return out


def cached_bytecode(folder: Path) -> dict[str, str]:
    """Given a folder for bytecode, return this process's environment with Python's bytecode
    cache on and kept in that folder (see the module's docstring)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder)}


def seconds(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Given a command, return the wall seconds it takes as a whole process and the CPU
    seconds of it and its children (a measure the other load of a shared machine moves less)."""
    before = cpu_of_children()
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start, cpu_of_children() - before


def cpu_of_children() -> float:
    """Return the CPU seconds (user + system) of this process's ended children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reading_seconds(out: Path) -> float:
    """Given a run's output folder, return the seconds its workers spent reading the files."""
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return sum(json.loads(line)["seconds"] or 0.0 for line in lines)


def compare(name: str, folder: Path, files: list[Path], baseline: str, target: float) -> float:
    """Given files and a baseline script, time both sides alternately, print the medians and
    where parscore's time went; return the ratio."""
    out = folder.parent / f"out-{name.split()[0]}"
    resume_cmd = [*PARSCORE, "run", str(folder), "--out", str(out), "--workers", "1", "-q"]
    ours_cmd = [*resume_cmd, "--fresh"]
    theirs_cmd = [sys.executable, "-c", baseline, *map(str, files)]
    env = cached_bytecode(folder.parent / "pycache")
    for command in (ours_cmd, theirs_cmd):  # untimed: fills the bytecode cache
        seconds(command, env)
    ours_t, theirs_t, reading, resumed_t = [], [], [], []
    for _ in range(ROUNDS):
        shutil.rmtree(out, ignore_errors=True)
        ours_t.append(seconds(ours_cmd, env))
        reading.append(reading_seconds(out))
        theirs_t.append(seconds(theirs_cmd, env))
        resumed_t.append(seconds(resume_cmd, env))
    ours, ours_cpu = (statistics.median(t) for t in zip(*ours_t, strict=True))
    theirs, theirs_cpu = (statistics.median(t) for t in zip(*theirs_t, strict=True))
    resumed, resumed_cpu = (statistics.median(t) for t in zip(*resumed_t, strict=True))
    read = statistics.median(reading)
    print(f"{name}: {len(files)} files, whole processes, median of {ROUNDS} alternating rounds")
    print(f"  parscore run --workers 1 --fresh : {ours:7.2f} s ({len(files) / ours:6.1f} files/s)")
    each, rest = 1000 * read / len(files), ours - read
    print(f"    reading the files, in the worker : {read:7.2f} s ({each:.1f} ms a file)")
    print(f"    everything else                  : {rest:7.2f} s ({rest / ours:.0%} of the run)")
    print(f"  the run again, every result stored : {resumed:7.2f} s (CPU {resumed_cpu:.2f} s: "
          "start-up and the datasets, no reading)")
    print(f"  baseline                          : {theirs:7.2f} s")
    print(f"  ratio ours/baseline               : {ours / theirs:7.2f}  (target <= {target})")
    print(f"  CPU seconds, ours/baseline        : {ours_cpu:.2f}/{theirs_cpu:.2f} = "
          f"{ours_cpu / theirs_cpu:.2f}")
    return ours / theirs


def main() -> dict[str, float]:
    """Run the whole-process comparisons; return their ratios by name."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        html = copies(root / "html", "*.html", HTML_FILES, b"\n<!-- copy %d -->\n")
        pdf = copies(root / "pdf", "*.pdf", PDF_FILES, b"\n%% copy %d\n")
        return {
            "run html / trafilatura (<= 1.0)": compare(
                "html vs trafilatura", root / "html", html, TRAFILATURA, 1.0
            ),
            "run text pdf / pdfplumber (<= 0.25)": compare(
                "text pdf vs pdfplumber", root / "pdf", pdf, PDFPLUMBER, 0.25
            ),
        }


if __name__ == "__main__":
    main()
