"""Saved portal pages (HTML) to a Document: the article's blocks in reading order, chrome gone.

The recipe (``extract``): bytes → text (BOM, ``<meta>`` charset, UTF-8, else a guess) →
lexbor tree → drop junk, chrome tags and hidden elements → find the article container (by
class/id words, else the densest block; link text counts against) → drop the elements in it
whose class or id names chrome → walk it into blocks → drop chrome lines, a repeated lead
and the "other news" tail (``extractors.boilerplate``) → number the blocks.

Speed: lexbor costs about one tree pass per selector, so the page-wide queries are few and
class/id chrome is matched by one regex, inside the article only. Element weights are worked
out when asked (``Weights``: lexbor's text() in C), one Python pass over the page only when
many are asked.

The walk streams inline text into a line buffer that every block boundary flushes, so
``<font>`` or ``<span>`` wrapping whole paragraphs (old portals, Word exports) still gives
one block per paragraph; ``<br>`` ends a line. Tables are data (one TABLE block, every
cell once at its top-left grid slot with its spans) or layout (descended into).
"""

from __future__ import annotations

import codecs
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parscore.extractors.boilerplate import (
    ARTICLE_SELECTORS,
    ARTICLE_WORDS,
    CHROME_TAGS,
    CHROME_WORDS,
    HIDDEN_SELECTORS,
    JUNK_TAGS,
    block_chars,
    keep_article,
    opens_tail,
)
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.header import HEADER_COLUMNS, HEADER_ROWS, layout_lines
from parscore.extractors.limits import Limits
from parscore.extractors.model import MAX_COLSPAN, Block, BlockKind, Cell, Document, SourceInfo
from parscore.extractors.pipetable import pipe_tables
from parscore.extractors.text import MOJIBAKE_MARK, MOJIBAKE_NOTE, decode, number_blocks
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.text import clean

SNIFF_BYTES = 4096  # bytes searched for a <meta> charset (old portals have long heads)
MIN_ARTICLE_WEIGHT = 40  # non-link, non-space characters a container needs
LIGHT_NAMED_WEIGHT = 120  # a named container lighter than this is a line ("posted", "news-date")
PROTECT_SHARE = 0.5  # a chrome-looking element holding more of the page's text stays
LINK_COST = 2  # a link character cancels itself and one non-link character
NEAR_BEST = 0.97  # a nested candidate this close to the best score wins (drops wrapper chrome)
MAX_WIDEN = 2  # parent levels an article container may grow to take in its title/lead
LEAD_MIN_WEIGHT = 20  # non-link characters before the container that make it grow
MAX_DEPTH = 200  # deeper markup is read as flat text (keeps recursion bounded)
LAYOUT_MIN_BLOCKS = 3  # paragraphs in one cell of a short table that make it layout
FEW_ROWS = 2  # tables with at most this many rows may be layout by their cell content
BR = "\x00"  # line-break sentinel in the line buffer (the parser never emits NUL)

HEADING_LEVELS: dict[str, int] = {f"h{n}": n for n in range(1, 7)}
ARTICLE_TAGS = frozenset({"article", "main"})
CELL_TAGS = frozenset({"td", "th"})
LIST_TAGS = frozenset({"ul", "ol", "dir", "menu"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "html", "legend", "main", "nav", "p", "section",
        "summary", "tbody", "td", "tfoot", "th", "thead", "tr", *HEADING_LEVELS, "li",
        "ul", "ol", "table", "pre", "hr", "br",
    }
)  # fmt: skip

#: Elements inside a table's cells that make it a layout table.
LAYOUT_INSIDE = "table, h1, h2, h3, h4, h5, h6, article, section"
#: Elements that make a <form> part of the page rather than a search or login box.
FORM_CONTENT = "p, h1, h2, h3, table, article"
#: Elements tried as the article when no class/id names one (the densest wins).
GENERIC_CONTAINERS = "div, td, section, article, main, blockquote, center"

