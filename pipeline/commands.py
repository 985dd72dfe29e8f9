"""The subcommands behind the CLI; each takes parsed arguments and returns an exit code."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from parscore.extractors.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, UsageError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits
from parscore.pipeline.settings import Patterns, RunSettings


def cmd_run(args: argparse.Namespace) -> int:
    """Run the batch over the inputs and write every dataset; return the exit code."""
    from parscore.pipeline.batch import run

    settings = RunSettings(
        inputs=tuple(args.inputs),
        out=args.out,
        workers=args.workers,
        engine=args.engine,
        fresh=args.fresh,
        replace=args.replace,
        strict=args.strict,
        grade_scale=args.grade_scale,
        quiet=args.quiet,
        verbose=args.verbose,
        patterns=Patterns(include=tuple(args.include), exclude=tuple(args.exclude)),
        bom=args.bom,
        limits=limits_from(args),
    )
    report = run(settings)
    print_failures(report.manifest)
    if args.json:
        from parscore.pipeline.serialize import dumps  # the notice model: not before the run

        print(dumps(run_summary(report, settings)))
    elif not args.quiet:
        print_summary(report)
    if report.failures:
        return EXIT_FAILED
    return EXIT_INVALID if settings.strict and report.errors else EXIT_OK


def limits_from(args: argparse.Namespace) -> Limits:
    """Given run arguments, return the extraction limits they set."""
    if args.timeout <= 0:
        raise UsageError(f"--timeout must be positive, got {args.timeout}")
    return (
        Limits(timeout=args.timeout, ocr=not args.no_ocr)
        if (args.timeout != DEFAULT_LIMITS.timeout or args.no_ocr)
        else DEFAULT_LIMITS
    )


def print_failures(manifest: list[dict[str, Any]]) -> None:
    """Given the manifest, print one line per failed input on stderr."""
    for row in manifest:
        if row["status"] == "failed":
            print(f"parscore: {row['message']}", file=sys.stderr)


def run_summary(report: Any, settings: RunSettings) -> dict[str, Any]:
    """Given a finished run, return its summary as a JSON object (``run --json``)."""
    statuses = [r["status"] for r in report.manifest]
    return {
        "out": str(settings.out),
        "files": len(report.manifest),
        "archive_files": len(report.archive),
        "notices": len(report.notices),
        "findings": report.findings,
        "errors": report.errors,
        "failures": report.failures,
        "seconds": round(report.seconds, 3),
        "status": {s: statuses.count(s) for s in sorted(set(statuses))},
        "failed": [
            {k: r[k] for k in ("source_path", "error_code", "message")}
            for r in report.manifest
            if r["status"] == "failed"
        ],
    }


def print_summary(report: Any) -> None:
    """Given a finished run, print its one-line summary on stderr."""
    print(
        f"parscore: {len(report.manifest)} files, {len(report.notices)} notices, "
        f"{report.findings} findings ({report.errors} errors), {report.failures} failures, "
        f"{report.seconds:.1f} s",
        file=sys.stderr,
    )


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse one file and print its notice (JSON with --json); return the exit code."""
    from parscore.pipeline.process import process_file
    from parscore.pipeline.serialize import dumps
    from parscore.pipeline.validate import ladder_override

    if not args.file.exists():
        raise UsageError(f"input not found: {args.file}")
    result = process_file(args.file, ladder=ladder_override(scale_arg(args)))
    data = result.to_dict()
    print(dumps(data) if args.json else human_summary(data))
    return EXIT_OK


def scale_arg(args: argparse.Namespace) -> str | None:
    """Given arguments, return the --grade-scale path after checking it exists."""
    scale: Path | None = getattr(args, "grade_scale", None)
    if scale is not None and not scale.is_file():
        raise UsageError(f"--grade-scale file not found: {scale}")
    return str(scale) if scale else None


#: Unit statements the readable summary of ``parse`` lists before "… more".
MAX_UNITS_SHOWN = 30


def human_summary(data: dict[str, Any]) -> str:
    """Given a parse result, return a short readable summary of it."""
    n, s = data["notice"], data["summary"]
    head = [n["number"] or "(no number)", n["issuer"], n["issue_date"]]
    lines = ["  ".join(str(v) for v in head if v)]
    lines += [f"  {n['title']}"] if n["title"] else []
    lines += [f"  {figures}"] if (figures := summary_figures(s)) else []
    lines.append(
        f"  {len(data['scores'])} areas, {len(data['unit_scores'])} unit scores, "
        f"{len(data['tasks'])} tasks, {len(data['findings'])} findings"
    )
    lines += [unit_line(u) for u in data["unit_scores"][:MAX_UNITS_SHOWN]]
    if len(data["unit_scores"]) > MAX_UNITS_SHOWN:
        lines.append(f"    … {len(data['unit_scores']) - MAX_UNITS_SHOWN} more (--json for all)")
    lines += [f"  {v['severity']:<7} {v['code']}: {v['message']}" for v in data["validation"]]
    return "\n".join(lines)


