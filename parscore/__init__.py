"""parscore: Vietnamese PAR Index (Chỉ số CCHC) notices → clean, validated datasets.

The library in three calls (the command line does the same)::

    import parscore
    notice = parscore.parse("thong-bao.pdf")        # parscore parse thong-bao.pdf --json
    report = parscore.run(["archive/"], out="data/")  # parscore run archive/ --out data/
    tables = parscore.read("data/")                   # {"notices": DataFrame, …}

The stages live in ``parscore.extractors`` (formats → one Document), ``parscore.normalizers``
(numbers, text, labels) and ``parscore.pipeline`` (reading, validation, datasets, the run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parscore.extractors.errors import InputError, OutputError, ParscoreError, UsageError
from parscore.pipeline import __version__

if TYPE_CHECKING:
    from parscore.api import ParsedNotice, RunReport, parse, read, run

#: Names of parscore.api, imported on first use: `parscore run` and its workers import
#: parscore without paying for pandas and the readers they do not need yet.
_API = frozenset({"ParsedNotice", "RunReport", "parse", "read", "run"})


def __getattr__(name: str) -> Any:
    """Given a name of the library's calls, import parscore.api and return it."""
    if name in _API:
        from parscore import api

        return getattr(api, name)
    raise AttributeError(f"module 'parscore' has no attribute {name!r}")

__all__ = [
    "InputError",
    "OutputError",
    "ParscoreError",
    "ParsedNotice",
    "RunReport",
    "UsageError",
    "__version__",
    "parse",
    "read",
    "run",
]