#: One query for junk (lexbor answers one selector list far faster than one query per tag).
JUNK_SELECTOR = ", ".join(JUNK_TAGS)
#: Chrome removed page-wide before the article is sought: chrome tags and hidden elements.
PAGE_CHROME_SELECTOR = ", ".join([*CHROME_TAGS, *HIDDEN_SELECTORS])
#: The article container's candidates: what ARTICLE_SELECTORS select, and elements with a
#: class or id, of which those naming an article word are kept (``article_candidates``). One
#: query and a regex: lexbor runs a list of ``[class*="word" i]`` selectors, one per word,
#: at several times the cost.
ARTICLE_SELECTOR = ", ".join(ARTICLE_SELECTORS)
ARTICLE_CANDIDATES = ", ".join([*ARTICLE_SELECTORS, "[class]", "[id]"])
#: Article words in a class or id, matched on its ASCII letters lowered (as the ``i`` of a CSS
#: selector folds case): a case-sensitive alternation of words the regex engine skips through.
_ARTICLE_NAME_RE = re.compile("|".join(map(re.escape, ARTICLE_WORDS)))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: Class/id chrome (menus, share bars…), matched inside the article by one regex: several
#: times faster than dozens of ``[class*=…]`` selectors over the whole page.
_CHROME_NAME_RE = re.compile("|".join(map(re.escape, CHROME_WORDS)))

_CHARSET_RES = (
    re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([a-z0-9_.:-]+)", re.IGNORECASE),
)
_INT_RE = re.compile(r"\s*(\d{1,6})")


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given the bytes of a saved HTML page, return the article as a Document."""
    declared = sniff_charset(data)
    text, encoding = decode(data, source, declared)
    tree = LexborHTMLParser(text)
    check_size(tree, source, limits)
    body, weights = prune(tree)
    article, how = find_article(body, weights) if body is not None else (None, "no <body>")
    blocks = keep_article(pipe_tables(node_to_blocks(clear(article, weights)))) if article else []
    notes = (*_encoding_notes(declared, encoding), *((how,) if how else ()))
    return Document(source=source, blocks=number_blocks(blocks, source.path), warnings=notes)


# -- bytes → tree ---------------------------------------------------------------------------


def sniff_charset(data: bytes) -> str | None:
    """Given page bytes, return the charset a <meta> or XML declaration names, if any."""
    head = data[:SNIFF_BYTES]
    for pattern in _CHARSET_RES:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii").lower()
    return None


def _encoding_notes(declared: str | None, encoding: str) -> tuple[str, ...]:
    """Given the declared and the used encoding, return a warning when the used one was guessed
    (or the text was mojibake, repaired)."""
    if encoding.endswith(MOJIBAKE_MARK):
        return (MOJIBAKE_NOTE, *_encoding_notes(declared, encoding.removesuffix(MOJIBAKE_MARK)))
    used = _codec(encoding)
    if used.startswith("utf") or used == _codec(declared or ""):
        return ()
    return (f"encoding {encoding} was guessed (declared: {declared or 'none'})",)


def _codec(label: str) -> str:
    """Given a charset label, return Python's codec name for it (the label itself if unknown)."""
    try:
        return codecs.lookup(label).name
    except LookupError:
        return label.lower()


def check_size(tree: LexborHTMLParser, source: SourceInfo, limits: Limits) -> None:
    """Given a parsed page, raise too-large when it holds more elements than the limit."""
    if tree.root is None:
        return
    for count, _ in enumerate(tree.root.traverse(include_text=False), start=1):
        if count > limits.max_html_nodes:
            detail = f"more than {limits.max_html_nodes:,} HTML elements"
            raise InputError(ErrorCode.TOO_LARGE, source.path, detail)


def prune(tree: LexborHTMLParser) -> tuple[LexborNode | None, Weights]:
    """Given a parsed page, drop junk, chrome tags and hidden elements; return its body and
    the weights of the elements left."""
    if tree.root is not None:
        remove(unique(tree.root.css(JUNK_SELECTOR)))
    body = tree.body
    if body is None:
        return None, Weights(tree.root)
    weights = Weights(body)
    total = weights.text(body)
    chrome = unique(body.css(PAGE_CHROME_SELECTOR))
    remove([node for node in chrome if not is_protected(node, total, weights)], weights)
    return body, weights


