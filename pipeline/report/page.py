"""Assemble the report page: archive overview, index of notices, one section per notice.

Every text from the data goes through ``fmt.esc`` (or ``svg.text``), every missing value
shows as "—", and the page references nothing outside itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import PurePath
from string import Template

from parscore.pipeline import __version__
from parscore.pipeline.report.fmt import DASH, esc, num, sev_class, signed, tag
from parscore.pipeline.report.load import Archive, Check, Input, Notice
from parscore.pipeline.report.stats import (
    ceiling,
    code_counts,
    failures,
    grade_counts,
    severity_counts,
    status_counts,
    total_of,
    totals_by_year,
    worst,
)
from parscore.pipeline.report.svg import area_chart, count_chart, ranking_chart, year_chart
from parscore.pipeline.report.units import units_section

PAGE_TITLE = "parscore report"
PLURALS = {"error": "errors", "warning": "warnings"}
FAILURE_HEADINGS = ("File", "Format", "Error code", "Message")
INDEX_HEADINGS = ("Number", "Issuer", "Year", "Total", "Grade", "Findings", "Source")
# Which rows of a notice's totals a validation code puts in doubt.
FLAGGED_FIELDS = {
    "sum-mismatch": ("stated_total", "computed_total"),
    "max-sum-mismatch": ("max_total",),
    "headline-total-mismatch": ("headline_score", "stated_total"),
    "grade-mismatch": ("grade", "expected_grade"),
    "grade-unverifiable": ("expected_grade",),
    "delta-inconsistent": ("previous_year_delta",),
    "rank-out-of-range": ("rank",),
}


@cache
def asset(name: str) -> str:
    """Given the name of a file of this package (style.css, page.html), return its text."""
    return (
        resources.files(__package__ or "parscore.pipeline.report")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def render(archive: Archive) -> str:
    """Given an archive, return the whole report page."""
    body = "\n".join(
        [
            masthead(archive),
            overview(archive),
            notice_index(archive.notices),
            units_section(archive),
            *map(notice_section, archive.notices),
        ]
    )
    return Template(asset("page.html")).substitute(
        title=esc(f"{PAGE_TITLE}: {PurePath(archive.folder).name}"),
        css=asset("style.css"),
        body=body,
        version=esc(__version__),
    )


def masthead(archive: Archive) -> str:
    """Given an archive, return the page heading naming its folder."""
    sub = f"Datasets of <code>{esc(archive.folder)}</code> · parscore {esc(__version__)}"
    return tag("header", tag("h1", PAGE_TITLE) + tag("p", sub, "sub"))


def card(value: object, what: str, css: str = "") -> str:
    """Given a figure, its caption and a class, return one summary card."""
    return tag(
        "div", tag("span", esc(value), "value") + tag("span", esc(what), "what"), f"card {css}"
    )


def cards(archive: Archive) -> str:
    """Given an archive, return the cards of files, notices, failures and findings by severity."""
    statuses = ", ".join(f"{c.count} {c.label}" for c in status_counts(archive.inputs))
    valid = sum(1 for n in archive.notices if not any(c.severity == "error" for c in n.checks))
    failed = len(failures(archive.inputs))
    by_severity = severity_counts(archive.notices).items()
    items = [
        card(len(archive.inputs), f"files ({statuses or DASH})"),
        card(len(archive.notices), f"notices ({copies_text(archive.notices)})"),
        card(failed, "failures", "sev-error" if failed else ""),
        card(valid, "notices without errors"),
        *(card(k, f"{s} findings", sev_class(s)) for s, k in by_severity),
    ]
    return tag("div", "".join(items), "cards")


def copies_text(notices: Sequence[Notice]) -> str:
    """Given the notices, return how many are distinct documents ("5 distinct")."""
    return f"{sum(1 for n in notices if n.first_copy)} distinct"


def figure(caption: str, chart: str) -> str:
    """Given a caption and a chart, return them as a figure."""
    return tag("figure", tag("figcaption", esc(caption)) + chart)


def overview(archive: Archive) -> str:
    """Given an archive, return its overview: cards, the three archive charts, the failures."""
    notices = [n for n in archive.notices if n.first_copy]  # copies of one notice count once
    years = year_chart(totals_by_year(notices), ceiling(notices))
    grades = count_chart("grades", "Number of notices per stated grade", grade_counts(notices))
    codes = count_chart("validation-codes", "Findings per validation code", code_counts(notices))
    charts = (
        figure("Totals by assessment year", years)
        + figure("Grades stated", grades)
        + figure("Most frequent validation findings", codes)
    )
    inner = cards(archive) + tag("div", charts, "charts") + failures_table(failures(archive.inputs))
    return f'<section class="panel" id="overview"><h2>Archive</h2>{inner}</section>'


def failure_row(item: Input) -> str:
    """Given a failed input, return its table row: file, format, error code, message."""
    cells = (
        esc(item.source_path),
        esc(item.format),
        tag("code", esc(item.error_code)),
        esc(item.message),
    )
    return tag("tr", "".join(tag("td", c) for c in cells))


def failures_table(items: Sequence[Input]) -> str:
    """Given the failed inputs, return the table of them (a line saying none when empty)."""
    if not items:
        return '<h3>Failures</h3><p class="muted">Every input was processed.</p>'
    head = tag("tr", "".join(tag("th", h) for h in FAILURE_HEADINGS))
    return tag("h3", "Failures") + tag("table", head + "".join(map(failure_row, items)), "failures")


def anchor(notice: Notice) -> str:
    """Given a notice, return the id of its section."""
    return f"n-{esc(notice.notice_id)}"


def status_badge(checks: Sequence[Check]) -> str:
    """Given a notice's findings, return a badge: the count of the worst severity, or valid."""
    severity = worst(c.severity for c in checks)
    if severity is None:
        return '<span class="badge valid">no findings</span>'
    count = sum(1 for c in checks if c.severity == severity)
    word = PLURALS.get(severity, severity) if count > 1 else severity
    return f'<span class="badge {sev_class(severity)}">{count} {esc(word)}</span>'


