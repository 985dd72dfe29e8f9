"""The layers hold: no import cycles, and the lower packages never import the stages above.

Every import counts, at module level or inside a function (a lazy import only hides a cycle),
and so does one under ``TYPE_CHECKING``. The layers, bottom up: ``normalizers`` (text,
numbers, labels), ``extractors`` (formats → one Document), ``pipeline`` (reading,
validation, datasets, the run). Errors and shared records live at the bottom, so no lower
package needs ``pipeline``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("normalizers", "extractors", "pipeline")
#: layer → the layers it may import; "api" is the package's own façade (parscore/*.py).
ALLOWED = {
    "normalizers": {"normalizers"},
    "extractors": {"normalizers", "extractors"},
    "pipeline": {"normalizers", "extractors", "pipeline"},
    "api": {"normalizers", "extractors", "pipeline", "api"},
}


def module_name(path: Path) -> str:
    """Given a source file, return its dotted module name as installed (under parscore)."""
    parts = ("parscore", *path.relative_to(ROOT).with_suffix("").parts)
    if parts[1] == "parscore":  # the façade's own files: parscore/api.py is parscore.api
        parts = parts[1:]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(name: str) -> str:
    """Given a module name, return its layer."""
    part = name.split(".")[1] if name.count(".") else ""
    return part if part in PACKAGES else "api"


def modules() -> dict[str, Path]:
    """Return every project module by name: the three packages and the façade."""
    found = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")]
    return {module_name(p): p for p in [*found, *(ROOT / "parscore").glob("*.py")]}


def imported(path: Path, known: dict[str, Path]) -> set[str]:
    """Given a module's file, return the project modules it imports (any depth, any place)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    # importing a.b.c runs a/__init__ and a/b/__init__ first: they are imported too
    found |= {name.rsplit(".", k)[0] for name in found for k in range(1, name.count(".") + 1)}
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    """Return module → the project modules it imports (its own parent packages left out)."""
    known = modules()
    return {
        name: {m for m in imported(path, known) if m != name and not name.startswith(m + ".")}
        for name, path in known.items()
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """Given a graph, return one cycle as a path of nodes, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    return next((c for n in sorted(edges) if n not in state and (c := visit(n))), None)


def test_no_import_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_lower_packages_never_import_higher_ones() -> None:
    wrong = [
        f"{name} imports {m}"
        for name, targets in graph().items()
        for m in targets
        if layer(m) not in ALLOWED[layer(name)]
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
