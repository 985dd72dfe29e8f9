"""The result store: one JSON file per source sha256, so that a run can resume."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from parscore.pipeline import __version__
from parscore.pipeline.spool import to_json

STORE_DIR = ".store"


class ResultStore:
    """Parse results kept under OUT/.store/<version>/<sha256>.json."""

    def __init__(self, out: Path) -> None:
        self.root = out / STORE_DIR / __version__
        self.made = False

    def get(self, sha256: str) -> dict[str, Any] | None:
        """Given a source sha256, return its stored result, or None."""
        path = self.root / f"{sha256}.json"
        try:
            data: dict[str, Any] = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        return data

    def put(self, sha256: str, result: dict[str, Any]) -> bytes:
        """Given a source sha256 and its result, store it atomically; return its JSON as
        stored. The same result stored already (a --fresh rerun) is left as it is: replacing
        a file costs a flush to disk."""
        if not self.made:
            self.root.mkdir(parents=True, exist_ok=True)
            self.made = True
        data = to_json(result).encode("utf-8")
        path = self.root / f"{sha256}.json"
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return data
        except OSError:
            pass  # not stored yet
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return data
