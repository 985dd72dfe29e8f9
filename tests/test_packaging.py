"""The distribution: runtime dependencies are exactly what run time imports."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pipeline", "extractors", "normalizers")


def declared() -> set[str]:
    """Return the runtime dependencies' distribution names, normalised."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {norm(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in project["dependencies"]}


def norm(name: str) -> str:
    """Given a distribution name, return it normalised (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_distributions() -> set[str]:
    """Return the distributions whose modules the packages import, anywhere in their code."""
    modules: set[str] = set()
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules.add(node.module.split(".")[0])
    owners = packages_distributions()
    return {norm(d) for m in modules for d in owners.get(m, ())}


def test_every_runtime_dependency_is_imported_at_run_time() -> None:
    unused = declared() - imported_distributions()
    assert not unused, f"declared but never imported at run time (make them extras): {unused}"


def test_every_third_party_import_is_declared() -> None:
    missing = imported_distributions() - declared() - {"parscore"}
    optional = {"dask", "distributed", "ray"}  # engines: the [dask] and [ray] extras
    assert not (missing - optional), f"imported at run time but not declared: {missing}"
