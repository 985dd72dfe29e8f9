"""Sentence caches hold the document at hand only: a new document starts them empty."""

from __future__ import annotations

from pathlib import Path

from parscore.normalizers.doccache import clear_document_caches, document_cache
from parscore.pipeline.parse.assignees import find_assignment
from parscore.pipeline.process import process_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_a_document_cache_serves_repeats_until_cleared() -> None:
    calls: list[str] = []

    @document_cache(8)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("sở y tế") == shout("sở y tế") == "SỞ Y TẾ"
    assert calls == ["sở y tế"]
    clear_document_caches()
    shout("sở y tế")
    assert calls == ["sở y tế", "sở y tế"]


def test_reading_a_document_keeps_none_of_the_one_before() -> None:
    process_file(SAMPLES / "statements-news-subject.html")
    first = find_assignment.cache_info()  # type: ignore[attr-defined]
    process_file(SAMPLES / "statements-ranking-table.html")
    second = find_assignment.cache_info()  # type: ignore[attr-defined]
    process_file(SAMPLES / "statements-ranking-table.html")
    third = find_assignment.cache_info()  # type: ignore[attr-defined]
    assert first.currsize > 0 and second.currsize > 0
    # read again, the same document finds nothing kept from its first reading: the same
    # misses as then (a cache kept across documents would turn them all into hits)
    assert (third.hits, third.misses, third.currsize) == (
        second.hits,
        second.misses,
        second.currsize,
    )
