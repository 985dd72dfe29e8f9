"""PDF benchmarks, measured in one run on one core (DESIGN.md quality bars).

1. Text PDFs: pages per CPU second of ``extractors.extract`` against pdfplumber's own
   ``extract_text`` + ``extract_tables`` on the same files, the sides alternating round by
   round (targets: ≥ 50 pages/s with tables, ≥ 100 without).
2. Scanned PDF: seconds/page of ``extractors.extract`` (render, deskew, rules, Tesseract,
   layout) against the plain ``tesseract`` command on the same page images at the same dpi
   (target: within 10%). Both run Tesseract with the same ``OMP_THREAD_LIMIT``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parscore.extractors import extract, ocr, tesseract  # noqa: E402
from parscore.extractors.limits import Limits  # noqa: E402

SAMPLES = ROOT / "samples"
TEXT_PDFS = {  # file → whether its pages carry tables
    "seed-568-tb-sxd.pdf": True,
    "table-over-page-break.pdf": True,
    "borderless-table.pdf": True,
}
SCAN = "seed-568-tb-sxd-scan.pdf"
PLAIN_TESSERACT = "tesseract"
OCR_ROUNDS = 2  # best of two, alternating sides, on a machine that may be shared
OCR_DPI = 300  # the seed scan's own resolution: both sides read the same pixels
MIN_SECONDS = 0.5  # each text-PDF measurement repeats until it takes this much CPU time
TEXT_ROUNDS = 5  # text-PDF rounds, parscore and pdfplumber alternating


def pin_one_core() -> str:
    """Pin this process (and the Tesseract it starts) to one core; return a note."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return "pinned to one core"
    return "not pinned (no sched_setaffinity)"


def repeat(work: Callable[[], int]) -> float:
    """Given work returning pages done, return pages per CPU second (this process's, a
    measure the other load of a shared machine moves less) over at least MIN_SECONDS."""
    pages, start = 0, time.process_time()
    while time.process_time() - start < MIN_SECONDS:
        pages += work()
    return pages / (time.process_time() - start)


def ours(path: Path) -> int:
    """Given a PDF, extract it with parscore and return its page count."""
    return extract(path).source.pages or 0


def pdfplumber_text_tables(path: Path) -> int:
    """Given a PDF, run pdfplumber's extract_text and extract_tables on every page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
        return len(pdf.pages)


def bench_text() -> None:
    """Print pages per CPU second of parscore and pdfplumber on each text PDF (the medians of
    TEXT_ROUNDS rounds, the sides alternating), with the ratio."""
    print(f"text PDF: pages per CPU second, median of {TEXT_ROUNDS} alternating rounds "
          "(parscore vs pdfplumber extract_text+extract_tables)")
    for name, has_tables in TEXT_PDFS.items():
        path = SAMPLES / name
        ours(path)  # warm-up: the reader's imports
        rounds = [
            (repeat(lambda p=path: ours(p)), repeat(lambda p=path: pdfplumber_text_tables(p)))
            for _ in range(TEXT_ROUNDS)
        ]
        mine, theirs = (statistics.median(r[i] for r in rounds) for i in (0, 1))
        kind = "tables" if has_tables else "no tables"
        print(f"  {name:32s} ({kind}): parscore {mine:7.1f}  pdfplumber {theirs:6.1f}  "
              f"speed-up {mine / theirs:5.1f}×")


def page_images(path: Path, folder: Path) -> list[Path]:
    """Given a scanned PDF, write its pages as greyscale PNGs at OCR_DPI; return their paths."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    out = []
    for index in range(len(pdf)):
        image = ocr.render(pdf[index], OCR_DPI)
        out.append(folder / f"page-{index + 1}.png")
        image.save(out[-1])
    pdf.close()
    return out


def plain_tesseract(images: list[Path]) -> float:
    """Given page images, return the seconds the plain tesseract command takes on them."""
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    start = time.perf_counter()
    for image in images:
        args = [PLAIN_TESSERACT, str(image), "stdout", "-l", "vie", "--psm", tesseract.PSM]
        subprocess.run([*args, "--dpi", str(OCR_DPI), "tsv"], capture_output=True, check=True,
                       env=env)
    return time.perf_counter() - start


def timed(work: Callable[[], object]) -> float:
    """Given a piece of work, return the seconds it takes once."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def parscore_ocr(path: Path, command: str | None) -> float:
    """Given a scan, return the seconds parscore takes on it, in-process or with command."""
    saved = os.environ.pop(tesseract.TESSERACT_ENV, None)
    if command:
        os.environ[tesseract.TESSERACT_ENV] = command
    try:
        return timed(lambda: extract(path, Limits(ocr_dpi=OCR_DPI)))
    finally:
        os.environ.pop(tesseract.TESSERACT_ENV, None)
        if saved is not None:
            os.environ[tesseract.TESSERACT_ENV] = saved


def bench_ocr() -> None:
    """Print seconds/page of parscore's OCR path (both engines) and of plain tesseract."""
    if not (tesseract.installed_languages(PLAIN_TESSERACT) or set()) >= {"vie"}:
        print("OCR: skipped, Tesseract with 'vie' is not installed")
        return
    path = SAMPLES / SCAN
    with tempfile.TemporaryDirectory() as folder:
        images = page_images(path, Path(folder))
        extract(path, Limits(ocr_dpi=OCR_DPI, max_pages=1))  # warm-up: imports, caches
        rounds = [
            (parscore_ocr(path, None), parscore_ocr(path, PLAIN_TESSERACT),
             timed(lambda: plain_tesseract(images)))
            for _ in range(OCR_ROUNDS)
        ]
    api, command, theirs = (min(r[i] for r in rounds) / len(images) for i in range(3))
    print(f"OCR ({SCAN}, {len(images)} pages, {OCR_DPI} dpi): tesseract CLI {theirs:.2f} s/page; "
          f"parscore in-process {api:.2f} s/page, ratio {api / theirs:.2f}; parscore with the "
          f"command {command:.2f} s/page, ratio {command / theirs:.2f} (target ≤ 1.10)")


def main() -> None:
    """Run both PDF benchmarks and print their figures."""
    warnings.simplefilter("ignore")  # pdfminer's font warnings would only add noise here
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    print(f"bench_pdf ({pin_one_core()})")
    try:
        bench_text()
        bench_ocr()
    finally:  # the benchmarks run after this one (and their children) get every core back
        if cores is not None:
            os.sched_setaffinity(0, cores)


if __name__ == "__main__":
    main()
