"""Caches that hold one document's repeats only.

Readers key the same sentence several times within a notice (a title read for its subjects
and its statements, a line cut into words by several readers): a cache of such results
saves that work. Kept across notices it would also serve other documents' sentences, which
distinct notices rarely repeat, grow with the archive, and flatter any benchmark that reads
its pages more than once. So these caches are cleared when a document starts
(``clear_document_caches``, called by ``pipeline.process``); caches of vocabulary-sized keys
(a word, a label, a number) are not of this kind and stay.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: The caches cleared when a document starts.
_CACHES: list[Any] = []


def document_cache(maxsize: int) -> Callable[[F], F]:
    """Given a size, return a decorator caching a pure function for the document at hand."""

    def wrap(func: F) -> F:
        cached = lru_cache(maxsize=maxsize)(func)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_document_caches() -> None:
    """Given nothing, empty every document cache: a new document starts."""
    for cached in _CACHES:
        cached.cache_clear()
