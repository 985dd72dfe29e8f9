"""Write tests/golden/<sample>.json: the `parscore parse --json` output of every sample.

Run it deliberately (`python tools/golden.py [SAMPLE…]`) after a change that is meant to
alter parse results, and review the diff: the golden test compares against these files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLDEN = ROOT / "tests" / "golden"
#: Fields that depend on where the sample sits, not on what it says.
VOLATILE = ("parscore_version",)


def golden_view(data: dict[str, Any]) -> dict[str, Any]:
    """Given a parse result, return it as kept in a golden file (path relative, no version)."""
    view = {k: v for k, v in data.items() if k not in VOLATILE}
    view["source"] = {**data["source"], "path": Path(data["source"]["path"]).name}
    return view


def main(argv: list[str]) -> None:
    """Given sample names (default: all), rewrite their golden files."""
    from parscore.pipeline.process import process_file

    samples = [ROOT / "samples" / a for a in argv] or sorted(
        p for p in (ROOT / "samples").iterdir() if p.is_file()
    )
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in samples:
        data = golden_view(process_file(path).to_dict())
        target = GOLDEN / f"{path.name}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
