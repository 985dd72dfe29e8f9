"""Check that a change left every output as it was: the JSON of each sample and real source.

Speed work must not change what parscore reads. Run this once with the tree before the
change and once with the tree after, each writing its outputs to a folder, then compare:

    PYTHONPATH=/work/main python tools/same_outputs.py write /tmp/before
    PYTHONPATH=.          python tools/same_outputs.py write /tmp/after
    python tools/same_outputs.py compare /tmp/before /tmp/after

``--fast`` leaves out scanned documents (OCR is most of the time). The exit code of
``compare`` is 1 when any output differs (the differing files are listed).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def sources(fast: bool) -> list[Path]:
    """Given whether to leave out scans, return the samples and the real sources to read."""
    found = sorted(p for p in (ROOT / "samples").rglob("*") if p.is_file() and p.suffix != ".json")
    for corpus in ("realdev", "realbin"):
        found += sorted((SHARED / corpus).glob("*/source.*"))
    return [p for p in found if not (fast and "scan" in str(p.relative_to(p.parents[1])))]


def output_of(path: Path) -> str:
    """Given a source, return the JSON parscore gives for it (or the error it raises)."""
    from parscore.pipeline.process import process_file

    try:
        result = process_file(path).to_dict()
    except Exception as err:  # an input error is an output too: it must stay the same
        return f"error: {type(err).__name__}: {err}"
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=1, default=str)


def write(folder: Path, fast: bool) -> None:
    """Given a folder and whether to leave out scans, write one output file per source."""
    warnings.simplefilter("ignore")
    folder.mkdir(parents=True, exist_ok=True)
    for path in sources(fast):
        name = str(path.relative_to(ROOT.parent)).replace("/", "__") + ".json"
        (folder / name).write_text(output_of(path), encoding="utf-8")


def compare(before: Path, after: Path) -> int:
    """Given two folders of outputs, print the files that differ; return the exit code."""
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differ = [
        n
        for n in names
        if not (before / n).exists()
        or not (after / n).exists()
        or (before / n).read_bytes() != (after / n).read_bytes()
    ]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(names) - len(differ)} of {len(names)} outputs the same")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    """Given the command line, write or compare outputs; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    to_write = sub.add_parser("write", help="write the outputs of this tree to a folder")
    to_write.add_argument("folder", type=Path)
    to_write.add_argument("--fast", action="store_true", help="leave out scanned documents")
    to_compare = sub.add_parser("compare", help="compare two folders of outputs")
    to_compare.add_argument("before", type=Path)
    to_compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.folder, args.fast)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
