"""Inline SVG charts, drawn as strings: counts as bars, areas against their maxima, totals by year.

Every chart is an ``<svg data-chart="…">`` whose first child is a ``<title>``; bars are
``rect.bar``, maxima ``rect.track`` and totals ``circle.dot``, which the tests count. Colours
live in the page's CSS, so the charts carry only classes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parscore.pipeline.report.fmt import DASH, clip, esc, num, pct, sev_class
from parscore.pipeline.report.load import Area, Notice, Ranked, Trajectory, YearValue
from parscore.pipeline.report.stats import Count, Point, YearGroup

PAD = 8
FONT_PX = 12
BASELINE = 3  # text baseline above a bar's bottom edge
BAR_H = 14
GAP = 6

COUNT_ROW_H = 22
COUNT_LABEL_W = 170
COUNT_PLOT_W = 160
COUNT_FIGURE_W = 40

AREA_W = 560
AREA_PLOT_W = 420
AREA_ROW_H = 38
AREA_LABEL_H = 16
AREA_LABEL_CHARS = 90
HEADROOM = 1.1  # room beyond the largest maximum, for scores above it

YEAR_LEFT = 44
YEAR_COL_W = 80
YEAR_TOP = 12
YEAR_PLOT_H = 220
YEAR_BOTTOM = 36
YEAR_MIN_W = 300
DOT_R = 4.5
JITTER_SLOTS = 5
JITTER_PX = 7
TARGET_TICKS = 5
MIN_SPAN = 10.0
NICE_STEPS = (1, 2, 5, 10)


@dataclass(frozen=True, slots=True, kw_only=True)
class Axis:
    """A vertical value axis: bottom, top and the step between its ticks."""

    lo: float
    hi: float
    step: float


def px(value: float) -> str:
    """Given a coordinate, return it with at most one decimal."""
    return f"{value:.1f}".removesuffix(".0")


def svg(
    kind: str, size: tuple[float, float], title: str, body: Iterable[str], extra: str = ""
) -> str:
    """Given a chart's kind, size, accessible title and elements, return the <svg> element."""
    w, h = (px(v) for v in size)
    return (
        f'<svg class="chart" data-chart="{esc(kind)}"{extra} viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img"><title>{esc(title)}</title>{"".join(body)}</svg>'
    )


def rect(box: tuple[float, float, float, float], css: str, tip: str | None = None) -> str:
    """Given a box (x, y, width, height), a class and a tooltip, return a <rect>."""
    x, y, w, h = (px(v) for v in box)
    inner = f"<title>{esc(tip)}</title></rect>" if tip else "</rect>"
    return f'<rect class="{css}" x="{x}" y="{y}" width="{w}" height="{h}">{inner}'


def text(at: tuple[float, float], content: str, css: str, anchor: str = "start") -> str:
    """Given a position, a raw text, a class and an anchor, return an escaped <text>."""
    x, y = (px(v) for v in at)
    return f'<text class="{css}" x="{x}" y="{y}" text-anchor="{anchor}">{esc(content)}</text>'


def line(xs: tuple[float, float], ys: tuple[float, float], css: str) -> str:
    """Given the x and y of both ends and a class, return a <line>."""
    (x1, x2), (y1, y2) = (px(v) for v in xs), (px(v) for v in ys)
    return f'<line class="{css}" x1="{x1}" x2="{x2}" y1="{y1}" y2="{y2}"></line>'


def empty_note(y: float = PAD + FONT_PX) -> str:
    """Return the note a chart shows when it has nothing to draw."""
    return text((0, y), f"{DASH} nothing to chart", "note")


def count_row(i: int, count: Count, top: int) -> str:
    """Given a row index, a count and the largest count, return one labelled bar."""
    y = PAD + i * COUNT_ROW_H
    w = count.count / top * COUNT_PLOT_W
    css = f"bar {sev_class(count.severity)}" if count.severity else "bar"
    return (
        text((COUNT_LABEL_W - GAP, y + BAR_H - BASELINE), count.label, "label", "end")
        + rect((COUNT_LABEL_W, y, w, BAR_H), css, f"{count.label}: {count.count}")
        + text((COUNT_LABEL_W + w + GAP, y + BAR_H - BASELINE), str(count.count), "figure")
    )


