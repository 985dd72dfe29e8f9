"""The real legacy files (../shared/legacy, beside the clone): none refused, accuracy floors.

The .doc, .ppt, .xls and .rtf files of the viparse corpus (91 of its 96 real files; its 5 PDFs
go through the PDF reader, which bench/bench_legacy.py scores with the rest) are read as
`parscore text` reads them and scored with the corpus's metric (bench/legacy_metric.py).
The floors sit a little under the figures measured when they were pinned (README "Legacy
files"): on these 91 files char 0.9976, diacritic 0.9969, syllable 0.9949, and no file
under 0.975 diacritic accuracy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_legacy import DEFAULT_CORPUS, corpus_files, parscore_text
from bench.legacy_metric import Score, score
from parscore.extractors.errors import InputError

SUFFIXES = {".doc", ".ppt", ".xls", ".rtf"}
FLOOR_DIACRITIC = 0.995
FLOOR_SYLLABLE = 0.993
FLOOR_PER_FILE = 0.96  # diacritic accuracy of every single file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason="../shared/legacy is not beside us"),
]


def legacy_pairs() -> list[tuple[Path, Path]]:
    return [p for p in corpus_files(DEFAULT_CORPUS) if p[0].suffix.lower() in SUFFIXES]


def test_no_legacy_file_is_refused_and_accuracy_holds() -> None:
    pairs = legacy_pairs()
    assert len(pairs) == 91
    total, refused, weak = Score(), [], []
    for path, truth in pairs:
        try:
            text = parscore_text(path)
        except InputError as err:
            refused.append(f"{path.name}: {err.code}")
            continue
        result = score(truth.read_text("utf-8"), text)
        total = total + result
        if result.diacritic_accuracy < FLOOR_PER_FILE:
            weak.append(f"{path.name}: {result.diacritic_accuracy:.3f}")
    assert not refused
    assert not weak
    assert total.diacritic_accuracy >= FLOOR_DIACRITIC
    assert total.syllable_accuracy >= FLOOR_SYLLABLE
