"""Document → Notice. Knows nothing of formats: it reads blocks and lines.

The recipe: lines → score table → headline → metadata → sections → findings, tasks →
unit statements (``pipeline.statements``) → Notice. Validation is a separate stage
(``pipeline.validate``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.model import BlockKind, Document
from pipeline.model import Metadata, Notice, Summary
from pipeline.parse.findings import read_findings
from pipeline.parse.flattened import lines_to_raw_tables
from pipeline.parse.headline import Headline, find_headline, index_year
from pipeline.parse.lines import Line, document_to_lines
from pipeline.parse.metadata import read_metadata
from pipeline.parse.prosescores import prose_score_table
from pipeline.parse.rawtable import RawTable, block_to_raw_table
from pipeline.parse.scoretable import ScoreTable, raw_to_score_table
from pipeline.parse.sections import split_sections
from pipeline.parse.tasks import read_tasks


def parse(document: Document) -> Notice:
    """Given a Document, return the Notice it states (not yet validated)."""
    from pipeline.statements import read_unit_scores  # it builds on pipeline.parse.lines

    lines = document_to_lines(document)
    table = find_score_table(document, lines)
    headline = find_headline(lines)
    metadata = read_metadata(
        lines,
        headline.year if headline else index_year(lines),
        headline.subject if headline else None,
    )
    sections = tuple(split_sections(lines))
    return Notice(
        id=notice_id(document.source.sha256),
        key=notice_key(metadata),
        source=document.source,
        metadata=metadata,
        summary=make_summary(table, headline),
        scores=table.scores if table else (),
        unit_scores=read_unit_scores(document, subject=metadata.issuer, lines=lines),
        tasks=read_tasks(sections),
        findings=read_findings(sections),
    )


def find_score_table(document: Document, lines: Sequence[Line]) -> ScoreTable | None:
    """Given a document and its lines, return the area table with the most known areas."""
    candidates = [raw_to_score_table(raw) for raw in raw_tables(document, lines)]
    candidates = [t for t in candidates if t.scores]
    return max(candidates, key=area_weight, default=None) or prose_score_table(lines)


def area_weight(table: ScoreTable) -> tuple[int, int]:
    """Given a score table, return (known areas, rows): the area table has the most of both."""
    return sum(1 for s in table.scores if s.area != "other"), len(table.scores)


def raw_tables(document: Document, lines: Sequence[Line]) -> list[RawTable]:
    """Given a document and its lines, return every score table, real or flattened."""
    real = [
        raw
        for i, block in enumerate(document.blocks)
        if block.kind is BlockKind.TABLE and (raw := block_to_raw_table(block, i))
    ]
    return real + list(lines_to_raw_tables(lines))


def make_summary(table: ScoreTable | None, headline: Headline | None) -> Summary:
    """Given the area table and the headline, return the notice's summary figures."""
    table_grade = table.grade if table else None
    return Summary(
        headline_score=headline.score if headline else None,
        stated_total=table.total if table else None,
        stated_max_total=table.max_total if table else None,
        stated_self_total=table.self_total if table else None,
        grade=table_grade or (headline.grade if headline else None),
        grade_raw=(table.grade_raw if table_grade and table else None)
        or (headline.grade_raw if headline else None),
        previous_year_delta=headline.change if headline else None,
        rank=headline.rank if headline else None,
        rank_of=headline.rank_of if headline else None,
    )


def notice_id(sha256: str) -> str:
    """Given a source's sha256, return the notice's stable id."""
    return sha256[:16]


def notice_key(metadata: Metadata) -> str | None:
    """Given metadata, return issuer|number|date so that copies of one notice group."""
    if not metadata.number:
        return None
    parts = (
        metadata.issuer or "",
        metadata.number,
        metadata.issue_date.isoformat() if metadata.issue_date else "",
    )
    return "|".join(parts)
