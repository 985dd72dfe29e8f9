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

from parscore.api import ParsedNotice, RunReport, parse, read, run
from parscore.extractors.errors import InputError, OutputError, ParscoreError, UsageError
from parscore.pipeline import __version__

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