def index_row(notice: Notice) -> str:
    """Given a notice, return its row in the index of notices."""
    source = PurePath(notice.source_path).name if notice.source_path else None
    cells = (
        tag("td", f'<a href="#{anchor(notice)}">{esc(notice.number)}</a>'),
        tag("td", esc(notice.issuer)),
        tag("td", esc(notice.assessment_year), "num"),
        tag("td", num(total_of(notice)), "num"),
        tag("td", esc(notice.grade)),
        tag("td", status_badge(notice.checks)),
        tag("td", esc(source)),
    )
    return tag("tr", "".join(cells))


def notice_index(notices: Sequence[Notice]) -> str:
    """Given the notices, return the index table that links to their sections."""
    head = tag("tr", "".join(tag("th", h) for h in INDEX_HEADINGS))
    rows = "".join(map(index_row, notices)) or tag("tr", tag("td", DASH))
    table = tag("table", head + rows, "index")
    return f'<section class="panel" id="notices"><h2>Notices ({len(notices)})</h2>{table}</section>'


def notice_meta(notice: Notice) -> str:
    """Given a notice, return its line of dates, year and source."""
    items = (
        f"issued {esc(notice.issue_date)}",
        f"meeting {esc(notice.meeting_date)}",
        f"assessment year {esc(notice.assessment_year)}",
        f"source {esc(notice.source_path)} ({esc(notice.source_format)})",
    )
    return '<p class="meta">' + "".join(f"<span>{item}</span>" for item in items) + "</p>"


def notice_header(notice: Notice) -> str:
    """Given a notice, return its heading: number and issuer, badge, title, dates."""
    return (
        f'<div class="notice-head"><h2 lang="vi">{esc(notice.number)} · {esc(notice.issuer)}</h2>'
        f"{status_badge(notice.checks)}</div>"
        f'<p class="notice-title" lang="vi">{esc(notice.title)}</p>{notice_meta(notice)}'
    )


