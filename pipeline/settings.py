"""Run settings, validated once at the edge (the CLI builds them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractors.errors import UsageError
from extractors.limits import DEFAULT_LIMITS, Limits

ENGINES = ("local", "dask", "ray")


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSettings:
    inputs: tuple[Path, ...] = (Path("samples"),)
    out: Path = Path("output")
    workers: int = 2
    engine: str = "local"
    fresh: bool = False
    strict: bool = False
    grade_scale: Path | None = None
    quiet: bool = False
    bom: bool = False
    limits: Limits = field(default_factory=lambda: DEFAULT_LIMITS)

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise UsageError(f"--workers must be at least 1, got {self.workers}")
        if self.engine not in ENGINES:
            raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        missing = [str(p) for p in self.inputs if not p.exists()]
        if missing:
            raise UsageError(f"input not found: {', '.join(missing)}")
        if self.grade_scale is not None and not self.grade_scale.is_file():
            raise UsageError(f"--grade-scale file not found: {self.grade_scale}")
