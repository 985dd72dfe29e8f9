"""`parscore report`: one self-contained, escaped HTML page whose charts render in Chromium.

The browser tests open the report of a few samples in Debian's headless Chromium: the
rendered DOM must hold every chart with one bar per figure, and the screenshot saved to
output/report-screenshot.png must show the charts' colours. Without Chromium they skip,
except under CI=true, where they fail with the install hint.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from parscore.pipeline.cli import main
from parscore.pipeline.datasets import TABLES
from parscore.pipeline.report import write_report
from parscore.pipeline.report.fmt import DASH, num, pct, signed
from parscore.pipeline.report.page import asset
from parscore.pipeline.report.svg import nice_step, value_axis
from parscore.pipeline.sink import DatasetSink
from tools.browser import INSTALL_HINT, dump_dom, find_chromium, screenshot

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCREENSHOT = ROOT / "output" / "report-screenshot.png"
PANEL_SCREENSHOT = ROOT / "output" / "report-panel-screenshot.png"
PANEL = ROOT / "tests" / "panel"
REPORT_SAMPLES = (
    "figures-do-not-add-up-sgtvt-2023.txt",
    "percent-column-sct-2023.txt",
    "self-and-appraised-stp-2022.html",
    "total-row-first-huyen-2020.html",
)
INJECTION = '<img src=x onerror="alert(1)"> "quoted" & </section><script>alert(2)</script>'
NETWORK_REF = re.compile(
    r"""(?:src|href|srcset|action)\s*=\s*["']?\s*(?:https?:)?//|url\(|@import|<link\b""", re.I
)
EXIT_FAILED = 3
MIN_COLOURS = 50  # a rendered page with text, charts and badges has far more
MIN_BAR_PIXELS = 2000  # several 14 px high bars of the chart colour