def rank_text(notice: Notice) -> str:
    """Given a notice, return its rank as "rank of count", or "—"."""
    if notice.rank is None:
        return DASH
    return f"{num(notice.rank)} of {num(notice.rank_of)}"


def totals_rows(notice: Notice) -> tuple[tuple[str, str, str], ...]:
    """Given a notice, return its totals as (field, label, formatted value) rows."""
    return (
        ("stated_total", "Stated total", num(notice.stated_total)),
        ("computed_total", "Computed total (sum of areas)", num(notice.computed_total)),
        ("max_total", "Maximum", num(notice.max_total)),
        ("headline_score", "Headline score", num(notice.headline_score)),
        ("grade", "Grade stated", esc(notice.grade)),
        ("expected_grade", "Grade expected", esc(notice.expected_grade)),
        ("previous_year_delta", "Change on the previous year", signed(notice.previous_year_delta)),
        ("rank", "Rank", rank_text(notice)),
    )


def flagged(checks: Iterable[Check]) -> dict[str, str | None]:
    """Given a notice's findings (worst first), return the worst severity touching each field."""
    marks: dict[str, str | None] = {}
    for check in checks:
        for field in FLAGGED_FIELDS.get(check.code or "", ()):
            marks.setdefault(field, check.severity)
    return marks


def totals_table(notice: Notice) -> str:
    """Given a notice, return its totals and grades, rows in doubt coloured by severity."""
    marks = flagged(notice.checks)
    rows = "".join(
        f'<tr data-field="{field}" class="{sev_class(marks[field]) if field in marks else ""}">'
        f'<th>{label}</th><td class="num" lang="vi">{value}</td></tr>'
        for field, label, value in totals_rows(notice)
    )
    return f'<table class="totals">{rows}</table>'


def check_item(check: Check) -> str:
    """Given a finding, return it as a list item: severity, code, message, location."""
    css = sev_class(check.severity)
    severity = tag("span", esc(check.severity), f"sev-label {css}")
    code = tag("span", esc(check.code), "code")
    where = tag("span", f"({esc(check.where)})", "where muted")
    return tag("li", f"{severity} {code} {where}<br>{esc(check.message)}", css)


def checks_list(checks: Sequence[Check]) -> str:
    """Given a notice's findings, return their list (a line saying none when empty)."""
    if not checks:
        return '<p class="muted">No validation findings.</p>'
    return f'<ul class="checks">{"".join(map(check_item, checks))}</ul>'


def counts_line(notice: Notice) -> str:
    """Given a notice, return its counts of areas, tasks, achievements and shortcomings."""
    return (
        f'<p class="counts muted">{len(notice.areas)} areas · {esc(notice.n_tasks)} tasks · '
        f"{notice.n_achievements} achievements · {notice.n_shortcomings} shortcomings</p>"
    )


def notice_section(notice: Notice) -> str:
    """Given a notice, return its section: heading, area chart, totals, findings, counts."""
    checks = tag("h3", "Validation") + checks_list(notice.checks)
    side = tag("div", totals_table(notice) + checks + counts_line(notice), "side")
    cols = tag("div", tag("div", notice_charts(notice), "chart-col") + side, "cols")
    head = notice_header(notice)
    return f'<section class="panel notice" id="{anchor(notice)}">{head}{cols}</section>'


def notice_charts(notice: Notice) -> str:
    """Given a notice, return its charts: the areas against their maxima (when it has areas or
    ranks no units), and the units it ranks or scores (when several)."""
    ranking = len(notice.ranked) > 1
    areas = area_chart(notice) if notice.areas or not ranking else ""
    if not ranking:
        return areas
    copy = "" if notice.first_copy else f" (a copy of notice {esc(notice.copy_of)})"
    return areas + tag("h3", f"Units ranked{copy}") + ranking_chart(notice)
