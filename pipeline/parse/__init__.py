"""Document → Notice. Knows nothing of formats: it reads blocks and lines.

The recipe: lines → tables (``pipeline.tables``: each found once, classified once) → area
table → unit statements (``pipeline.statements``) → the notice's own statement among them →
metadata → sections → findings, tasks → Notice. Validation is a separate stage
(``pipeline.validate``).
"""

from __future__ import annotations

from collections.abc import Sequence

from parscore.extractors.model import Document
from parscore.extractors.records import replace
from parscore.normalizers.labels import unit_level
from parscore.pipeline.lines import Line, document_to_lines
from parscore.pipeline.model import Metadata, Notice, Summary, UnitScore
from parscore.pipeline.parse.findings import read_findings
from parscore.pipeline.parse.headline import (
    group_as_grade,
    headline_first,
    index_year,
    listed_grade,
    lone_grade,
    own_statement,
    said_of,
    total_statement,
)
from parscore.pipeline.parse.metadata import read_metadata
from parscore.pipeline.parse.prosescores import prose_score_table
from parscore.pipeline.parse.scoretable import ScoreTable, raw_to_score_table
from parscore.pipeline.parse.sections import split_sections
from parscore.pipeline.parse.tasks import read_tasks
from parscore.pipeline.statements import read_statements, unit_rows
from parscore.pipeline.statements.draft import UNNAMED
from parscore.pipeline.tables.model import Kind, Table
from parscore.pipeline.tables.read import read_tables


def parse(document: Document) -> Notice:
    """Given a Document, return the Notice it states (not yet validated)."""
    lines = document_to_lines(document)
    tables = read_tables(document, lines)
    table = find_score_table(tables, lines)
    metadata = read_metadata(lines, None)
    statements = read_statements(document, subject=metadata.issuer, lines=lines, tables=tables)
    unit_scores = unit_rows(statements)
    own = own_statement(statements, metadata.issuer) or total_statement(
        statements, table.total if table else None
    )
    subject = own.unit if own and own.unit != UNNAMED else None
    metadata = replace(
        metadata,
        assessment_year=own.year if own and own.year else index_year(lines),
        level=unit_level(subject) if subject else metadata.level,
    )
    sections = tuple(split_sections(lines))
    listed = listed_grade(lines, subject) or lone_grade(lines)
    summary = table_headline(
        make_summary(table, own, listed, said_of(own, statements)),
        table,
        unit_scores,
    )
    return Notice(
        id=notice_id(document.source.sha256),
        key=notice_key(metadata),
        source=document.source,
        metadata=metadata,
        summary=replace(summary, grade=group_as_grade(summary.grade, subject, metadata.level)),
        scores=table.scores if table else (),
        unit_scores=unit_scores,
        tasks=read_tasks(sections, lines, tables, metadata.issue_date),
        findings=read_findings(sections),
    )


def find_score_table(tables: Sequence[Table], lines: Sequence[Line]) -> ScoreTable | None:
    """Given the document's tables and its lines, return the area table with the most known
    areas; without one, the components its prose states."""
    candidates = [raw_to_score_table(t.area) for t in tables if t.kind is Kind.AREA and t.area]
    candidates = [t for t in candidates if t.scores]
    return max(candidates, key=area_weight, default=None) or prose_score_table(lines)


def area_weight(table: ScoreTable) -> tuple[int, int]:
    """Given a score table, return (known areas, rows): the area table has the most of both."""
    return sum(1 for s in table.scores if s.area != "other"), len(table.scores)


def make_summary(
    table: ScoreTable | None,
    own: UnitScore | None = None,
    listed: tuple[str, str] | None = None,
    said: Sequence[UnitScore] = (),
) -> Summary:
    """Given the area table, the subject's own unit statement, the grade of a list naming the
    subject and the other statements about the subject, return the notice's summary figures.

    The notice's own figures are the statement reader's statement about its own subject
    (``headline.own_statement``); what it leaves unsaid, the other statements about the
    subject, index and year give, in reading order ("Với kết quả trên, đơn vị được xếp loại
    Xuất sắc" two sentences on), whole-index figures first (``headline.headline_first``).
    The area table's grade row comes first; a list's grade last ("Xếp loại Tốt gồm: Sở Y
    tế, …")."""
    sources = (own, *said) if own else ()
    ordered = headline_first(sources, table.scores if table else ())
    scored = (n for s in ordered for n in (s.score, s.percent) if n is not None)
    ranked = next((s for s in sources if s.rank is not None), None)
    grade, grade_raw = summary_grade(table, sources, listed)
    return Summary(
        headline_score=next(scored, None),
        stated_total=table.total if table else None,
        stated_max_total=table.max_total if table else None,
        stated_self_total=table.self_total if table else None,
        grade=grade,
        grade_raw=grade_raw,
        previous_year_delta=next((s.change for s in sources if s.change is not None), None),
        rank=ranked.rank if ranked else None,
        rank_of=ranked.rank_of if ranked else None,
    )


def table_headline(
    summary: Summary, table: ScoreTable | None, unit_scores: Sequence[UnitScore]
) -> Summary:
    """Given the summary, the area table and every unit statement, return the summary with the
    table's stated total as its headline when no statement scores any unit (a report whose
    only score is its table's total row, first or last)."""
    if summary.headline_score is not None or table is None or table.total is None:
        return summary
    if any(r.score is not None or r.percent is not None for r in unit_scores):
        return summary
    return replace(summary, headline_score=table.total)


def summary_grade(
    table: ScoreTable | None, sources: Sequence[UnitScore], listed: tuple[str, str] | None
) -> tuple[str | None, str | None]:
    """Given the area table, the subject's statements (its own first) and a list's grade,
    return the notice's grade and its words as written: the table's grade row, the first
    statement's grade, the list's."""
    if table and table.grade:
        return table.grade, table.grade_raw
    graded = next((s for s in sources if s.grade), None)
    if graded is not None:
        return graded.grade, graded.grade_raw or graded.grade
    return listed if listed else (None, None)


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