@dataclass(frozen=True, slots=True, kw_only=True)
class Built:
    """An output folder made from samples, its report, and the rows the report shows."""

    out: Path
    page: Path
    rows: dict[str, list[dict[str, Any]]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Given a JSON Lines file, return its rows."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def injected_sample(folder: Path) -> Path:
    """Given a folder, write a copy of a sample whose title carries HTML; return its path."""
    text = (SAMPLES / "percent-column-sct-2023.txt").read_text(encoding="utf-8")
    text = text.replace("Thông báo kết quả", f"Thông báo {INJECTION} kết quả", 1)
    target = folder / "injected-title-sct-2023.txt"
    target.write_text(text.replace("245/TB-SCT", "246/TB-SCT"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Run four samples, a doctored one and an empty PDF, and write the report."""
    base = tmp_path_factory.mktemp("report")
    inputs, out = base / "in", base / "out"
    inputs.mkdir()
    for name in REPORT_SAMPLES:
        shutil.copy(SAMPLES / name, inputs / name)
    injected_sample(inputs)
    (inputs / "empty.pdf").write_bytes(b"")
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--workers", "1"]) == EXIT_FAILED
    rows = {t: read_jsonl(out / f"{t}.jsonl") for t in ("notices", "scores", "validation")}
    return Built(out=out, page=write_report(out, out / "report.html"), rows=rows)


def need_chromium() -> None:
    """Skip without Chromium, or fail under CI=true, saying how to install it."""
    if find_chromium() is not None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(INSTALL_HINT)
    pytest.skip(INSTALL_HINT)


def expected_bars(rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Given the dataset rows, return the number of bars or dots each archive chart needs."""
    notices = [n for n in rows["notices"] if n["copy_of"] in (None, n["notice_id"])]
    totals = [n for n in notices if (n["stated_total"] or n["computed_total"]) is not None]
    return {
        "grades": len({n["grade"] or DASH for n in notices}),
        "validation-codes": len({v["code"] for v in rows["validation"]}),
        "totals-by-year": len(totals),
    }


def assert_charts(tree: LexborHTMLParser, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Given a parsed page and the dataset rows, assert every chart and its bar count."""
    charts = tree.css("svg[data-chart]")
    assert charts and all(c.css_first("title").text().strip() for c in charts)
    for kind, count in expected_bars(rows).items():
        marks = "circle.dot" if kind == "totals-by-year" else "rect.bar"
        assert len(tree.css(f'svg[data-chart="{kind}"] {marks}')) == count, kind
    for notice in rows["notices"]:
        scores = [s for s in rows["scores"] if s["notice_id"] == notice["notice_id"]]
        chart = tree.css_first(f'svg[data-chart="areas"][data-notice="{notice["notice_id"]}"]')
        assert len(chart.css("rect.bar")) == sum(s["score"] is not None for s in scores)
        assert len(chart.css("rect.track")) == sum(s["max"] is not None for s in scores)


def assert_injection_inert(tree: LexborHTMLParser, notices: int) -> None:
    """Given a parsed page, assert the HTML in a title stayed text and broke no section."""
    assert not tree.css("script") and not tree.css("img")
    assert len(tree.css("section.notice")) == notices
    titles = [t.text() for t in tree.css("p.notice-title")]
    assert any(INJECTION in t for t in titles)


# --- the HTML itself, no browser ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (75.61, "75.61"),
        (100.0, "100"),
        (3.286, "3.286"),
        (185871.5, "185871.5"),
        (0, "0"),
        (None, DASH),
    ],
)
def test_numbers_are_shown_as_stated_and_missing_as_dash(value: float | None, text: str) -> None:
    assert num(value) == text


def test_signed_and_percent() -> None:
    assert (signed(3.286), signed(-0.85), signed(None)) == ("+3.286", "-0.85", DASH)
    assert (pct(12.23, 15.5), pct(1, None), pct(None, 10), pct(1, 0)) == ("79%", DASH, DASH, DASH)


def test_value_axis_is_round_and_holds_the_values() -> None:
    assert nice_step(13.4) == 5
    axis = value_axis([75.61, 89.0, 78.95], ceiling=100.0)
    assert (axis.lo, axis.hi, axis.step) == (75, 90, 5)
    assert value_axis([75.61, 185871.5], ceiling=100.0).hi == 100


def synthetic_rows() -> dict[str, list[dict[str, Any]]]:
    """Return dataset tables of one notice full of HTML and missing values, one failed file."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["notices"] = [
        {
            "notice_id": "n1",
            "title": INJECTION,
            "issuer": "Sở <b>Thử</b>",
            "computed_total": 12.5,
            "n_tasks": 0,
        }
    ]
    rows["scores"] = [
        {
            "notice_id": "n1",
            "order": 1,
            "area": "other",
            "label": "<script>x</script>",
            "score": 12.5,
        },
        {
            "notice_id": "n1",
            "order": 2,
            "area": "the_che",
            "label": "Cải cách thể chế",
            "max": 10.0,
        },
    ]
    rows["validation"] = [
        {"notice_id": "n1", "code": "sum-mismatch", "severity": "error", "message": "<b>off</b>"},
        {"notice_id": "n1", "code": "x", "severity": '"><script>y</script>', "message": None},
    ]
    rows["manifest"] = [
        {
            "source_path": "a<b>.pdf",
            "status": "failed",
            "error_code": "empty-document",
            "message": "<i>",
        }
    ]
    return rows


def test_html_escapes_every_text_and_shows_dash_for_missing_values(tmp_path: Path) -> None:
    sink = DatasetSink(tmp_path)  # the same writer `parscore run` uses
    for table, rows in synthetic_rows().items():
        sink.append(table, rows)
    sink.finish()
    html = write_report(tmp_path, tmp_path / "r.html").read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<b>", "<i>", "</section><"):
        assert raw not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    tree = LexborHTMLParser(html)
    assert len(tree.css("section.notice")) == 1
    for field in ("stated_total", "max_total", "headline_score", "grade", "expected_grade", "rank"):
        assert tree.css_first(f'tr[data-field="{field}"] td').text() == DASH, field
    assert tree.css_first('tr[data-field="computed_total"]').attributes["class"] == "sev-error"
    figures = [t.text() for t in tree.css('svg[data-chart="areas"] text.figure')]
    assert figures == [f"12.5 / {DASH} · {DASH}", f"{DASH} / 10 · {DASH}"]
    assert "0 tasks" in tree.css_first("p.counts").text()
    assert DASH in [t.text() for t in tree.css('svg[data-chart="totals-by-year"] text.label')]
    assert [li.attributes["class"] for li in tree.css("ul.checks li")] == ["sev-error", "sev-other"]
    assert "empty-document" in tree.css_first("table.failures").text()


# --- the panel: ranking charts, trajectories, conflicts, copies once -------------------------


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Run the composed archive of tests/panel and write its report."""
    out = tmp_path_factory.mktemp("panel-report") / "out"
    assert main(["run", str(PANEL), "--out", str(out), "--quiet"]) == 0
    tables = ("notices", "unit_scores", "unit_years", "validation")
    rows = {t: read_jsonl(out / f"{t}.jsonl") for t in tables}
    return Built(out=out, page=write_report(out, out / "report.html"), rows=rows)


def ranked_values(rows: list[dict[str, Any]], notice: dict[str, Any]) -> int:
    """Given unit_scores rows and a notice, return how many units of its year have a figure."""
    own = [r for r in rows if r["notice_id"] == notice["notice_id"]
           and r["year"] in (notice["assessment_year"], None)]  # fmt: skip
    return len({r["unit_id"] for r in own if (r["percent"] or r["score"]) is not None})


def assert_panel(tree: LexborHTMLParser, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Given a parsed page of the panel archive and its rows, assert its panel charts."""
    for notice in rows["notices"]:
        chart = tree.css_first(f'svg[data-chart="ranking"][data-notice="{notice["notice_id"]}"]')
        expected = ranked_values(rows["unit_scores"], notice)
        assert (len(chart.css("rect.bar")) if chart else 0) == (expected if expected > 1 else 0)
    figures: Counter[str] = Counter(r["unit_id"] for r in rows["unit_years"] if r["percent"])
    drawn = {c.attributes["data-unit"] for c in tree.css('svg[data-chart="trajectory"]')}
    assert drawn == {u for u, n in figures.items() if n > 1}  # the archive states percents
    assert "huyen.quang-binh.huyen-tuyen-hoa" not in drawn  # a rank in 2021, a figure in 2023
    conflicted = [r for r in rows["unit_years"] if r["conflict"]]
    assert len(tree.css('svg[data-chart="trajectory"] circle.dot.conflict')) == len(conflicted)
    [row] = tree.css("table.conflicts tr")[1:]
    assert "318/QĐ-UBND" in row.text() and "509/QĐ-UBND" in row.text()
    distinct = sum(n["copy_of"] == n["notice_id"] for n in rows["notices"])
    assert distinct == len(rows["notices"]) - 1  # the mirror
    assert f"notices ({distinct} distinct)" in tree.css_first("div.cards").text()


def test_report_shows_rankings_trajectories_and_conflicts(panel: Built) -> None:
    assert_panel(LexborHTMLParser(panel.page.read_text(encoding="utf-8")), panel.rows)


def test_panel_charts_render_in_chromium(panel: Built) -> None:
    need_chromium()
    tree = LexborHTMLParser(dump_dom(panel.page))
    assert_panel(tree, panel.rows)
    png = screenshot(panel.page, PANEL_SCREENSHOT, size=(1280, 1600))
    with Image.open(png) as img:
        colours = dict((rgb, k) for k, rgb in img.convert("RGB").getcolors(maxcolors=1 << 22) or [])
    assert colours.get(css_colour("bar"), 0) >= MIN_BAR_PIXELS  # ranking bars and trend lines
    assert colours.get(css_colour("warning"), 0) > 0  # the conflict's dot


def test_report_is_self_contained_utf8(built: Built) -> None:
    raw = built.page.read_bytes()
    html = raw.decode("utf-8")
    assert not NETWORK_REF.search(html)
    assert "http://" not in html and "https://" not in html
    assert '<meta charset="utf-8">' in html and "Content-Security-Policy" in html
    assert "Sở Công Thương".encode() in raw and "Ủy ban nhân dân huyện Cẩm Mỹ".encode() in raw
    assert not NETWORK_REF.search(asset("style.css"))


def test_report_shows_charts_findings_and_failures(built: Built) -> None:
    tree = LexborHTMLParser(built.page.read_text(encoding="utf-8"))
    assert_charts(tree, built.rows)
    assert_injection_inert(tree, len(built.rows["notices"]))
    assert "empty-document" in tree.css_first("table.failures").text()
    codes = Counter(v["code"] for v in built.rows["validation"])
    assert codes["sum-mismatch"] == 1
    assert "sum-mismatch" in tree.css_first("ul.checks li.sev-error").text()
    issuers = [row.css("td")[1].text() for row in tree.css("table.index tr") if row.css("td")]
    assert issuers == sorted(n["issuer"] for n in built.rows["notices"])


def test_cli_report_prints_the_path(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sub" / "report.html"
    assert main(["report", str(built.out), "--file", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert target.read_text(encoding="utf-8") == built.page.read_text(encoding="utf-8")


# --- real headless Chromium ---------------------------------------------------------------


def test_missing_chromium_fails_under_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(f"{__name__}.find_chromium", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="install-chromium"):
        need_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="install-chromium"):
        need_chromium()


def test_charts_render_in_chromium(built: Built) -> None:
    need_chromium()
    tree = LexborHTMLParser(dump_dom(built.page))
    assert_charts(tree, built.rows)
    assert_injection_inert(tree, len(built.rows["notices"]))


def css_colour(name: str) -> tuple[int, int, int]:
    """Given a CSS custom property of the report's style sheet, return its RGB colour."""
    match = re.search(rf"--{name}:\s*#([0-9a-f]{{6}})", asset("style.css"))
    assert match, name
    return tuple(bytes.fromhex(match.group(1)))  # type: ignore[return-value]


def test_screenshot_shows_the_charts(built: Built) -> None:
    need_chromium()
    png = screenshot(built.page, SCREENSHOT, size=(1280, 2000))
    with Image.open(png) as img:
        assert img.format == "PNG" and img.size == (1280, 2000)
        colours = dict((rgb, k) for k, rgb in img.convert("RGB").getcolors(maxcolors=1 << 22) or [])
    assert len(colours) >= MIN_COLOURS
    assert colours.get(css_colour("bar"), 0) >= MIN_BAR_PIXELS
    assert colours.get(css_colour("error"), 0) > 0  # the sum-mismatch bar and badge
