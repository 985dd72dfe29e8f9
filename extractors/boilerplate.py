"""Portal chrome: what a saved news page carries around a notice, and how to drop it.

Shared by the HTML and text extractors. Two levels:

- element level (HTML only): tags and class/id words that mark menus, sidebars, pagers,
  share bars and the like (``CHROME_TAGS``, ``CHROME_WORDS``), and the words that mark the
  article container (``ARTICLE_WORDS``);
- line level (every format): a block whose whole text is chrome ("Lượt xem: 81 Bản in Quay
  lại", "Trang 1 / 8 1 2 3 … Go To", "Cập nhật: 10:32 26/03/2024", "0:00 / 0:00") is dropped,
  so is a long paragraph repeating the one before it (the lead shown twice), and a tail
  marker ("Tin đã đưa", "Tin khác", …) ends the article once enough text came before it.
  A stamp or phrase inside a sentence is article text and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from parscore.extractors.model import Block, BlockKind

# -- element level (HTML) ----------------------------------------------------------------

#: Tags whose whole subtree is never article text.
JUNK_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "iframe", "template", "svg", "math", "object", "embed",
    "video", "audio", "canvas", "select", "button", "input", "textarea", "map", "head",
)  # fmt: skip

#: Tags that hold portal chrome (``header`` and ``form`` have exceptions in extractors.html).
CHROME_TAGS: tuple[str, ...] = ("nav", "aside", "footer", "header", "form", "menu", "marquee")

#: Substrings of a class or id that mark chrome (matched case-insensitively).
CHROME_WORDS: tuple[str, ...] = (
    "menu", "nav", "breadcrumb", "duongdan", "footer", "sidebar", "share", "social",
    "widget", "pager", "paging", "pagination", "phantrang", "comment", "binhluan", "related",
    "lienquan", "banner", "advert", "quangcao", "weather", "thoitiet", "player", "audio",
    "counter", "thongke", "othernews", "other-news", "other_news", "tinkhac", "tin-khac",
    "tin_khac", "search", "timkiem", "login", "toolbar", "print-tool", "socical",
)  # fmt: skip

#: Selectors of content a reader never sees.
HIDDEN_SELECTORS: tuple[str, ...] = (
    '[style*="display:none" i]', '[style*="display: none" i]', "[hidden]",
    '[aria-hidden="true"]',
)  # fmt: skip

#: Substrings of a class or id that mark the article container.
ARTICLE_WORDS: tuple[str, ...] = (
    "content", "article", "detail", "news", "post", "noidung", "noi-dung", "chitiet",
    "chi-tiet", "baiviet", "tintuc", "entry", "story", "main",
)  # fmt: skip

#: Tags that are article containers by themselves.
ARTICLE_SELECTORS: tuple[str, ...] = ("article", "main", '[itemprop="articleBody"]')

# -- line level (every format) -------------------------------------------------------------

CHROME_MAX_CHARS = 160  # a longer block is never chrome as a whole
REPEAT_MIN_CHARS = 40  # a block this long repeating the one before it is a doubled lead
TAIL_MIN_CHARS = 200  # article characters that must precede a tail marker for it to cut

#: Phrases that are chrome wherever they make up a whole line (with numbers and separators).
CHROME_PHRASES: tuple[str, ...] = (
    r"(?:số )?lượt (?:xem|đọc|truy cập|view)", r"tổng (?:số )?(?:lượt )?truy cập",
    r"đang (?:online|truy cập|trực tuyến)", r"hôm nay", r"hôm qua", r"thống kê truy cập",
    r"bản in", r"in bài(?: viết)?", r"in trang", r"quay (?:lại|về)", r"trở (?:lại|về)",
    r"(?:về|lên) đầu trang", r"gửi (?:email|e-mail|bài(?: viết)?|cho bạn bè|góp ý)",
    r"chia sẻ", r"lưu (?:bài|tin)(?: viết)?", r"xem theo ngày", r"liên kết (?:web(?:site)?)",
    r"go ?to", r"xem", r"tìm kiếm", r"facebook", r"zalo", r"twitter", r"tweet", r"like",
    r"share", r"print", r"e-?mail", r"cỡ chữ", r"font ?size", r"nghe (?:đọc )?bài(?: viết)?",
    r"đọc bài(?: viết)?", r"giọng (?:nam|nữ)(?: miền (?:bắc|trung|nam))?", r"tải về",
    r"top", r"đầu trang",
)  # fmt: skip

#: The letters the chrome phrases open with (a test derives them from the phrases): tried
#: first, they let a line's other positions fail before every phrase is tried there.
CHROME_PHRASE_OPENINGS = "bcefghilnpqstvxzđ"

_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]m)?"
_WEEKDAY = r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)"
_STAMP_LABEL = (  # publish and crawl stamps ("Ngày thu thập" is a scraper's)
    r"(?:ngày |thời gian )?(?:cập nhật|đăng|đăng tải|đưa tin|xuất bản|thu thập|lấy tin|"
    r"post(?:ed)?|updated?|published|crawled|retrieved)(?: lúc| ngày| vào)?"
)
_DATETIME_FULL = (  # a date with a time, either way round
    rf"(?:(?:{_WEEKDAY},?\s*)?(?:ngày\s*)?{_DATE}\s*[-,|]?\s*(?:lúc\s*)?{_TIME}"
    rf"|{_TIME}\s*[-,|]?\s*(?:{_WEEKDAY},?\s*)?(?:ngày\s*)?{_DATE})"
)
_DATETIME = rf"(?:{_DATETIME_FULL}|(?:{_WEEKDAY},?\s*)?(?:ngày\s*)?{_DATE})"
_PAGER_ITEM = r"(?:\d++|…|\.\.\.|[«»<>‹›|]|đầu|cuối|trước|sau|tiếp)"

#: Whole lines that are chrome: pagers, players, publish stamps, breadcrumbs, image slots.
CHROME_LINES: tuple[str, ...] = (
    rf"trang\s*\d+\s*/\s*\d+(?:\s*+{_PAGER_ITEM})*+(?:\s*go ?to)?",
    rf"(?:{_PAGER_ITEM}\s*+)++go ?to",
    rf"{_TIME}\s*/\s*{_TIME}",
    rf"\(?{_STAMP_LABEL}\s*:?\s*{_DATETIME}\)?",
    rf"\(?{_WEEKDAY},?\s*(?:ngày\s*)?{_DATE}(?:\s*[-,|]?\s*{_TIME})?\)?",
    rf"\(?{_DATETIME_FULL}\)?",
    r"trang chủ\s*(?:[>»/|›-]\s*+[^>»/|›-]*+)++",
    r"\[?(?:image|img|photo|picture|hình|ảnh|hình ảnh)\s*\d*\]?",
    r"\S+\.(?:jpe?g|png|gif|bmp|webp)",
    r"\(?(?:ảnh|hình|hình ảnh)(?: minh họa| minh hoạ)\s*(?::[^()]{0,80})?\)?",
    r"\(?(?:ảnh|nguồn ảnh)\s*:[^()]{0,60}\)?",
)  # fmt: skip

#: Whole lines that open the "other news" tail: nothing after them is the article.
TAIL_MARKERS: tuple[str, ...] = (
    r"(?:các )?(?:tin|bài|bài viết|tin bài|tin tức|văn bản|thông báo)"
    r" (?:đã đưa|khác|liên quan|cùng chuyên mục|cùng danh mục|cùng loại|mới hơn|cũ hơn"
    r"|đã đăng|mới đăng|mới|mới nhất|xem nhiều(?: nhất)?|nổi bật|trước|tiếp theo)",
    r"xem thêm", r"ý kiến bạn đọc", r"(?:gửi )?bình luận", r"ý kiến của bạn",
)  # fmt: skip

# The patterns are lowercase and run on lowercased text: three times faster than IGNORECASE.
_TRAILING = r"\s*[:.»>…]*\s*"
_FILLER_RE = re.compile(r"[\s\d:|/\\\-–—•·.,;()\[\]«»<>›‹*+=_~]*")
_PHRASE_RE = re.compile(rf"(?=[{CHROME_PHRASE_OPENINGS}])\b(?:" + "|".join(CHROME_PHRASES) + r")\b")
_LINE_RE = re.compile("(?:" + "|".join(CHROME_LINES) + ")" + _TRAILING)
_TAIL_RE = re.compile("(?:" + "|".join(TAIL_MARKERS) + ")" + _TRAILING)


def is_chrome_line(text: str) -> bool:
    """Given one block's text, return whether it is portal chrome as a whole."""
    if len(text) > CHROME_MAX_CHARS:
        return False
    low = text.lower()
    if _LINE_RE.fullmatch(low) or _TAIL_RE.fullmatch(low):
        return True
    return _phrases_only(low)