def count_chart(kind: str, title: str, counts: Sequence[Count]) -> str:
    """Given labelled counts, return a horizontal bar chart of them."""
    top = max((c.count for c in counts), default=0) or 1
    rows = [count_row(i, c, top) for i, c in enumerate(counts)] or [empty_note()]
    height = 2 * PAD + COUNT_ROW_H * max(len(counts), 1)
    return svg(kind, (COUNT_LABEL_W + COUNT_PLOT_W + COUNT_FIGURE_W, height), title, rows)


def area_scale(areas: Sequence[Area]) -> float:
    """Given a notice's areas, return the figure that the whole plot width stands for."""
    figures = [a.max for a in areas if a.max] or [a.score for a in areas if a.score] or [1.0]
    return max(figures) * HEADROOM


def bar_width(value: float, top: float) -> float:
    """Given a figure and the figure of the whole width, return its bar width (clamped)."""
    return min(max(value / top, 0.0), 1.0) * AREA_PLOT_W


def area_class(area: Area) -> str:
    """Given an area, return its bar's class: over when the score exceeds the maximum."""
    over = area.max is not None and area.score is not None and area.score > area.max
    return "bar over" if over else "bar"


def area_figures(area: Area) -> str:
    """Given an area, return its figures: score / max · percent."""
    return f"{num(area.score)} / {num(area.max)} · {pct(area.score, area.max)}"


def area_row(i: int, area: Area, top: float) -> str:
    """Given a row index, an area and the scale, return its label, track, bar and figures."""
    y = PAD + i * AREA_ROW_H
    bar_y = y + AREA_LABEL_H
    label = clip(area.label or area.area or DASH, AREA_LABEL_CHARS)
    parts = [text((0, y + FONT_PX), label, "label")]
    if area.max is not None:
        parts.append(
            rect((0, bar_y, bar_width(area.max, top), BAR_H), "track", f"max {num(area.max)}")
        )
    if area.score is not None:
        parts.append(
            rect(
                (0, bar_y, bar_width(area.score, top), BAR_H),
                area_class(area),
                f"{label}: {area_figures(area)}",
            )
        )
    parts.append(text((AREA_PLOT_W + GAP, bar_y + BAR_H - BASELINE), area_figures(area), "figure"))
    return "".join(parts)


def area_chart(notice: Notice) -> str:
    """Given a notice, return the chart of each area's score against its maximum."""
    top = area_scale(notice.areas)
    rows = [area_row(i, a, top) for i, a in enumerate(notice.areas)] or [empty_note()]
    height = 2 * PAD + AREA_ROW_H * max(len(notice.areas), 1)
    title = f"Score of each area of {notice.number or notice.notice_id} against its maximum"
    return svg("areas", (AREA_W, height), title, rows, f' data-notice="{esc(notice.notice_id)}"')


def nice_step(span: float) -> float:
    """Given the span of an axis, return a round tick step (1, 2 or 5 × a power of ten)."""
    raw = span / TARGET_TICKS
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in NICE_STEPS if raw <= m * magnitude)


def value_axis(values: Sequence[float], ceiling: float | None) -> Axis:
    """Given the plotted values and the largest maximum, return a round axis around them."""
    if not values:
        return Axis(lo=0.0, hi=100.0, step=20.0)
    top = min(max(values), ceiling) if ceiling else max(values)
    bottom = min(min(values), top)
    step = nice_step(max(top - bottom, MIN_SPAN))
    lo, hi = math.floor(bottom / step) * step, math.ceil(top / step) * step
    return Axis(lo=lo, hi=hi if hi > lo else lo + step, step=step)


def y_of(value: float, axis: Axis, top: float = YEAR_TOP, height: float = YEAR_PLOT_H) -> float:
    """Given a value, the axis and the plot's top and height, return its y (clamped)."""
    share = (min(max(value, axis.lo), axis.hi) - axis.lo) / (axis.hi - axis.lo)
    return top + (1 - share) * height


