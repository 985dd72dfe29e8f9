"""Run every benchmark of bench/ in one process, one after the other."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
BENCHES = (
    "bench.bench_run",
    "bench.bench_html",
    "bench.bench_pdf",
    "bench.bench_memory",
    "bench.bench_scale",
    "bench.bench_spacy",
)


def main() -> None:
    """Run each benchmark module's main()."""
    names = sys.argv[1:] or BENCHES
    ratios: dict[str, float] = {}
    for name in names:
        module = importlib.import_module(name if name.startswith("bench.") else f"bench.{name}")
        ratios.update(module.main() or {})
    if ratios:
        print("whole-process ratios:")
        for label, ratio in ratios.items():
            print(f"  {label}: {ratio:.2f}")


if __name__ == "__main__":
    main()
