"""The CLI people already know: progress levels, a JSON summary, patterns, examples, exit codes."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parscore.extractors import errors
from parscore.pipeline.cli import MAIN_EPILOG, build_parser

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]
TEXTS = ("seed-568-tb-sxd.txt", "statements-ranking-flat.txt", "lead-in-tasks-syt-2023.txt")


def parscore(*args: str) -> subprocess.CompletedProcess[str]:
    """Given arguments, run the real CLI with pipes for its output; return what it did."""
    return subprocess.run([*PARSCORE, *args], capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "nhap").mkdir(parents=True)
    for name in TEXTS:
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "statements-ranking-table.html", folder / "nhap" / "draft.html")
    return folder


def test_run_json_prints_the_summary(inputs: Path, tmp_path: Path) -> None:
    proc = parscore("run", str(inputs), "--out", str(tmp_path / "out"), "--json", "-q")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["files"] == 4 and summary["notices"] == 4 and summary["failures"] == 0
    assert summary["status"] == {"ok": 4} and summary["failed"] == []
    assert proc.stderr == ""


def test_quiet_shows_nothing_and_plain_lines_otherwise(inputs: Path, tmp_path: Path) -> None:
    quiet = parscore("run", str(inputs), "--out", str(tmp_path / "q"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""
    plain = parscore("run", str(inputs), "--out", str(tmp_path / "p"), "--workers", "1")
    lines = plain.stderr.splitlines()
    assert [ln.split()[0] for ln in lines[:4]] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert lines[-1].startswith("parscore: 4 files, 4 notices")


def test_verbose_lines_name_format_time_and_counts(inputs: Path, tmp_path: Path) -> None:
    proc = parscore("run", str(inputs), "--out", str(tmp_path / "v"), "-v", "--workers", "1")
    seed = next(ln for ln in proc.stderr.splitlines() if "seed-568-tb-sxd.txt" in ln)
    assert re.search(r"txt, \d+\.\d\d s, 7 areas, 1 unit scores, 12 tasks$", seed), seed


def test_a_terminal_gets_a_progress_bar(inputs: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    command = [*PARSCORE, "run", str(inputs), "--out", str(tmp_path / "t"), "--workers", "1"]
    proc = subprocess.run(
        command, stderr=follower, stdout=subprocess.DEVNULL, cwd=ROOT, timeout=300, check=False
    )
    os.close(follower)
    shown = read_all(leader)
    assert proc.returncode == 0
    assert "4/4" in shown and "file/s" in shown and "100%" in shown, shown
    assert "[1/4]" not in shown  # the bar, not the plain lines


def read_all(fd: int) -> str:
    """Given a pseudo-terminal's leader, return everything written to it."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the follower is closed and everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_include_and_exclude(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = parscore(
        "run",
        str(inputs),
        "--out",
        str(out),
        "-q",
        "--include",
        "*.txt",
        "--include",
        "nhap/*",
        "--exclude",
        "statements-*",
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(r) for r in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(Path(r["source_path"]).name for r in rows) == [
        "draft.html",
        "lead-in-tasks-syt-2023.txt",
        "seed-568-tb-sxd.txt",
    ]


def test_parse_shows_a_ranking_notices_units() -> None:
    proc = parscore("parse", str(SAMPLES / "statements-ranking-flat.txt"))
    assert "Sở Tư pháp (2023): 94.49 điểm, hạng 1" in proc.stdout
    assert "None" not in proc.stdout


def test_every_help_shows_examples() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert "examples:" in parser.format_help()
    for name, command in sub.choices.items():  # type: ignore[attr-defined]
        assert "examples:" in command.format_help(), f"parscore {name} --help shows no example"


def test_every_exit_code_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    assert codes == {0, 1, 2, 3, 4, 130, 141}
    for code in codes:
        assert re.search(rf"^  {code}\s", MAIN_EPILOG, re.M), f"--help lacks exit code {code}"
        assert re.search(rf"[ ;:]{code} ", readme), f"README lacks exit code {code}"


def test_text_prints_what_was_read_tables_tab_separated() -> None:
    proc = parscore("text", str(SAMPLES / "seed-568-tb-sxd.html"))
    assert proc.returncode == 0, proc.stderr
    assert "Cải cách thủ tục hành chính\t17.5\t10,86" in proc.stdout
    assert "\n\n3.1 Văn phòng Sở:" in proc.stdout
    missing = parscore("text", str(SAMPLES / "khong-co.pdf"))
    assert missing.returncode == 2 and "input not found" in missing.stderr
