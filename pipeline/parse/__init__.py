"""Document → Notice. Knows nothing of formats: it reads blocks and lines.

The recipe: lines → tables (``pipeline.tables``: each found once, classified once) → area
table → headline → metadata → sections → findings, tasks →
unit statements (``pipeline.statements``) → Notice. Validation is a separate stage
(``pipeline.validate``).
"""

from __future__ import annotations

from collections.abc import Sequence

from parscore.extractors.model import Document
from parscore.normalizers.numbers import Number
from parscore.pipeline.lines import Line, document_to_lines
from parscore.pipeline.model import Metadata, Notice, Summary, UnitScore
from parscore.pipeline.parse.findings import read_findings
from parscore.pipeline.parse.headline import Headline, find_headline, index_year, listed_grade
from parscore.pipeline.parse.metadata import read_metadata
from parscore.pipeline.parse.prosescores import prose_score_table
from parscore.pipeline.parse.scoretable import ScoreTable, raw_to_score_table
from parscore.pipeline.parse.sections import split_sections
from parscore.pipeline.parse.tasks import read_tasks
from parscore.pipeline.statements import read_unit_scores
from parscore.pipeline.tables.model import Kind, Table
from parscore.pipeline.tables.read import read_tables


def parse(document: Document) -> Notice:
    """Given a Document, return the Notice it states (not yet validated)."""
    lines = document_to_lines(document)
    tables = read_tables(document, lines)
    table = find_score_table(tables, lines)
    headline = find_headline(lines)
    metadata = read_metadata(
        lines,
        headline.year if headline else index_year(lines),
        headline.subject if headline else None,
    )
    sections = tuple(split_sections(lines))
    unit_scores = read_unit_scores(document, subject=metadata.issuer, lines=lines, tables=tables)
    own = own_statement(headline, unit_scores)
    return Notice(
        id=notice_id(document.source.sha256),
        key=notice_key(metadata),
        source=document.source,
        metadata=metadata,
        summary=make_summary(
            table,
            headline,
            own,
            listed_grade(lines, headline.subject if headline else None),
            said_of(own, unit_scores),
        ),
        scores=table.scores if table else (),
        unit_scores=unit_scores,
        tasks=read_tasks(sections, lines, document.blocks),
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
    headline: Headline | None,
    own: UnitScore | None = None,
    listed: tuple[str, str] | None = None,
    said: Sequence[UnitScore] = (),
) -> Summary:
    """Given the area table, the headline, the subject's own unit statement, the grade of a
    list naming the subject and the other statements about the subject, return the notice's
    summary figures.

    The notice's rank, change and grade are the statement reader's statement about its own
    subject (read with every other statement), then the other statements about the subject,
    index and year ("Với kết quả trên, đơn vị được xếp loại Xuất sắc" two sentences on); the
    headline reader only finds which statement is the subject's own, and gives the score
    when no statement states it. The area table's grade row comes first; a list's grade last
    ("Xếp loại Tốt gồm: Sở Y tế, …")."""
    top = headline or Headline(score=None)
    mine = own or UnitScore(order=0, unit="")
    sources = (mine, *said) if own else (as_statement(top),)
    ranked = next((s for s in sources if s.rank is not None), mine)
    changes = (s.change for s in sources if s.change is not None)
    grade, grade_raw = summary_grade(table, sources, listed)
    return Summary(
        headline_score=own_score(mine, top.score),
        stated_total=table.total if table else None,
        stated_max_total=table.max_total if table else None,
        stated_self_total=table.self_total if table else None,
        grade=grade,
        grade_raw=grade_raw,
        previous_year_delta=next(changes, None),
        rank=ranked.rank,
        rank_of=ranked.rank_of,
    )


def said_of(own: UnitScore | None, rows: Sequence[UnitScore]) -> tuple[UnitScore, ...]:
    """Given the subject's own statement and every statement, return the others about the
    same unit, index and year, in reading order."""
    if own is None:
        return ()
    key = (own.unit, own.index, own.year)
    return tuple(r for r in rows if r is not own and (r.unit, r.index, r.year) == key)


def own_score(mine: UnitScore, headline: Number | None) -> Number | None:
    """Given the subject's own statement and the headline's score, return the notice's
    score: the statement's figure stating the headline's, else the headline's, else the
    statement's score or percent."""
    stated = (n for n in (mine.score, mine.percent) if n is not None)
    if headline is None:
        return next(stated, None)
    return next((n for n in stated if n.value == headline.value), headline)


def as_statement(headline: Headline) -> UnitScore:
    """Given a headline no statement of the reader's matches (its subject is unnamed: "Chỉ
    số CCHC của tỉnh đạt …" with no province known), return its figures as a statement."""
    return UnitScore(
        order=0, unit=headline.subject or "", rank=headline.rank, rank_of=headline.rank_of,
        change=headline.change, grade=headline.grade, grade_raw=headline.grade_raw,
    )  # fmt: skip


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


def own_statement(headline: Headline | None, rows: Sequence[UnitScore]) -> UnitScore | None:
    """Given the headline and the unit statements, return the statement of the notice's own
    subject: the one stating the headline's score; of a headline without a score, the
    latest year's statement read from its block (a rank or a change without a score is
    still a statement about the subject); without any headline, the scored one when every
    statement is of one unit ("… của Sở Xây dựng là 72,32 điểm" read by the statements
    reader only). The notice's headline is then never weaker than its unit rows."""
    par = [r for r in rows if r.index == "par"]
    if headline is not None and headline.score is not None:
        return next((r for r in par if states(r, headline.score)), None)
    if headline is not None:
        told = [r for r in par if r.where.block == headline.block and r.source == "prose"]
        return max(told, key=lambda r: r.year or 0, default=None)
    if headline is None and len({r.unit for r in par}) == 1:
        return next((r for r in par if r.score is not None), None)
    return None


def states(row: UnitScore, score: Number) -> bool:
    """Given a unit statement and a score, return whether the statement gives that score."""
    return score.value is not None and any(
        n is not None and n.value == score.value for n in (row.score, row.percent)
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
