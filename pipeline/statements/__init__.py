"""Score statements about units, from prose and ranking tables (DESIGN.md ``unit_scores``).

The recipe (``read_unit_scores``): document → lines → parts in reading order (paragraphs,
TABLE blocks, tables flattened one cell per line) → statements of each part, with the
context that earlier parts settle (the index and year spoken of, who "Sở" means) → "cuối
bảng" given its count → numbered ``UnitScore``s.

Decisions (documented in README):

- The title (first body line, a heading or a line with no full stop) names the subject and
  the index but gives no statement: it restates the body.
- A sentence already read (a lead paragraph repeated by the page) is not read again.
- A ranking table's average row is a statement with ``unit="Trung bình"`` in its group.
- Figures are kept as stated, inconsistent or not (validation reports them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from extractors.model import BlockKind, Document, Region
from pipeline.model import UnitScore, Where
from pipeline.parse.lines import Line, document_to_lines
from pipeline.statements.draft import Draft, to_unit_score
from pipeline.statements.flat import lines_to_grids
from pipeline.statements.prose import Context, read_paragraph, read_sentence, sentence_key, split_sentences
from pipeline.statements.ranking import Grid, grid_statements
from pipeline.statements.tables import block_to_grid
from pipeline.statements.units import subjects_of, unit_kind

__all__ = ["read_unit_scores"]

#: A title has at most this many words.
MAX_TITLE_WORDS = 60
#: A line ending in ":" with at most this many words is a heading.
MAX_HEADING_WORDS = 15
_NOT_WORD = re.compile(r"\W+")
Part = Line | Grid


def read_unit_scores(document: Document, *, subject: str | None = None) -> tuple[UnitScore, ...]:
    """Given a document and its issuer when known, return its unit score statements in order."""
    lines = document_to_lines(document)
    title = find_title(lines)
    ctx = title_context(title, subject)
    drafts, ctx = read_parts(document_parts(document, lines, title), ctx)
    settled = settle_last(drafts, largest_counts(ctx.counts))
    return tuple(to_unit_score(d, order) for order, d in enumerate(settled, start=1))


def find_title(lines: Sequence[Line]) -> Line | None:
    """Given the lines, return the title: the first body line, when a heading or without a full stop."""
    line = next((ln for ln in lines if ln.region is Region.BODY), None)
    if line is None or len(line.text.split()) > MAX_TITLE_WORDS:
        return None
    return line if line.kind is BlockKind.HEADING or not line.text.rstrip().endswith(".") else None


def title_context(title: Line | None, subject: str | None) -> Context:
    """Given the title and the issuer, return the context the body starts with."""
    if title is None:
        return Context(subjects=subjects_of("", "", subject))
    ctx = Context(subjects=subjects_of(title.text, sentence_key(title.text), subject))
    _, ctx = read_sentence(title.text, ctx, Where(block=title.block))
    return replace(ctx, carried=None, block=None)


def document_parts(document: Document, lines: Sequence[Line], title: Line | None) -> list[Part]:
    """Given the document, its lines and the title, return the parts to read, in reading order."""
    flats = list(lines_to_grids(lines))
    covered = {k for f in flats for k in range(f.first, f.end)}
    items: list[tuple[int, int, Part]] = [
        (line.block, k, line) for k, line in enumerate(lines) if k not in covered and line is not title
    ]
    items += [(lines[f.first].block, f.first, f.grid) for f in flats]
    for i, block in enumerate(document.blocks):
        grid = block_to_grid(block, i) if block.kind is BlockKind.TABLE else None
        if grid is not None:
            items.append((i, -1, grid))
    items.sort(key=lambda item: (item[0], item[1]))
    return [part for _, _, part in items]


def read_parts(parts: Sequence[Part], ctx: Context) -> tuple[list[Draft], Context]:
    """Given the parts in order and the starting context, return every statement and the last context."""
    found: list[Draft] = []
    seen: set[str] = set()
    for part in parts:
        if isinstance(part, Grid):
            found.extend(grid_statements(part, ctx))
            continue
        sentences = list(new_sentences(part.text, seen))
        where = Where(block=part.block, page=part.page)
        drafts, ctx = read_paragraph(sentences, ctx, where, heading=is_heading(part))
        found.extend(drafts)
    return found, ctx


def is_heading(line: Line) -> bool:
    """Given a line, return whether it heads what follows (a heading, or a short line ending in ":")."""
    short = len(line.text.split()) <= MAX_HEADING_WORDS
    return line.kind is BlockKind.HEADING or short and line.text.rstrip().endswith(":")


def new_sentences(text: str, seen: set[str]) -> Iterator[str]:
    """Given a paragraph and the sentences read so far, yield its sentences not read before."""
    for sentence in split_sentences(text):
        key = _NOT_WORD.sub("", sentence_key(sentence))
        if key not in seen:
            seen.add(key)
            yield sentence


def largest_counts(counts: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Given the (kind, count) pairs the text states, return the largest count per kind (the whole)."""
    largest: dict[str, int] = {}
    for kind, count in counts:
        largest[kind] = max(count, largest.get(kind, 0))
    return largest


def settle_last(drafts: Sequence[Draft], counts: dict[str, int]) -> list[Draft]:
    """Given the statements and the counts the text states by kind, return "cuối bảng" ranked last."""
    return [_settled(d, drafts, counts) if d.last else d for d in drafts]


def _settled(draft: Draft, drafts: Sequence[Draft], counts: dict[str, int]) -> Draft:
    """Given a "cuối bảng" statement, all statements and the stated counts, return it with rank = rank_of = the count."""
    count = draft.rank_of or stated_count(draft, drafts) or counts.get(unit_kind(draft.unit or ""))
    return replace(draft, rank=count, rank_of=count, last=False) if count else replace(draft, last=False)


def stated_count(draft: Draft, drafts: Sequence[Draft]) -> int | None:
    """Given a statement and all statements, return the count that others of its kind state, if one."""
    kind = unit_kind(draft.unit or "")
    counts = {
        d.rank_of for d in drafts
        if d.rank_of and d.index == draft.index and d.year == draft.year and unit_kind(d.unit or "") == kind
    }
    return counts.pop() if len(counts) == 1 else None
