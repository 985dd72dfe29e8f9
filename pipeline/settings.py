"""Run settings, validated once at the edge (the CLI builds them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from parscore.extractors.errors import UsageError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits

ENGINES = ("local", "dask", "ray")


@dataclass(frozen=True, slots=True, kw_only=True)
class Patterns:
    """--include and --exclude glob patterns, matched against a file's path inside the folder
    it was found in and against its name ("*.pdf", "2023/*", "*nhap*")."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def admit(self, rel: PurePath) -> bool:
        """Given a path relative to its input folder, return whether the run takes it."""
        names = (rel.as_posix(), rel.name)
        wanted = not self.include or matches(names, self.include)
        return wanted and not matches(names, self.exclude)


def matches(names: tuple[str, ...], patterns: tuple[str, ...]) -> bool:
    """Given a file's names and glob patterns, return whether any pattern matches any name."""
    return any(fnmatchcase(n, p) for p in patterns for n in names)


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSettings:
    inputs: tuple[Path, ...] = (Path("samples"),)
    out: Path = Path("output")
    workers: int = 2
    engine: str = "local"
    fresh: bool = False
    replace: bool = False
    strict: bool = False
    grade_scale: Path | None = None
    quiet: bool = False
    verbose: bool = False
    patterns: Patterns = field(default_factory=Patterns)
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