def clear(article: LexborNode, weights: Weights) -> LexborNode:
    """Given the article container, drop the elements inside it that class or id name chrome."""
    total = weights.text(article)
    named = unique(article.css("[class], [id]"))
    chrome = [n for n in named if is_chrome_named(n) and not is_protected(n, total, weights)]
    remove(chrome, weights)
    return article


def remove(nodes: list[LexborNode], weights: Weights | None = None) -> None:
    """Given distinct nodes in document order, remove them, descendants before ancestors (a
    removed ancestor would leave its descendants dangling); weights asked before are void."""
    for node in reversed(nodes):
        node.decompose()
    if weights is not None and nodes:
        weights.forget()


def unique(nodes: list[LexborNode]) -> list[LexborNode]:
    """Given nodes from a selector list (lexbor repeats a node per matching selector), dedupe."""
    return list({node.mem_id: node for node in nodes}.values())


def is_chrome_named(node: LexborNode) -> bool:
    """Given an element, return whether its class or id names chrome (menu, sidebar, share…)."""
    attrs = node.attributes
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return _CHROME_NAME_RE.search(label) is not None


def is_protected(node: LexborNode, total: int, weights: Weights) -> bool:
    """Given a chrome-looking element, return whether it must stay (it holds the article)."""
    if weights.text(node) > PROTECT_SHARE * total:
        return True
    if node.tag == "header":
        return _names_article(node) or _has_ancestor(node, ARTICLE_TAGS)
    if node.tag == "form":
        return node.css_first(FORM_CONTENT) is not None
    return False


def _names_article(node: LexborNode) -> bool:
    """Given an element, return whether its class or id holds an article word."""
    label = f"{node.attributes.get('class') or ''} {node.id or ''}".lower()
    return any(word in label for word in ARTICLE_WORDS)


def _has_ancestor(node: LexborNode, tags: frozenset[str]) -> bool:
    """Given an element, return whether one of its ancestors has one of the tags."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


# -- tree → article container -----------------------------------------------------------------


def weight(text: str) -> int:
    """Given text, return its length without spaces, newlines and tabs (markup indentation)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


@fast_init
@dataclass(frozen=True, slots=True)
class Weight:
    """An element's text weight and the weight of the text inside its links."""

    text: int
    links: int


#: Elements whose weight is worked out one by one (lexbor's text() of each, in C); past
#: that, one Python pass weighs every element at once, so nested candidates (the densest
#: block sought among every <div>) never cost more than linear time.
LAZY_WEIGHTS = 48
#: Links nested in links (possible through a table inside a link): one pass weighs them.
NESTED_LINKS = "a[href] a[href]"


