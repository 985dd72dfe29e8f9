"""The command users type, timed as a whole process against the tools they would compare.

``parscore run DIR --out OUT --workers 1 --fresh -q`` over many files (copies of the HTML and
text-PDF samples made distinct by a trailing comment) against, on the same files and as
whole processes too: trafilatura's text extraction of every page, and pdfplumber's text and
tables of every PDF. Sides alternate round by round and each keeps its fastest round, so a
shared machine slows both alike. Targets (issue 13): HTML ≤ 1.0× trafilatura, text PDF ≤
0.25× pdfplumber.
"""

from __future__ import annotations

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
ROUNDS = 3
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


def seconds(command: Sequence[str]) -> float:
    """Given a command, return the seconds it takes as a whole process."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(name: str, folder: Path, files: list[Path], baseline: str, target: float) -> None:
    """Given files and a baseline script, time both sides alternately and print the ratio."""
    out = folder.parent / f"out-{name}"
    ours_cmd = [*PARSCORE, "run", str(folder), "--out", str(out), "--workers", "1", "--fresh", "-q"]
    theirs_cmd = [sys.executable, "-c", baseline, *map(str, files)]
    ours_t, theirs_t = [], []
    for _ in range(ROUNDS):
        ours_t.append(seconds(ours_cmd))
        theirs_t.append(seconds(theirs_cmd))
    ours, theirs = min(ours_t), min(theirs_t)
    print(f"{name}: {len(files)} files, whole processes, best of {ROUNDS} alternating rounds")
    print(f"  parscore run --workers 1 --fresh : {ours:7.2f} s ({len(files) / ours:6.1f} files/s)")
    print(f"  baseline                          : {theirs:7.2f} s")
    print(f"  ratio ours/baseline               : {ours / theirs:7.2f}  (target <= {target})")


def main() -> None:
    """Run the whole-process comparisons."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        html = copies(root / "html", "*.html", HTML_FILES, b"\n<!-- copy %d -->\n")
        compare("html vs trafilatura", root / "html", html, TRAFILATURA, 1.0)
        pdf = copies(root / "pdf", "*.pdf", PDF_FILES, b"\n%% copy %d\n")
        compare("text pdf vs pdfplumber", root / "pdf", pdf, PDFPLUMBER, 0.25)


if __name__ == "__main__":
    main()