def tick(
    value: float, axis: Axis, width: float, top: float = YEAR_TOP, height: float = YEAR_PLOT_H
) -> str:
    """Given a tick's value, the axis, the chart width and the plot's top and height, return
    its grid line and label."""
    y = y_of(value, axis, top, height)
    label = text((YEAR_LEFT - GAP, y + BASELINE + 1), num(round(value, 6)), "tick", "end")
    return line((YEAR_LEFT, width), (y, y), "grid") + label


def ticks(axis: Axis, width: float) -> str:
    """Given the axis and the chart width, return its grid lines and labels."""
    count = round((axis.hi - axis.lo) / axis.step) + 1
    return "".join(tick(axis.lo + k * axis.step, axis, width) for k in range(count))


def dot(cx: float, j: int, point: Point, axis: Axis) -> str:
    """Given a column centre, the dot's index, a total and the axis, return a jittered dot."""
    x = cx + (j % JITTER_SLOTS - (JITTER_SLOTS - 1) / 2) * JITTER_PX
    css = "dot over" if point.value > axis.hi or point.value < axis.lo else "dot"
    return (
        f'<circle class="{css}" cx="{px(x)}" cy="{px(y_of(point.value, axis))}" r="{DOT_R}">'
        f"<title>{esc(point.note)}</title></circle>"
    )


def median(values: Sequence[float]) -> float:
    """Given values, return their median."""
    ordered, mid = sorted(values), len(values) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def year_column(i: int, group: YearGroup, axis: Axis) -> str:
    """Given a column index, a year's totals and the axis, return its dots, median and label."""
    cx = YEAR_LEFT + YEAR_COL_W * (i + 0.5)
    mid = y_of(median([p.value for p in group.points]), axis)
    half = YEAR_COL_W * 0.35
    dots = "".join(dot(cx, j, p, axis) for j, p in enumerate(group.points))
    base = YEAR_TOP + YEAR_PLOT_H
    return (
        line((cx - half, cx + half), (mid, mid), "median")
        + dots
        + text((cx, base + FONT_PX + GAP), group.label, "label", "middle")
        + text((cx, base + 2 * FONT_PX + GAP), f"n = {len(group.points)}", "note", "middle")
    )


def year_chart(groups: Sequence[YearGroup], ceiling: float | None) -> str:
    """Given totals by year and the largest maximum, return the dot chart of totals per year."""
    axis = value_axis([p.value for g in groups for p in g.points], ceiling)
    width = max(YEAR_LEFT + YEAR_COL_W * len(groups) + PAD, YEAR_MIN_W)
    columns = [year_column(i, g, axis) for i, g in enumerate(groups)] or [
        empty_note(YEAR_TOP + FONT_PX)
    ]
    title = "Total score of each notice by assessment year (line: median)"
    return svg(
        "totals-by-year",
        (width, YEAR_TOP + YEAR_PLOT_H + YEAR_BOTTOM),
        title,
        [ticks(axis, width), *columns],
    )


# --- a notice's ranking --------------------------------------------------------------------

RANK_LABEL_W = 230
RANK_PLOT_W = 260
RANK_FIGURE_W = 130
RANK_LABEL_CHARS = 34


def ranked_figures(unit: Ranked) -> str:
    """Given a ranked unit, return its figures: value · rank/count."""
    place = f"{num(unit.rank)}/{num(unit.rank_of)}" if unit.rank_of else num(unit.rank)
    return f"{num(unit.value)} · {place}" if unit.rank is not None else num(unit.value)


def ranked_row(i: int, unit: Ranked, axis: tuple[float, float]) -> str:
    """Given a row index, a ranked unit and the value axis (bottom, top), return its row."""
    y = PAD + i * COUNT_ROW_H
    label = f"{unit.rank}. {unit.unit}" if unit.rank is not None else unit.unit
    parts = [text((RANK_LABEL_W - GAP, y + BAR_H - BASELINE), clip(label, RANK_LABEL_CHARS),
                  "label", "end")]  # fmt: skip
    w = 0.0
    if unit.value is not None:
        lo, hi = axis
        w = max((unit.value - lo) / (hi - lo), 0.02) * RANK_PLOT_W
        parts.append(
            rect((RANK_LABEL_W, y, w, BAR_H), "bar", f"{unit.unit}: {ranked_figures(unit)}")
        )
    figures = text((RANK_LABEL_W + w + GAP, y + BAR_H - BASELINE), ranked_figures(unit), "figure")
    return "".join(parts) + figures