class Weights:
    """The text weight of elements and of the links inside them, worked out when asked.

    Most pages ask for a few dozen elements (the body, chrome, the named candidates): each
    is one ``text()`` call in C. Removing elements voids what was asked before, so a weight
    is always that of the tree as it stands."""

    __slots__ = ("_asked", "_every", "_links", "_nested", "_root", "_text")

    def __init__(self, root: LexborNode | None) -> None:
        self._root = root
        self._text: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self._every: dict[int, Weight] | None = None
        self._asked = 0
        self._nested: bool | None = None

    def text(self, node: LexborNode) -> int:
        """Given an element, return its text weight."""
        key = node.mem_id
        if self._every is not None:
            return self._every[key].text
        found = self._text.get(key)
        if found is None:
            if self._lazy():
                found = self._text[key] = weight(node.text())
            else:
                return self.text(node)
        return found

    def score(self, node: LexborNode) -> int:
        """Given an element, return its text weight less LINK_COST times its links'."""
        text = self.text(node)
        if self._every is not None:
            return text - LINK_COST * self._every[node.mem_id].links
        key = node.mem_id
        links = self._links.get(key)
        if links is None:
            links = self._links[key] = sum(weight(a.text()) for a in node.css("a[href]"))
        return text - LINK_COST * links

    def expect(self, count: int) -> None:
        """Given how many elements are about to be asked, weigh every element at once when
        that is more than are worked out one by one (the densest block sought among all)."""
        if self._every is None and self._root is not None and count > LAZY_WEIGHTS:
            self._every = weigh(self._root)

    def forget(self) -> None:
        """Given that elements were removed, drop every weight worked out so far."""
        self._text.clear()
        self._links.clear()
        self._every = None
        self._asked = 0

    def _lazy(self) -> bool:
        """Return whether the next weight is worked out alone; else weigh every element."""
        if self._root is None:
            return True
        if self._nested is None:
            self._nested = self._root.css_first(NESTED_LINKS) is not None
        self._asked += 1
        if self._asked <= LAZY_WEIGHTS and not self._nested:
            return True
        self._every = weigh(self._root)
        return False


def weigh(root: LexborNode) -> dict[int, Weight]:
    """Given an element, return the Weight of it and of every element inside it (by mem_id)
    in one pass (``weight(node.text())`` per element is quadratic on nested markup). Pre-order
    reversed meets every element after all of its descendants, so each adds itself to its
    parent once."""
    weights: dict[int, Weight] = {}
    pending: dict[int, tuple[int, int]] = {}  # element → (text, links) of what is inside
    top = root.mem_id
    for node in reversed(list(root.traverse(include_text=True))):
        tag = node.tag or "-"
        if tag == "-text":
            text, links = weight(node.text_content or ""), 0
        elif tag.startswith("-"):
            continue  # comments and other non-elements hold no text
        else:
            text, links = pending.pop(node.mem_id, (0, 0))
            links = text if tag == "a" and "href" in node.attributes else links
            weights[node.mem_id] = Weight(text, links)
        if text and node.mem_id != top and (parent := node.parent) is not None:
            t, k = pending.get(parent.mem_id, (0, 0))
            pending[parent.mem_id] = (t + text, k + links)
    return weights


def find_article(body: LexborNode, weights: Weights) -> tuple[LexborNode | None, str]:
    """Given a pruned body and its weights, return the article container and a note on how
    it was found."""
    named = [node for node in article_candidates(body) if not is_chrome_named(node)]
    best = best_candidate(named, weights)
    if best is not None and weights.score(best) < LIGHT_NAMED_WEIGHT:
        best = None  # a post's date line ("Đăng ngày: … | Lượt xem: …"), not its text
    if best is not None:
        return widen(best, weights), ""
    best = best_candidate([body, *unique(body.css(GENERIC_CONTAINERS))], weights)
    if best is not None:
        note = "no article container by class or id: read the densest block"
        return widen(best, weights), note
    return None, "no article text found"


def article_candidates(body: LexborNode) -> list[LexborNode]:
    """Given a pruned body, return in document order the elements ARTICLE_SELECTORS select
    and those whose class or id holds an article word."""
    selected = {node.mem_id for node in body.css(ARTICLE_SELECTOR)}
    return [
        node
        for node in unique(body.css(ARTICLE_CANDIDATES))
        if node.mem_id in selected or names_article_word(node)
    ]


def names_article_word(node: LexborNode) -> bool:
    """Given an element, return whether its class or id holds an article word (as
    ``[class*="word" i]`` finds it: ASCII letters in either case)."""
    attrs = node.attributes
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    low = label.lower() if label.isascii() else label.translate(_ASCII_LOWER)
    return _ARTICLE_NAME_RE.search(low) is not None


def best_candidate(nodes: list[LexborNode], weights: Weights) -> LexborNode | None:
    """Given candidates in document order, return the deepest one near the best score, if any."""
    scored = score_candidates(nodes, weights)
    top = max((node_score for _, node_score, _ in scored), default=0)
    if top < MIN_ARTICLE_WEIGHT:
        return None
    near = [(index, node) for index, node_score, node in scored if node_score >= NEAR_BEST * top]
    return max(near)[1]  # nested candidates come after their ancestors in document order


