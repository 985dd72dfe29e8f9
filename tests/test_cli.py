"""The CLI contract of DESIGN.md: commands, JSON, exit codes, one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from parscore.pipeline import __version__
from parscore.pipeline.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "samples" / "seed-568-tb-sxd.txt"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"parscore {__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main(["run", "--workers", "0", str(SEED_TXT), "--out", "/tmp/x"]) == 2
    assert "workers" in capsys.readouterr().err


def test_parse_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_TXT), "--json"]) == 0
    out = capsys.readouterr().out
    assert "Sở Xây dựng" in out  # UTF-8, not ASCII-escaped
    data = json.loads(out)
    assert set(data) == {
        "parscore_version",
        "source",
        "notice",
        "summary",
        "scores",
        "unit_scores",
        "tasks",
        "findings",
        "validation",
    }
    assert data["source"]["format"] == "txt"
    assert data["notice"]["number"] == "568/TB-SXD"
    assert data["notice"]["issue_date"] == "2024-03-26"
    assert data["summary"]["stated_total"] == 75.61
    assert data["summary"]["max_total"] == 100
    assert data["summary"]["previous_year_delta"] == 3.286
    assert data["scores"][2]["raw"]["appraised"] == "10,86"
    assert data["scores"][2]["appraised"] == 10.86
    assert data["unit_scores"][0]["source"] == "prose"


@pytest.mark.parametrize("command", ["parse", "validate", "run"])
def test_a_missing_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    missing = tmp_path / "khong-co.pdf"
    extra = ["--out", str(tmp_path / "out")] if command == "run" else []
    assert main([command, str(missing), *extra]) == 2
    err = capsys.readouterr().err
    assert f"not found: {missing}" in err and "damaged" not in err


def test_parse_bad_file_is_one_line_with_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert main(["parse", str(empty), "--json"]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(empty) in err and "[empty-document]" in err
    assert "Traceback" not in err


def test_run_writes_every_table_and_exits_3_on_a_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(SEED_TXT.read_bytes())
    (inputs / "copy.txt").write_bytes(SEED_TXT.read_bytes())
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 3
    assert re.search(r"3 files, 1 notices, \d+ findings .*1 failures", err)
    for table in (
        "notices",
        "scores",
        "unit_scores",
        "tasks",
        "findings",
        "validation",
        "manifest",
    ):
        for ext in ("csv", "parquet", "jsonl"):
            assert (out / f"{table}.{ext}").is_file()
    manifest = [
        json.loads(line)
        for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["status"] for r in manifest) == ["duplicate", "failed", "ok"]
    failed = next(r for r in manifest if r["status"] == "failed")
    assert failed["error_code"] == "corrupt-file" and "broken.pdf" in failed["message"]


def test_run_resumes_from_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SEED_TXT), "--out", str(out), "--quiet"]) == 0
    assert main(["run", str(SEED_TXT), "--out", str(out), "--quiet"]) == 0
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8")
    assert '"status": "skipped"' in manifest
    assert len((out / "notices.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert main(["run", str(SEED_TXT), "--out", str(out), "--quiet", "--fresh"]) == 0
    assert '"status": "ok"' in (out / "manifest.jsonl").read_text(encoding="utf-8")


def test_strict_exits_1_on_validation_errors(tmp_path: Path) -> None:
    doctored = tmp_path / "over-max.txt"
    doctored.write_text(
        SEED_TXT.read_text(encoding="utf-8").replace("12.23", "16.23", 1), encoding="utf-8"
    )
    assert main(["run", str(doctored), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    assert main(["run", str(doctored), "--out", str(tmp_path / "o"), "--quiet", "--strict"]) == 1


def test_every_command_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert f"parscore {name}" in readme
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"{name} {flag} is not documented in README.md"


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    seed = Path(__file__).resolve().parent.parent / "samples" / "seed-568-tb-sxd.txt"
    command = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()",
               "parse", str(seed), "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=seed.parent.parent) as reader:
        assert reader.stdout is not None
        reader.stdout.close()  # the reader goes away before the JSON is written, as `| head` may
        _, error = reader.communicate(timeout=60)
    assert reader.returncode == 141
    assert error == b"", error.decode()
