"""Every validation code has a doctored sample that yields it and nothing else.

Each file of ``samples/doctored/`` is named for its code and is a clean sample with one
realistic fault (where the fault forces a second figure to move, the second one keeps the
rest of the notice consistent). What each changes, from which clean sample:

============================  ==========  =====================================================
doctored file                 from        change → finding
============================  ==========  =====================================================
ambiguous-number.txt          sct         headline "đạt 81,2 điểm" → "đạt 81,200/100,000 điểm"
                                          (written to 3 decimals); a maximum has no bound, so
                                          "100,000" stays 100 or 100000 → warning
conflicting-value.txt         flat        the lead gains "Sở Tư pháp dẫn đầu khối sở, ban,
                                          ngành với 94,94 điểm" (digits swapped) while the
                                          table keeps 94,49 → error
delta-inconsistent.html       stp         "tăng 1,25 điểm so với năm 2021" gains "(năm 2021 đạt
                                          84,12 điểm)": 84,12 + 1,25 ≠ 85,47 → error
duplicate-area.html           stp         row 4 label pasted from row 3 ("Cải cách thủ tục hành
                                          chính"), figures unchanged → warning
grade-mismatch.txt            sct         "xếp loại Tốt" → "xếp loại Xuất sắc" for 81,2/100 → error
grade-unverifiable.html       huyen       "xếp loại Khá" → "xếp loại Nhóm II", a group word that
                                          the default ladder has no band for → info
headline-total-mismatch.html  stp         headline 85,47 → 84,57 (digits swapped), table total
                                          still 85,47 → warning
max-sum-mismatch.html         huyen       area III maximum 14,5 → 15,5: maxima sum to 101 but
                                          the total row says 100 → error
negative-score.html           huyen       area VI appraised 5,7 → "-0,5" (a deduction written as
                                          the score); total row and headline 78,95 → 72,75 so
                                          the sums still hold → error
no-scores.txt                 seed        the score sentence and the table give way to "… chi
                                          tiết tại phụ lục kèm theo." → info
percent-mismatch.txt          sct         area 2 "Chỉ số (%)" 90 → 80, but 11,7 of 13 is 90%
                                          → warning
rank-count-mismatch.txt       flat        the lead gains "Sở Tư pháp xếp thứ 1/4, Sở Y tế
                                          xếp thứ 4/5": one set of sở out of 4 and 5 → warning
rank-out-of-range.txt         sct         headline gains "xếp thứ 21/20 sở, ban, ngành" → error
suspect-number.txt            sct         "Thông báo số 245/TB-SCT" → "số 0/TB-SCT" (the digits
                                          before a zero lost): a running count of 0 → warning
score-over-max.html           stp         area 2 self-assessed 14,25 → 15,25 over its maximum 15;
                                          self-assessed total 90 → 91 so it still adds up → error
sum-mismatch.html             stp         area 3 appraised 13,72 → 13,22: the areas sum to 84,97
                                          but the total row says 85,47 → error
unknown-area.html             huyen       area VIII labelled "Mức độ hài lòng của người dân, tổ
                                          chức (điều tra xã hội học)": the survey, not an area
                                          → warning
============================  ==========  =====================================================

Clean samples: stp = self-and-appraised-stp-2022.html, huyen = total-row-first-huyen-2020.html,
sct = percent-column-sct-2023.txt, seed = seed-568-tb-sxd.txt,
flat = statements-ranking-flat.txt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parscore.pipeline.cli import main
from parscore.pipeline.model import Severity
from parscore.pipeline.process import process_file
from parscore.pipeline.validate import ACROSS_NOTICES, Code
from tests.conftest import parsed_sample

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DOCTORED = SAMPLES / "doctored"
GOLDEN = ROOT / "tests" / "golden"

#: The severity each doctored sample's findings carry.
SEVERITY: dict[Code, Severity] = {
    Code.SUM_MISMATCH: Severity.ERROR,
    Code.MAX_SUM_MISMATCH: Severity.ERROR,
    Code.SCORE_OVER_MAX: Severity.ERROR,
    Code.NEGATIVE_SCORE: Severity.ERROR,
    Code.HEADLINE_TOTAL_MISMATCH: Severity.WARNING,
    Code.GRADE_MISMATCH: Severity.ERROR,
    Code.GRADE_UNVERIFIABLE: Severity.INFO,
    Code.DELTA_INCONSISTENT: Severity.ERROR,
    Code.PERCENT_MISMATCH: Severity.WARNING,
    Code.AMBIGUOUS_NUMBER: Severity.WARNING,
    Code.UNKNOWN_AREA: Severity.WARNING,
    Code.DUPLICATE_AREA: Severity.WARNING,
    Code.RANK_OUT_OF_RANGE: Severity.ERROR,
    Code.NO_SCORES: Severity.INFO,
    Code.CONFLICTING_VALUE: Severity.ERROR,
    Code.RANK_COUNT_MISMATCH: Severity.WARNING,
    Code.SUSPECT_NUMBER: Severity.WARNING,
}
#: Samples whose code needs a parser stage that is not wired in yet (none today).
PENDING: dict[Code, str] = {}
SEED_PREFIX = "seed-568-tb-sxd"
#: Without golden files: the codes a clean sample yields, exactly; others nothing above info.
CLEAN_CODES = {"figures-do-not-add-up-sgtvt-2023.txt": {Code.SUM_MISMATCH}}
SEED_CODES = {Code.HEADLINE_TOTAL_MISMATCH}


def doctored_params() -> list[object]:
    """Given the doctored folder, return one pytest param per file, marked when pending."""
    params: list[object] = []
    for path in sorted(p for p in DOCTORED.iterdir() if p.is_file()):
        reason = PENDING.get(Code(path.stem)) if path.stem in set(Code) else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


def clean_samples() -> list[Path]:
    """Given the samples folder, return its top-level files (the clean samples)."""
    return sorted(p for p in SAMPLES.iterdir() if p.is_file())


def test_every_code_has_one_doctored_sample() -> None:
    stems = sorted(p.stem for p in DOCTORED.iterdir() if p.is_file())
    one_notice = set(Code) - ACROSS_NOTICES  # those of two notices: tests/test_panel.py
    assert stems == sorted(one_notice), "samples/doctored/ must hold exactly one file per code"
    assert set(SEVERITY) == one_notice


@pytest.mark.parametrize("path", doctored_params())
def test_doctored_sample_yields_exactly_its_code(path: Path) -> None:
    code = Code(path.stem)
    checks = process_file(path).notice.validation
    assert {(c.code, c.severity) for c in checks} == {(code, SEVERITY[code])}, [
        f"{c.severity} {c.code} at {c.where}: {c.message}" for c in checks
    ]


def golden_pairs(name: str) -> set[tuple[str, str]] | None:
    """Given a sample's name, return the (code, severity) pairs its golden file lists, or None."""
    golden = GOLDEN / f"{name}.json"
    if not golden.is_file():
        return None
    data = json.loads(golden.read_text(encoding="utf-8"))
    return {(v["code"], v["severity"]) for v in data["validation"]}


@pytest.mark.parametrize("path", clean_samples(), ids=lambda p: p.name)
def test_clean_sample_yields_only_its_listed_codes(path: Path) -> None:
    checks = parsed_sample(path.name).notice.validation
    found = {(c.code, c.severity) for c in checks}
    listed = golden_pairs(path.name)
    if listed is not None:
        assert found <= listed, f"{path.name}: beyond its golden file: {found - listed}"
    elif path.name.startswith(SEED_PREFIX) or path.name in CLEAN_CODES:
        assert {c.code for c in checks} == CLEAN_CODES.get(path.name, SEED_CODES), found
    else:
        assert all(c.severity is Severity.INFO for c in checks), found


@pytest.mark.slow
def test_validate_samples_prints_the_findings_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(SAMPLES)]) == 1
    printed = capsys.readouterr().out
    assert "figures-do-not-add-up-sgtvt-2023.txt" in printed
    assert Code.SUM_MISMATCH in printed


def test_strict_run_of_the_doctored_samples_exits_1(tmp_path: Path) -> None:
    argv = ["run", str(DOCTORED), "--out", str(tmp_path / "out"), "--strict", "--quiet"]
    assert main(argv) == 1
