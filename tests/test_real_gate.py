"""The real-document gate: published documents nobody here wrote, scored like ``score.py``.

``../shared/realdev`` (real texts) and ``../shared/realbin`` (real PDFs, scans, DOCX) sit beside
the clone, each document with the values a careful reader found in it. This test runs them
through ``parscore run`` as a user would, scores them with the corpus's own ``score.py`` (the
same rules, imported, not copied) and fails below the floors pinned in
``tests/real_floor.toml``. A second test holds the floors themselves: across the file's git
history a floor never goes down unless the commit says why ("lower the real floor: …").
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "tests" / "real_floor.toml"
#: What a commit that lowers a floor must say in its message.
LOWERING_REASON = "lower the real floor:"
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]


def load_floors(text: str) -> dict[str, dict[str, float]]:
    """Given the floor file's text, return {corpus: {"share": …, "max_stray": …}}."""
    return {name: dict(values) for name, values in tomllib.loads(text).items()}


def scorer() -> ModuleType:
    """Return the corpus's own score.py as a module (skip where the corpora are not beside us)."""
    path = SHARED / "realdev" / "score.py"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have shared/ beside the clone")
        pytest.skip(f"{path} not found: the real corpora are not beside this checkout")
    spec = importlib.util.spec_from_file_location("real_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(corpus: Path) -> tuple[int, int, int, list[str]]:
    """Given a corpus folder, return (found, expected, stray unit rows, misses by document)."""
    score = scorer()
    docs = sorted(p for p in corpus.iterdir() if p.is_dir() and (p / "expected.json").exists())
    got = score.run_corpus(PARSCORE, docs, timeout=900)
    found = expected = stray = 0
    misses = []
    for doc in docs:
        exp = score.json.loads((doc / "expected.json").read_text(encoding="utf-8"))
        h, t, missed, s = score.score_doc(exp, got.get(doc.name, {}))
        found, expected, stray = found + h, expected + t, stray + s
        misses += [f"{doc.name}: {m}" for m in missed]
    return found, expected, stray, misses


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(load_floors(FLOORS.read_text(encoding="utf-8"))))
def test_real_corpus_meets_its_floor(corpus: str) -> None:
    floor = load_floors(FLOORS.read_text(encoding="utf-8"))[corpus]
    found, expected, stray, misses = score_corpus(SHARED / corpus)
    share = found / expected
    shown = "\n".join(misses[:40])
    assert share >= floor["share"], (
        f"{corpus}: {found}/{expected} = {share:.3f} below the floor {floor['share']}\n{shown}"
    )
    assert stray <= floor["max_stray"], f"{corpus}: {stray} stray unit rows > {floor['max_stray']}"


def floor_history() -> list[tuple[str, str]]:
    """Return (commit message, floor file text) for each commit of the floor file, oldest first."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    rel = FLOORS.relative_to(ROOT).as_posix()
    log = subprocess.run(
        [git, "log", "--reverse", "--format=%H", "--", rel],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [(show(git, f"--format=%B -s {h}"), show(git, f"{h}:{rel}")) for h in log]


def show(git: str, what: str) -> str:
    """Given git and what to show, return git show's output."""
    args = [git, "show", *what.split()]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout


def lowered(old: dict[str, dict[str, float]], new: dict[str, dict[str, float]]) -> list[str]:
    """Given two versions of the floors, return what the newer one made easier."""
    out = [f"{c} share" for c in old if c in new and new[c]["share"] < old[c]["share"]]
    out += [f"{c} stray" for c in old if c in new and new[c]["max_stray"] > old[c]["max_stray"]]
    return out + [f"{c} dropped" for c in old if c not in new]


def test_floors_never_go_down_silently() -> None:
    history = floor_history()
    current = FLOORS.read_text(encoding="utf-8")
    if not history or history[-1][1] != current:
        history.append(("(the uncommitted floor file)", current))
    for (_, before), (message, after) in pairwise(history):
        eased = lowered(load_floors(before), load_floors(after))
        assert not eased or LOWERING_REASON in message.lower(), (
            f"the real-document floors were lowered ({', '.join(eased)}) by a commit that does "
            f"not say why: write '{LOWERING_REASON} <reason>' in its message\n{message}"
        )


def test_lowering_is_detected() -> None:
    old = {"realdev": {"share": 0.5, "max_stray": 2}}
    assert lowered(old, {"realdev": {"share": 0.4, "max_stray": 2}}) == ["realdev share"]
    assert lowered(old, {"realdev": {"share": 0.6, "max_stray": 3}}) == ["realdev stray"]
    assert lowered(old, {}) == ["realdev dropped"]
    assert lowered(old, {"realdev": {"share": 0.6, "max_stray": 1}}) == []