def _phrases_only(low: str) -> bool:
    """Given a lowercased line, return whether it is chrome phrases and filler only, with one
    phrase at least: what "the line without its phrases is filler" says, read left to right.

    No phrase opens on a filler character (filler holds no letter), so past the filler the
    next phrase must start right there; a prose line fails at its first word instead of
    being searched for phrases to its end."""
    pos, found, end = 0, False, len(low)
    while True:
        pos = _FILLER_RE.match(low, pos).end()  # type: ignore[union-attr]  # `*` always matches
        if pos == end:
            return found
        phrase = _PHRASE_RE.match(low, pos)
        if phrase is None:
            return False
        pos, found = phrase.end(), True


def is_tail_marker(text: str) -> bool:
    """Given one block's text, return whether it opens the "other news" tail."""
    return len(text) <= CHROME_MAX_CHARS and _TAIL_RE.fullmatch(text.lower()) is not None


def keep_article(blocks: Iterable[Block]) -> list[Block]:
    """Given blocks in reading order, return them without chrome, repeats and the news tail."""
    kept: list[Block] = []
    for block in until_tail(blocks):
        if not (_is_chrome_block(block) or (kept and _repeats(block, kept[-1]))):
            kept.append(block)
    return kept


def _repeats(block: Block, previous: Block) -> bool:
    """Given a block and the one kept before it, return whether it says the same (a sapo
    shown again as the first paragraph); short lines such as table cells may repeat."""
    return len(block.text) >= REPEAT_MIN_CHARS and block.text == previous.text


def _is_chrome_block(block: Block) -> bool:
    """Given a block, return whether it is a chrome line (tables never are)."""
    return block.kind is not BlockKind.TABLE and is_chrome_line(block.text)


def until_tail(blocks: Iterable[Block]) -> Iterator[Block]:
    """Given blocks, yield them up to a tail marker that follows enough article text."""
    seen = 0
    for block in blocks:
        if opens_tail(block, seen):
            return
        seen += block_chars(block)
        yield block


def opens_tail(block: Block, seen: int) -> bool:
    """Given a block and the characters of the blocks before it, return whether it ends them."""
    return seen >= TAIL_MIN_CHARS and is_tail_marker(block.text)


def block_chars(block: Block) -> int:
    """Given a block, return the characters of its text and cells."""
    return len(block.text) + sum(len(cell.text) for cell in block.cells)
