"""The output folder as an archive that grows: every input ever added, its latest version.

The store (``OUT/.store/<version>/<sha256>.json``) holds every parse result; the archive's
registry (``OUT/.store/<version>/archive.jsonl``) holds one manifest row per input path ever
run into OUT, the latest run's row winning (a file whose bytes changed at the same path
replaces its old version). The datasets are rebuilt from the two after every run, rows in a
stable order (source path, then each notice's own order), so they are byte-identical whatever
the workers, the engine, or a kill and a rerun.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from parscore.pipeline.store import ResultStore
from parscore.pipeline.writers import atomic_write

Row = dict[str, Any]
REGISTRY = "archive.jsonl"
#: Manifest statuses whose input gave a notice the datasets hold.
WITH_NOTICE = frozenset({"ok", "skipped"})


def load(store: ResultStore) -> dict[str, Row]:
    """Given the store, return the archive's manifest rows by source path (none yet: {})."""
    path = store.root / REGISTRY
    if not path.is_file():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row["source_path"]: row for row in rows}


def save(store: ResultStore, rows: Sequence[Row]) -> None:
    """Given the archive's manifest rows, keep them in the store (atomically)."""
    store.root.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    atomic_write(store.root / REGISTRY, lambda p: p.write_text(text, encoding="utf-8"))


def merge(archived: dict[str, Row], latest: Iterable[Row]) -> list[Row]:
    """Given the archive's rows and this run's, return them merged (this run's win), sorted."""
    merged = {**archived, **{row["source_path"]: row for row in latest}}
    return [merged[path] for path in sorted(merged)]


def notices(
    store: ResultStore, rows: Sequence[Row], taken: Callable[[str, str], bool] | None = None
) -> Iterator[Row]:
    """Given the archive's sorted rows, yield each notice's stored result once, in row order,
    under the path that names it first; a result the store lost is skipped, and so is one
    that `taken` (given its sha256 and path, in its turn) says it took otherwise (the run's
    spooled rows: the store is not read for them)."""
    seen: set[str] = set()
    for row in rows:
        sha = row["sha256"]
        if row["status"] not in WITH_NOTICE or sha in seen:
            continue
        if taken is not None and taken(sha, row["source_path"]):
            seen.add(sha)
            continue
        result = store.get(sha)
        if result is not None:
            seen.add(sha)
            yield {**result, "source": {**result["source"], "path": row["source_path"]}}
