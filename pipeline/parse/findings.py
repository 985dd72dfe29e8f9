"""Achievements and shortcomings, one item per list entry or ";"-separated clause."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parscore.pipeline.model import Finding
from parscore.pipeline.parse.sections import Section, SectionKind, heading_remainder

FINDING_KINDS = {SectionKind.ACHIEVEMENT: "achievement", SectionKind.SHORTCOMING: "shortcoming"}


def read_findings(sections: Iterable[Section]) -> tuple[Finding, ...]:
    """Given the sections, return their findings numbered per kind."""
    findings: list[Finding] = []
    for section in sections:
        kind = FINDING_KINDS.get(section.kind)
        if kind is None:
            continue
        start = sum(1 for f in findings if f.kind == kind)
        for seq, text in enumerate(section_items(section), start=start + 1):
            findings.append(Finding(kind=kind, seq=seq, text=text))
    return tuple(findings)


def section_items(section: Section) -> Iterator[str]:
    """Given a findings section, yield its items: list entries, split at semicolons."""
    texts = [heading_remainder(section.heading), *(ln.text for ln in section.lines)]
    for text in texts:
        yield from split_items(text)


def split_items(text: str) -> Iterator[str]:
    """Given a paragraph, yield its ";"-separated clauses, trimmed, without empties."""
    for part in text.split(";"):
        if item := part.strip():
            yield item
