"""The command line: thin, honest, ``main(argv) -> int``.

stdout carries data (JSON, tables); stderr carries progress, summaries and errors.
Exit codes: 0 done; 1 validation errors with --strict (or `validate` found errors);
2 usage error; 3 at least one input could not be processed.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from parscore.extractors.errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PIPE_CLOSED,
    EXIT_USAGE,
    IGNORED_CODES,
    InputError,
    OutputError,
    ParscoreError,
    UsageError,
)
from parscore.pipeline import __version__
from parscore.pipeline.settings import ENGINES

INTERRUPTED = (
    "parscore: interrupted; files finished so far are kept in OUT/.store: "
    "run the same command again to do the rest"
)
MAIN_EPILOG = """\
examples:
  parscore run archive/ --out data/          every notice under archive/ into data/
  parscore parse notice.pdf --json | jq .summary
  parscore validate data/ --json             findings of every file, as JSON Lines
  parscore text scan.pdf                     what was read from a file, block by block

exit codes:
  0    done
  1    validation found errors (with run --strict, or validate)
  2    usage error (bad option, input not found)
  3    at least one input could not be processed (the manifest says why)
  4    the output cannot be written (not a folder, read-only, disk full)
  130  interrupted (Ctrl-C); finished files are kept, run again to do the rest
  141  the reader of standard output went away
"""
RUN_EXAMPLES = """\
  parscore run archive/ --out data/                  a folder, searched recursively
  parscore run a.pdf b.docx c.html --out data/       files
  parscore run archive/ --include '*.pdf' --exclude 'drafts/*'
  parscore run archive/ --workers 4 --engine dask    on a local dask cluster
  parscore run archive/ --json -q > run.json         the summary as JSON, no progress
"""
PARSE_EXAMPLES = """\
  parscore parse notice.html                         a short readable summary
  parscore parse notice.pdf --json > notice.json     the whole notice as JSON
"""
VALIDATE_EXAMPLES = """\
  parscore validate notice.docx                      an aligned table of findings
  parscore validate archive/ --json                  JSON Lines, one finding a line
"""
TEXT_EXAMPLES = """\
  parscore text notice.pdf                           blocks in reading order, tables tab-separated
  parscore text scan.pdf | less                      what OCR read from a scan
"""
REPORT_EXAMPLES = """\
  parscore report data/                              writes data/report.html
  parscore report data/ --file /tmp/par.html
"""


def examples(text: str) -> dict[str, Any]:
    """Given a subcommand's examples, return the add_parser arguments that show them in --help."""
    return {"epilog": "examples:\n" + text, "formatter_class": argparse.RawDescriptionHelpFormatter}


#: Errors of a standard output that cannot take more (`> /dev/full`, a full disk).
STDOUT_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="parscore",
        description="Vietnamese PAR Index notices to validated datasets.",
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"parscore {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    add_run(sub)
    add_parse(sub)
    add_validate(sub)
    add_report(sub)
    add_text(sub)
    return parser


def add_run(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `parscore run`."""
    p = sub.add_parser(
        "run", help="process files and folders into datasets", **examples(RUN_EXAMPLES)
    )
    p.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        default=[Path("samples")],
        help="files or folders (default samples/)",
    )
    p.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default output/)"
    )
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument(
        "--engine",
        default="local",
        choices=ENGINES,
        help="local process pool, or a dask or Ray cluster",
    )
    p.add_argument(
        "--fresh", action="store_true", help="parse every input again (ignore stored results)"
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="start OUT's archive over from this run's inputs (by default a run adds to it)",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 when validation finds an error")
    add_grade_scale(p)
    p.add_argument("-q", "--quiet", action="store_true", help="show no progress")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="one line per file with its format and counts"
    )
    p.add_argument("--json", action="store_true", help="print the run's summary as JSON on stdout")
    p.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="take only files inside folders matching GLOB (path or name; repeatable)",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files inside folders matching GLOB (path or name; repeatable)",
    )
    p.add_argument("--bom", action="store_true", help="write CSV with a UTF-8 BOM (for Excel)")
    p.add_argument(
        "--timeout", type=float, default=300.0, help="seconds allowed per file (default 300)"
    )
    p.add_argument("--no-ocr", action="store_true", help="do not OCR pages without a text layer")
    add_debug(p)


def add_debug(p: argparse.ArgumentParser) -> None:
    """Add --debug to a subcommand (it may also stand before the subcommand)."""
    p.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )


def add_grade_scale(p: argparse.ArgumentParser) -> None:
    """Add --grade-scale to a subcommand."""
    p.add_argument("--grade-scale", type=Path, help="TOML grade ladder to use for every notice")


def add_parse(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `parscore parse`."""
    p = sub.add_parser(
        "parse", help="parse one file and print the notice", **examples(PARSE_EXAMPLES)
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--json", action="store_true", help="print the whole notice as JSON (docs/DESIGN.md)"
    )
    add_grade_scale(p)
    add_debug(p)


def add_validate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `parscore validate`."""
    p = sub.add_parser(
        "validate",
        help="print validation findings of a file or folder",
        **examples(VALIDATE_EXAMPLES),
    )
    p.add_argument("target", type=Path)
    p.add_argument("--json", action="store_true", help="print findings as JSON Lines")
    add_grade_scale(p)
    add_debug(p)


def add_report(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `parscore report`."""
    p = sub.add_parser(
        "report",
        help="write a self-contained HTML report of an output folder",
        **examples(REPORT_EXAMPLES),
    )
    p.add_argument("out", type=Path, nargs="?", default=Path("output"))
    p.add_argument("--file", type=Path, help="where to write it (default OUT/report.html)")
    add_debug(p)


def add_text(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `parscore text`."""
    p = sub.add_parser(
        "text",
        help="print what parscore read from a file, block by block",
        **examples(TEXT_EXAMPLES),
    )
    p.add_argument("file", type=Path)
    p.add_argument("--no-ocr", action="store_true", help="do not OCR pages without a text layer")
    add_debug(p)


def main(argv: Sequence[str] | None = None) -> int:
    """Given command-line arguments, run the command and return its exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    from parscore.pipeline import commands

    try:
        return int(getattr(commands, f"cmd_{args.command}")(args))
    except UsageError as err:
        print(f"parscore: {err}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as err:
        print_error(err, args.debug)
        return EXIT_OK if err.code in IGNORED_CODES else EXIT_FAILED
    except OutputError as err:
        print_error(err, args.debug)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except ParscoreError as err:
        print_error(err, args.debug)
        return EXIT_FAILED


def print_error(err: Exception, debug: bool) -> None:
    """Given an error, print it as one line on stderr (with the traceback under --debug)."""
    if debug:
        traceback.print_exception(err, file=sys.stderr)
    print(f"parscore: {err}", file=sys.stderr)


def run_main() -> None:
    """Console-script entry point; a reader that closes the pipe (``… | head``) ends it quietly."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_PIPE_CLOSED
    except OSError as err:
        if err.errno not in STDOUT_FULL:
            raise
        print(f"parscore: cannot write to standard output ({err.strerror})", file=sys.stderr)
        code = EXIT_OUTPUT
    else:
        sys.exit(code)
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    sys.exit(code)