def score_candidates(
    nodes: list[LexborNode], weights: Weights
) -> list[tuple[int, int, LexborNode]]:
    """Given candidates, return (index, score, node) for all that may come near the best.

    Heaviest first: a score never exceeds the text weight, so once a candidate's weight is
    below NEAR_BEST of the best score so far, no later one can matter (their links go uncounted).
    """
    weights.expect(len(nodes))
    weighed = sorted(
        ((weights.text(node), index, node) for index, node in enumerate(nodes)),
        key=lambda item: -item[0],
    )
    scored: list[tuple[int, int, LexborNode]] = []
    top = 0
    for text, index, node in weighed:
        if text < NEAR_BEST * top:
            break
        node_score = weights.score(node)
        top = max(top, node_score)
        scored.append((index, node_score, node))
    return scored


def widen(node: LexborNode, weights: Weights) -> LexborNode:
    """Given a container, return the ancestor that also holds its title and lead, if near."""
    for _ in range(MAX_WIDEN):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html") or not has_lead(node, weights):
            break
        node = parent
    return node


def has_lead(node: LexborNode, weights: Weights) -> bool:
    """Given a container, return whether text (not links, not chrome) precedes it in its parent."""
    lead = 0
    sibling = node.prev
    while sibling is not None:
        lead += lead_weight(sibling, weights)
        sibling = sibling.prev
    return lead >= LEAD_MIN_WEIGHT


def lead_weight(node: LexborNode, weights: Weights) -> int:
    """Given a sibling before the container, return its score; chrome and comments add 0."""
    if node.tag == "-text":
        return weight(node.text_content or "")
    if (node.tag or "-").startswith("-") or is_chrome_named(node):
        return 0
    return weights.score(node)


# -- container → blocks -----------------------------------------------------------------------


class _Emitter:
    """A line buffer that block boundaries flush into blocks; done once the news tail opens."""

    __slots__ = ("blocks", "done", "marker", "parts", "seen")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.marker: str | None = None
        self.seen = 0  # characters emitted so far (the tail rule of keep_article)
        self.done = False

    def add(self, text: str) -> None:
        """Given inline text, append it to the current line."""
        self.parts.append(text)

    def flush(self) -> None:
        """Given the buffered text, emit one block per non-blank line."""
        if not self.parts:  # a block edge right after another: nothing buffered
            return
        text = "".join(self.parts)
        self.parts.clear()
        if text and not text.isspace():  # most flushes hold only markup indentation
            for line in map(clean, text.split(BR)):
                if line:
                    self._append(self._line_block(line))

    def _append(self, block: Block) -> None:
        """Given a block, append it; a tail marker ends the walk (keep_article cuts it)."""
        self.done = self.done or opens_tail(block, self.seen)
        self.seen += block_chars(block)
        self.blocks.append(block)

    def _line_block(self, text: str) -> Block:
        """Given a line, return a LIST_ITEM when an item marker is pending, else a PARAGRAPH."""
        marker, self.marker = self.marker, None
        kind = BlockKind.PARAGRAPH if marker is None else BlockKind.LIST_ITEM
        return Block(kind=kind, text=text, marker=marker)

    def start_item(self, marker: str) -> None:
        """Given a list marker, end the current line and apply the marker to the next one."""
        self.flush()
        self.marker = marker

    def emit(self, block: Block) -> None:
        """Given a heading or table block, end the current line and append the block."""
        self.flush()
        self.marker = None
        self._append(block)


def node_to_blocks(node: LexborNode) -> list[Block]:
    """Given an article container, return its blocks in reading order."""
    out = _Emitter()
    visit(node, out, 0)
    out.flush()
    return out.blocks


