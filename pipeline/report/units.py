"""The report's section on units across notices: each unit's trajectory over the years (the
unit_years panel) and the documents that disagree about a unit's figures."""

from __future__ import annotations

from collections.abc import Sequence

from parscore.pipeline.report.fmt import esc, tag
from parscore.pipeline.report.load import Archive, Check, Trajectory
from parscore.pipeline.report.svg import trajectory_chart

#: Trajectories drawn at most (units with the most years first), so the page stays small.
MAX_TRAJECTORIES = 60
CONFLICT_HEADINGS = ("Where (unit, index, year, field)", "Kept", "Found", "Documents")


def trajectory_figure(track: Trajectory) -> str:
    """Given a unit's trajectory, return it as a figure captioned with the unit and level."""
    where = ", ".join(esc(x) for x in (track.unit_level, track.unit_province, track.index) if x)
    where += " · points" if track.measure == "score" else " · %"
    caption = tag("figcaption", f'<span lang="vi">{esc(track.unit)}</span> · {where}')
    return tag("figure", caption + trajectory_chart(track), "trajectory")


def drawn(tracks: Sequence[Trajectory]) -> list[Trajectory]:
    """Given the trajectories, return those drawn: the longest first, then by unit id."""
    ranked = sorted(tracks, key=lambda t: (-len(t.years), t.unit_id, t.index))
    return ranked[:MAX_TRAJECTORIES]


def conflict_row(check: Check) -> str:
    """Given a cross-document-mismatch finding, return its table row."""
    where = (check.where or "").removeprefix("unit_years ")
    cells = (tag("code", esc(where)), esc(check.expected), esc(check.actual), esc(check.message))
    return tag("tr", "".join(tag("td", c) for c in cells))


def conflicts_table(checks: Sequence[Check]) -> str:
    """Given the cross-document-mismatch findings, return their table (a line when none)."""
    if not checks:
        return '<p class="muted">No two documents disagree about a unit.</p>'
    head = tag("tr", "".join(tag("th", h) for h in CONFLICT_HEADINGS))
    return tag("table", head + "".join(map(conflict_row, checks)), "conflicts")


def units_section(archive: Archive) -> str:
    """Given an archive, return the section of units over the years and the conflicts."""
    shown = drawn(archive.trajectories)
    note = (
        f'<p class="muted">{len(shown)} of {len(archive.trajectories)} units with a figure in two '
        "years or more (percent, or points where more years give points; under each year its "
        "rank; an orange dot: documents disagree).</p>"
    )
    charts = tag("div", "".join(map(trajectory_figure, shown)), "charts")
    inner = (
        tag("h2", "Units over the years")
        + note
        + charts
        + tag("h3", f"Documents that disagree ({len(archive.conflicts)})")
        + conflicts_table(archive.conflicts)
    )
    return f'<section class="panel" id="units">{inner}</section>'
