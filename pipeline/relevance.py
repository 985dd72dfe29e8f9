"""Is this document one parscore reads? Not every file in an archive folder is a notice.

A document is kept when its text shows administrative reform (the PAR Index, CCHC, …) or the
furniture of a Vietnamese administrative document, or when the reader took any figure, task
or document number from it; otherwise it is ``not-a-notice`` and the run accounts for it as
``ignored``. The vocabulary is data: ``pipeline/data/relevance.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from parscore.extractors.model import Document
from parscore.normalizers.text import fold
from parscore.pipeline.model import Notice


@cache
def signs() -> re.Pattern[str]:
    """Return one pattern of every sign phrase, folded, as whole words."""
    text = resources.files("parscore.pipeline").joinpath("data/relevance.toml").read_text("utf-8")
    data = tomllib.loads(text)
    phrases = sorted({fold(p) for group in data.values() for p in group}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


def has_content(notice: Notice) -> bool:
    """Given a parsed notice, return whether the reader took anything from it."""
    figures = notice.scores or notice.unit_scores or notice.summary.headline_score is not None
    return bool(figures or notice.tasks or notice.metadata.number)


def all_text(document: Document) -> str:
    """Given a document, return its text, table cells included."""
    cells = (c.text for b in document.blocks for c in b.cells)
    return document.text() + "\n" + "\n".join(cells)


def is_notice(document: Document, notice: Notice) -> bool:
    """Given a document and what the reader took from it, return whether parscore reads it."""
    return has_content(notice) or signs().search(fold(all_text(document))) is not None