def walk(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given an element, visit its children in order (sibling links: a fraction of the cost
    of ``iter()``, which the walk would start once per element)."""
    child = node.first_child
    while child is not None:
        if out.done:
            return
        visit(child, out, depth + 1)
        child = child.next


def visit(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given any node, stream its text into the emitter, splitting blocks at boundaries."""
    tag = node.tag or "-"
    if tag == "-text":
        out.add(node.text_content or "")
    elif depth > MAX_DEPTH:
        out.add(node.text())
    elif tag in HANDLERS:
        HANDLERS[tag](node, out, depth)
    elif tag in BLOCK_TAGS:
        visit_block(node, out, depth)
    elif not tag.startswith("-"):  # an inline element; comments and doctype are skipped
        walk(node, out, depth)


def visit_block(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given a block element, emit its content as blocks of its own."""
    out.flush()
    walk(node, out, depth)
    out.flush()


def visit_br(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given a <br>, end the current line."""
    out.add(BR)


def visit_pre(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given a <pre>, emit one block per line of its text."""
    out.flush()
    out.add(node.text().replace("\n", BR))
    out.flush()


def visit_heading(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given an h1–h6, emit one HEADING with its level (inner breaks become spaces)."""
    text = inline_text(node)
    if text:
        out.emit(Block(kind=BlockKind.HEADING, text=text, level=HEADING_LEVELS[node.tag or "h1"]))
    else:
        out.flush()


def visit_list(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given a <ul>/<ol>, emit its items as LIST_ITEMs with their markers."""
    out.flush()
    for marker, child in list_items(node):
        if marker is None:
            visit(child, out, depth + 1)
            continue
        out.start_item(marker)
        walk(child, out, depth + 1)
        out.flush()
        out.marker = None


def visit_item(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given an <li> outside any list, emit it as a bulleted LIST_ITEM."""
    out.start_item("-")
    walk(node, out, depth)
    out.flush()
    out.marker = None


def list_items(node: LexborNode) -> Iterator[tuple[str | None, LexborNode]]:
    """Given a list element, yield (marker, child); the marker is None for non-<li> children."""
    ordered = node.tag == "ol"
    style = node.attributes.get("type") or "1"
    number = _int(node.attributes.get("start"), 1)
    for child in node.iter(include_text=True):
        if child.tag != "li":
            yield None, child
            continue
        number = _int(child.attributes.get("value"), number)
        yield (item_marker(number, style) if ordered else "-"), child
        number += 1


def item_marker(number: int, style: str) -> str:
    """Given an item number and an <ol type>, return its marker ("3.", "c)", "C)")."""
    if style in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord(style) + number - 1)
        return f"{letter})"
    return f"{number}."


def inline_text(node: LexborNode) -> str:
    """Given an element, return its text with breaks and inner blocks joined by one space."""
    parts: list[str] = []
    _collect(node, parts, 0)
    return clean("".join(parts))


def _collect(node: LexborNode, parts: list[str], depth: int) -> None:
    """Given an element, append the text of its subtree to parts, spacing block edges."""
    child = node.first_child
    while child is not None:
        tag = child.tag or "-"
        if tag == "-text":
            parts.append(child.text_content or "")
        elif depth > MAX_DEPTH:
            parts.append(f" {child.text()} ")
        elif tag in BLOCK_TAGS:
            parts.append(" ")
            _collect(child, parts, depth + 1)
            parts.append(" ")
        elif not tag.startswith("-"):
            _collect(child, parts, depth + 1)
        child = child.next


# -- tables -------------------------------------------------------------------------------------


def visit_table(node: LexborNode, out: _Emitter, depth: int) -> None:
    """Given a <table>, emit a TABLE block for data, or descend into a layout table's cells."""
    caption, rows = table_parts(node)
    if caption is not None:
        visit_block(caption, out, depth + 1)
    if is_layout(node, rows):
        for cell in (cell for row in rows for cell in row):
            visit_block(cell, out, depth + 1)
        return
    cells = rows_to_cells(rows)
    if any(cell.text for cell in cells):
        out.emit(Block(kind=BlockKind.TABLE, cells=cells))


def table_parts(table: LexborNode) -> tuple[LexborNode | None, list[list[LexborNode]]]:
    """Given a <table>, return its own caption and rows of cells (nested tables excluded)."""
    caption = None
    head: list[LexborNode] = []
    foot: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "caption":
            caption = child
        elif child.tag == "tr":
            head.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            (foot if child.tag == "tfoot" else head).extend(_children(child, "tr"))
    return caption, [[c for c in tr.iter() if c.tag in CELL_TAGS] for tr in head + foot]


def _children(node: LexborNode, tag: str) -> list[LexborNode]:
    """Given an element, return its child elements with the tag."""
    return [child for child in node.iter() if child.tag == tag]


def is_layout(table: LexborNode, rows: list[list[LexborNode]]) -> bool:
    """Given a table and its rows, return whether it lays out a page rather than holding data."""
    if table.attributes.get("role") in ("presentation", "none"):
        return True
    if max(map(len, rows), default=0) <= 1:
        return True
    if any(inner.mem_id != table.mem_id for inner in table.css(LAYOUT_INSIDE)):
        return True  # css() also matches the table itself: anything else is inside a cell
    cells = (cell for row in rows for cell in row)
    if len(rows) <= FEW_ROWS and any(_holds_paragraphs(cell) for cell in cells):
        return True
    return _is_header_layout(rows)


def _is_header_layout(rows: list[list[LexborNode]]) -> bool:
    """Given a table's rows, return whether it is a Decree 30 header set in a table, ruled
    or not (a few rows of two or three cells, one of the header's marks among their lines)."""
    if len(rows) > HEADER_ROWS or max(map(len, rows)) > HEADER_COLUMNS:
        return False
    return bool(layout_lines([[cell.text(separator="\n").split("\n") for cell in row]
                              for row in rows]))


def _holds_paragraphs(cell: LexborNode) -> bool:
    """Given a cell, return whether it holds several paragraphs, items or lines."""
    return len(cell.css("p, div, li, br")) >= LAYOUT_MIN_BLOCKS


def rows_to_cells(rows: list[list[LexborNode]]) -> tuple[Cell, ...]:
    """Given rows of <td>/<th>, return cells at grid positions that skip earlier spans.

    Only the slots a cell holds in the rows below its own are kept: within its row, the
    next cell starts past it anyway."""
    below: set[tuple[int, int]] = set()  # (row, col) held by a cell spanning down into it
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        col = 0
        for node in row:
            while (r, col) in below:
                col += 1
            rowspan, colspan = cell_spans(node, len(rows) - r)
            cells.append(
                Cell(row=r, col=col, text=inline_text(node), rowspan=rowspan, colspan=colspan)
            )
            if rowspan > 1:
                below.update(product(range(r + 1, r + rowspan), range(col, col + colspan)))
            col += colspan
    return tuple(cells)


def cell_spans(node: LexborNode, rows_left: int) -> tuple[int, int]:
    """Given a cell and the rows left in its table, return its (rowspan, colspan), clamped."""
    attrs = node.attributes
    if "rowspan" not in attrs and "colspan" not in attrs:
        return 1, 1  # most cells
    rowspan = _int(attrs.get("rowspan"), 1) or rows_left  # 0: to the end of the table
    colspan = _int(attrs.get("colspan"), 1) or 1
    return max(1, min(rowspan, rows_left)), max(1, min(colspan, MAX_COLSPAN))


def _int(value: str | None, default: int) -> int:
    """Given an attribute value, return its leading integer, or the default."""
    if value is None:
        return default
    match = _INT_RE.match(value)
    return int(match.group(1)) if match else default


HANDLERS = {
    "br": visit_br,
    "pre": visit_pre,
    "table": visit_table,
    "li": visit_item,
    **dict.fromkeys(HEADING_LEVELS, visit_heading),
    **dict.fromkeys(LIST_TAGS, visit_list),
}