def ranking_chart(notice: Notice) -> str:
    """Given a notice that ranks or scores several units, return the bars of their figures
    (the axis starts below the lowest, so close figures stay apart), in rank order."""
    values = [u.value for u in notice.ranked if u.value is not None]
    axis = value_axis(values, None) if values else Axis(lo=0.0, hi=1.0, step=1.0)
    rows = [ranked_row(i, u, (axis.lo, axis.hi)) for i, u in enumerate(notice.ranked)]
    height = 2 * PAD + COUNT_ROW_H * max(len(rows), 1)
    title = (
        f"Units of {notice.number or notice.notice_id}: figure and rank (axis from {num(axis.lo)})"
    )
    return svg("ranking", (RANK_LABEL_W + RANK_PLOT_W + RANK_FIGURE_W, height), title,
               rows or [empty_note()], f' data-notice="{esc(notice.notice_id)}"')  # fmt: skip


# --- a unit's trajectory -------------------------------------------------------------------

TRACK_LEFT = 44
TRACK_COL_W = 70
TRACK_TOP = 12
TRACK_PLOT_H = 120
TRACK_BOTTOM = 44
TRACK_MIN_W = 260
MEASURES = {"percent": "percent", "score": "points"}


def track_point(i: int, point: YearValue, axis: Axis) -> tuple[float, float]:
    """Given a year's index, its point and the axis, return its (x, y) on the trajectory."""
    y = y_of(point.value or 0.0, axis, TRACK_TOP, TRACK_PLOT_H)
    return TRACK_LEFT + TRACK_COL_W * (i + 0.5), y


def track_dot(at: tuple[float, float], point: YearValue, unit: str) -> str:
    """Given a position, a year's point and the unit, return its dot (a conflict: warning)."""
    css = "dot conflict" if point.conflict else "dot"
    rank = f", rank {point.rank}/{num(point.rank_of)}" if point.rank is not None else ""
    tip = f"{unit} {point.year}: {num(point.value)}{rank}; {point.n_sources} source(s)"
    if point.conflict:
        tip += "; documents disagree"
    return (
        f'<circle class="{css}" cx="{px(at[0])}" cy="{px(at[1])}" r="{DOT_R}">'
        f"<title>{esc(tip)}</title></circle>"
    )


def track_label(i: int, point: YearValue, base: float) -> str:
    """Given a year's index, its point and the plot's bottom, return its year and rank."""
    x = TRACK_LEFT + TRACK_COL_W * (i + 0.5)
    rank = f"#{point.rank}" + (f"/{point.rank_of}" if point.rank_of else "") if point.rank else ""
    year = text((x, base + FONT_PX + GAP), str(point.year), "label", "middle")
    return year + (text((x, base + 2 * FONT_PX + GAP), rank, "note", "middle") if rank else "")


def trajectory_chart(track: Trajectory) -> str:
    """Given a unit's trajectory, return its line of figures over the years."""
    values = [p.value for p in track.years if p.value is not None]
    axis = value_axis(values, None)
    width = max(TRACK_LEFT + TRACK_COL_W * len(track.years) + PAD, TRACK_MIN_W)
    stated = [
        (track_point(i, p, axis), p) for i, p in enumerate(track.years) if p.value is not None
    ]
    path = " ".join(f"{px(x)},{px(y)}" for (x, y), _ in stated)
    base = TRACK_TOP + TRACK_PLOT_H
    labels = [track_label(i, p, base) for i, p in enumerate(track.years)]
    body = [
        *(tick(axis.lo + k * axis.step, axis, width, TRACK_TOP, TRACK_PLOT_H)
          for k in range(round((axis.hi - axis.lo) / axis.step) + 1)),
        f'<polyline class="trend" points="{path}"></polyline>' if len(stated) > 1 else "",
        *(track_dot(at, p, track.unit) for at, p in stated),
        *labels,
    ]  # fmt: skip
    title = f"{track.unit} ({track.index}): {MEASURES.get(track.measure, track.measure)} by year"
    return svg("trajectory", (width, base + TRACK_BOTTOM), title, body,
               f' data-unit="{esc(track.unit_id)}"')  # fmt: skip