def summary_figures(s: dict[str, Any]) -> str:
    """Given a notice's summary, return its stated figures on one line (those it states)."""
    parts = []
    if s["stated_total"] is not None or s["computed_total"] is not None:
        parts.append(
            f"total {s['stated_total']} (computed {s['computed_total']}) of {s['max_total']}"
        )
    if s["headline_score"] is not None:
        parts.append(f"headline {s['headline_score']}")
    if s["grade"] or s["expected_grade"]:
        parts.append(f"grade {s['grade']} (expected {s['expected_grade']})")
    return "; ".join(parts)


def unit_line(u: dict[str, Any]) -> str:
    """Given a unit_scores row, return it as one readable line: unit, year, score, rank, grade."""
    rank = u["rank"] if u["rank_of"] is None else f"{u['rank']}/{u['rank_of']}"
    parts = [
        f"{u['score']} điểm" if u["score"] is not None else "",
        f"{u['percent']}%" if u["percent"] is not None else "",
        f"hạng {rank}" if u["rank"] is not None else "",
        u["grade"] or "",
    ]
    year = f" ({u['year']})" if u["year"] else ""
    return f"    {u['unit']}{year}: " + ", ".join(p for p in parts if p)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate a file or folder and print the findings; exit 1 when any is an error."""
    from parscore.pipeline.batch import discover, output_folders
    from parscore.pipeline.work import work

    scale = scale_arg(args)
    if not args.target.exists():
        raise UsageError(f"not found: {args.target}")
    rows: list[dict[str, Any]] = []
    failed = False
    paths = discover([args.target])
    if not paths and args.target.is_dir() and output_folders(args.target):
        raise UsageError(
            f"{args.target} holds parscore's own output, not notices: its findings are in "
            f"{args.target / 'validation.csv'}; validate the input files instead"
        )
    for path in paths:
        outcome = work(str(path), DEFAULT_LIMITS, scale)
        if outcome["status"] != "ok":
            failed = failed or outcome["status"] == "failed"
            print(f"parscore: {outcome['message']}", file=sys.stderr)
            continue
        rows.extend({"path": str(path), **v} for v in outcome["result"]["validation"])
    print_findings(rows, as_json=args.json)
    if any(r["severity"] == "error" for r in rows):
        return EXIT_INVALID
    return EXIT_FAILED if failed else EXIT_OK


def print_findings(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    """Given findings, print them as JSON Lines or as an aligned table."""
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    print(findings_table(rows))


def findings_table(rows: list[dict[str, Any]]) -> str:
    """Given findings with their path, return them as an aligned text table."""
    if not rows:
        return "no findings"
    header = ("file", "severity", "code", "where", "message")
    body = [
        (Path(r["path"]).name, r["severity"], r["code"], r["where"], r["message"]) for r in rows
    ]
    widths = [max(len(str(row[i])) for row in (header, *body)) for i in range(4)]
    lines = [
        "  ".join(str(v).ljust(w) for v, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in (header, *body)
    ]
    counts = {s: sum(1 for r in rows if r["severity"] == s) for s in ("error", "warning", "info")}
    return "\n".join(
        [*lines, f"{len(rows)} findings: " + ", ".join(f"{n} {s}" for s, n in counts.items())]
    )


def cmd_report(args: argparse.Namespace) -> int:
    """Write the HTML report of an output folder; return the exit code."""
    from parscore.pipeline.report import write_report

    if not (args.out / "notices.jsonl").is_file():
        raise UsageError(f"{args.out} holds no datasets: run `parscore run --out {args.out}` first")
    target = write_report(args.out, args.file or args.out / "report.html")
    print(str(target))
    return EXIT_OK


def cmd_text(args: argparse.Namespace) -> int:
    """Print what was read from one file: blocks in reading order, table rows tab-separated."""
    from parscore.extractors import extract

    if not args.file.exists():
        raise UsageError(f"input not found: {args.file}")
    limits = Limits(ocr=False) if args.no_ocr else DEFAULT_LIMITS
    print(document_text(extract(args.file, limits)))
    return EXIT_OK


def document_text(document: Any) -> str:
    """Given a Document, return its blocks as text: a blank line between blocks, a table as
    its rows with tab-separated cells, a block outside the body marked with its region."""
    parts = []
    for block in document.blocks:
        body = "\n".join("\t".join(row) for row in block.rows()) if block.cells else block.text
        region = "" if block.region == "body" else f"[{block.region}] "
        parts.append(region + body)
    return "\n\n".join(parts)
