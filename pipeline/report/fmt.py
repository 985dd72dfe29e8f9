"""Formatting of values from the datasets: HTML-escaped, with "—" wherever a value is missing."""

from __future__ import annotations

import html
from decimal import Decimal

from parscore.pipeline.model import Severity

DASH = "—"
ELLIPSIS = "…"
SEVERITIES = frozenset(s.value for s in Severity)


def esc(value: object) -> str:
    """Given a value from the data, return it HTML-escaped, or "—" when it is missing."""
    if value is None or value == "":
        return DASH
    return html.escape(str(value), quote=True)


def num(value: float | None) -> str:
    """Given a number, return it as stated (no float noise, no trailing zeros), or "—"."""
    if value is None:
        return DASH
    return format(Decimal(repr(value)).normalize(), "f")


def signed(value: float | None) -> str:
    """Given a signed change, return it with its sign (+3.286, -0.85), or "—"."""
    if value is None or value <= 0:
        return num(value)
    return f"+{num(value)}"


def pct(part: float | None, whole: float | None) -> str:
    """Given a part and its whole, return the part as a whole percent, or "—"."""
    if part is None or not whole:
        return DASH
    return f"{part / whole * 100:.0f}%"


def clip(text: str, limit: int) -> str:
    """Given a text and a length, return the text cut to that length with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def sev_class(severity: str | None) -> str:
    """Given a severity from the data, return its CSS class (sev-other when unknown)."""
    return f"sev-{severity}" if severity in SEVERITIES else "sev-other"


def tag(name: str, inner: str, css: str = "") -> str:
    """Given an element name, its content (already escaped) and a class, return the element."""
    attrs = f' class="{css}"' if css else ""
    return f"<{name}{attrs}>{inner}</{name}>"
