"""The legacy corpus: parscore's and viparse's char, diacritic and syllable accuracy.

Runs parscore (the code of `parscore text FILE`, in this process) and viparse (the baseline;
``pip install "viparse[office,rtf]"``, in [dev]) on every real file of
../shared/legacy/corpus/public-domain in one run, scores both against the corpus's
ground-truth with its metric (bench/legacy_metric.py, from METRIC.md) and prints the
totals per tool, per format and per encoding, the refusals, and the worst files.

    .venv/bin/python bench/bench_legacy.py [--corpus ../shared/legacy] [--worst 10] [--only doc]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.legacy_metric import Score, score  # noqa: E402

HEADER = (
    f"{'tool':<22} {'char':>6} {'diacritic':>9} {'syllable':>8} "
    f"{'files':>5} {'refused':>7} {'seconds':>8}"
)
DEFAULT_CORPUS = ROOT.parent / "shared" / "legacy"
SUBSET = "public-domain"


@dataclass(frozen=True, slots=True)
class Result:
    """One tool on one file: its score (None when it refused the file) and the time taken."""

    path: Path
    score: Score | None
    seconds: float
    error: str = ""


def corpus_files(corpus: Path) -> list[tuple[Path, Path]]:
    """Given the corpus folder, return (file, transcript) pairs of the real files."""
    pairs = []
    for path in sorted((corpus / "corpus" / SUBSET).glob("*/*")):
        truth = corpus / "ground-truth" / (path.stem + ".txt")
        if path.is_file() and not path.name.startswith(".") and truth.is_file():
            pairs.append((path, truth))
    return pairs


def parscore_text(path: Path) -> str:
    """Given a file, return what `parscore text FILE` prints for it."""
    from parscore.extractors import extract
    from parscore.pipeline.commands import document_text

    return document_text(extract(path))


def viparse_text(path: Path) -> str:
    """Given a file, return the text viparse reads from it: plain text, with its content-based
    encoding detection on for files that carry no font signal (``encoding="auto"``, its best
    documented setting; without it, its .rtf scores 0.007). Needs viparse[office,rtf]."""
    import viparse

    documents = viparse.load(str(path), output="text", encoding="auto")
    return "\n\n".join(str(document.text) for document in documents)


def run_tool(read: Callable[[Path], str], pairs: list[tuple[Path, Path]]) -> list[Result]:
    """Given a reader and the corpus pairs, return its Result on each file."""
    results = []
    for path, truth in pairs:
        start = time.perf_counter()
        try:
            text = read(path)
        except Exception as err:  # a refusal is counted, never dropped
            results.append(Result(path, None, time.perf_counter() - start, repr(err)[:160]))
            continue
        seconds = time.perf_counter() - start
        results.append(Result(path, score(truth.read_text("utf-8"), text), seconds))
    return results


def total(results: list[Result]) -> Score:
    """Given results, return their summed Score (a refused file counts its truth as missed)."""
    out = Score()
    for r in results:
        if r.score is not None:
            out = out + r.score
    return out


def with_refusals(results: list[Result], pairs: dict[Path, Path]) -> Score:
    """Given results, return the corpus Score with each refused file's truth scored as empty."""
    out = total(results)
    for r in results:
        if r.score is None:
            out = out + score(pairs[r.path].read_text("utf-8"), "")
    return out


def line(name: str, s: Score, n: int, refused: int, seconds: float) -> str:
    """Given a tool's name, Score, file and refusal counts and time, return one table row."""
    return (
        f"{name:<22} {s.char_accuracy:>6.4f} {s.diacritic_accuracy:>9.4f} "
        f"{s.syllable_accuracy:>8.4f} {n:>5} {refused:>7} {seconds:>8.1f}"
    )


def groups(results: list[Result]) -> dict[str, list[Result]]:
    """Given results, return them grouped by format (suffix) and by encoding (folder)."""
    out: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        out["." + r.path.suffix.lower().lstrip(".")].append(r)
        out[r.path.parent.name].append(r)
    return out


def report(tools: dict[str, list[Result]], pairs: dict[Path, Path], worst: int) -> None:
    """Given each tool's results, print the totals, the groups, the refusals and worst files."""
    print(HEADER)
    for name, results in tools.items():
        refused = sum(r.score is None for r in results)
        seconds = sum(r.seconds for r in results)
        print(line(name, with_refusals(results, pairs), len(results), refused, seconds))
    for key in sorted(groups(next(iter(tools.values())))):
        print(f"\n[{key}]")
        for name, results in tools.items():
            part = groups(results)[key]
            refused = sum(r.score is None for r in part)
            print(
                line(
                    name,
                    with_refusals(part, pairs),
                    len(part),
                    refused,
                    sum(r.seconds for r in part),
                )
            )
    for name, results in tools.items():
        for r in results:
            if r.score is None:
                print(f"{name} refused {r.path.name}: {r.error}")
        scored = sorted((r for r in results if r.score), key=lambda r: r.score.diacritic_accuracy)  # type: ignore[union-attr]
        print(f"\n{name}: worst {worst} by diacritic accuracy")
        for r in scored[:worst]:
            s = r.score
            assert s is not None
            print(
                f"  {s.diacritic_accuracy:.4f} {s.syllable_accuracy:.4f} {s.char_accuracy:.4f} "
                f"{s.diacritics:>6} {r.path.parent.name}/{r.path.name}"
            )


def main() -> None:
    """Run both tools on the legacy corpus and print their figures."""
    warnings.simplefilter("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--only", help="a suffix (doc, xls, rtf, ppt, pdf) to run on alone")
    ap.add_argument("--no-viparse", action="store_true", help="run parscore alone")
    args = ap.parse_args()
    pairs = corpus_files(args.corpus)
    if args.only:
        pairs = [p for p in pairs if p[0].suffix.lower() == "." + args.only.lstrip(".")]
    if not pairs:
        sys.exit(f"no corpus files with transcripts under {args.corpus}")
    tools = {"parscore": run_tool(parscore_text, pairs)}
    if not args.no_viparse:
        import viparse

        tools[f"viparse {getattr(viparse, '__version__', '?')}"] = run_tool(viparse_text, pairs)
    print(f"legacy corpus ({SUBSET}): {len(pairs)} files, {time.strftime('%Y-%m-%d')}\n")
    report(tools, dict(pairs), args.worst)


if __name__ == "__main__":
    main()
