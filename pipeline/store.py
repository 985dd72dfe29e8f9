"""The result store: one JSON file per source sha256, so that a run can resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parscore.pipeline import __version__
from parscore.pipeline.writers import atomic_write

STORE_DIR = ".store"


class ResultStore:
    """Parse results kept under OUT/.store/<version>/<sha256>.json."""

    def __init__(self, out: Path) -> None:
        self.root = out / STORE_DIR / __version__

    def get(self, sha256: str) -> dict[str, Any] | None:
        """Given a source sha256, return its stored result, or None."""
        path = self.root / f"{sha256}.json"
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data

    def put(self, sha256: str, result: dict[str, Any]) -> None:
        """Given a source sha256 and its result, store it atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        text = json.dumps(result, ensure_ascii=False)
        atomic_write(self.root / f"{sha256}.json", lambda p: p.write_text(text, encoding="utf-8"))
