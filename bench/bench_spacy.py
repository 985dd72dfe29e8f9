"""spaCy's PhraseMatcher against parscore's own unit recogniser, on accuracy and time.

The design card names spaCy; the issue asked whether it makes the reader more general. Both
sides get the same gazetteer (units.toml's agencies with their head words and abbreviations,
the provinces, the socio-economic regions); spaCy runs a blank Vietnamese pipeline (its
syllable tokenizer, no pyvi), one PhraseMatcher on lower-case text and ``filter_spans`` as
the overlap rule; parscore runs ``find_mentions`` (known names, capitalised unknown names,
committees and localities). Accuracy: the share of the units a careful reader found in the
real documents beside the clone (``../shared/realdev``, when present; the composed samples'
expected units otherwise) that some mention names. Time: both over the same lines, in this
process, in the same run.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDEV = ROOT.parent / "shared" / "realdev"
ROUNDS = 5
#: Words that name a kind of body rather than a body (as the real corpus's scorer has them).
KIND_WORDS = {
    "so",
    "ubnd",
    "huyen",
    "thanh",
    "pho",
    "tp",
    "thi",
    "xa",
    "tinh",
    "ban",
    "bo",
    "nganh",
    "cac",
    "va",
    "h",
    "uy",
    "nhan",
    "dan",
    "quan",
    "phuong",
}


def loose(text: str) -> set[str]:
    """Given a name, return its distinctive words without tones."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").lower())
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    return {w for w in re.split(r"[^a-z0-9]+", t) if w and w not in KIND_WORDS}


def corpus() -> list[tuple[list[str], list[str]]]:
    """Return (lines, expected unit names) of each real document with expected units."""
    docs = []
    for folder in sorted(REALDEV.glob("*/")) if REALDEV.is_dir() else []:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        units = [u["unit"] for u in expected.get("units", [])]
        source = next(iter(sorted(folder.glob("source.*"))))
        if units and source.suffix in {".txt", ".html"}:
            lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]
            docs.append((lines, units))
    return docs


def gazetteer() -> list[str]:
    """Return every known unit name of the label tables, as written."""
    from parscore.normalizers.labels import data_table
    from parscore.normalizers.places import provinces

    table = data_table("units")
    heads = table["heads"]["words"]
    names = [
        f"{h} {form}"
        for h in heads
        for n, abbrs in table["agencies"].items()
        for form in (n, *abbrs)
    ]
    names += list(provinces().values()) + [key.title() for key in provinces()]
    names += [r for group in table.get("regions", {}).values() for r in group]
    return names


def spacy_finder() -> Callable[[str], list[str]]:
    """Return a function giving the gazetteer names spaCy's PhraseMatcher finds in a line."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("UNIT", list(nlp.tokenizer.pipe(gazetteer())))

    def find(line: str) -> list[str]:
        doc = nlp.make_doc(line)
        return [s.text for s in filter_spans([doc[a:b] for _, a, b in matcher(doc)])]

    return find


def parscore_finder() -> Callable[[str], list[str]]:
    """Return a function giving the units parscore's recogniser names in a line."""
    from parscore.normalizers.text import fold
    from parscore.pipeline.statements.units import find_mentions

    return lambda line: [m.unit for m in find_mentions(line, fold(line)) if m.unit]


def recall(find: Callable[[str], list[str]], docs: Iterable[tuple[list[str], list[str]]]) -> float:
    """Given a finder and documents, return the share of expected units some mention names."""
    hits = total = 0
    for lines, units in docs:
        found = [loose(name) for line in lines for name in find(line)]
        for unit in units:
            want = loose(unit)
            total += 1
            hits += any(f and want and (f <= want or want <= f) for f in found)
    return hits / total if total else 0.0


def seconds(find: Callable[[str], list[str]], lines: list[str]) -> float:
    """Given a finder and lines, return the seconds ROUNDS passes over them take."""
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for line in lines:
            find(line)
    return time.perf_counter() - start


def main() -> None:
    """Print recall and time of both recognisers on the same lines."""
    docs = corpus()
    if not docs:
        print("bench_spacy: no real documents beside the clone (../shared/realdev); skipped")
        return
    lines = [line for doc_lines, _ in docs for line in doc_lines]
    start = time.perf_counter()
    ours, theirs = parscore_finder(), spacy_finder()
    theirs("Sở Tư pháp")
    load = time.perf_counter() - start
    ours_r, theirs_r = recall(ours, docs), recall(theirs, docs)
    ours_s, theirs_s = seconds(ours, lines), seconds(theirs, lines)
    print(
        f"unit recognition over {len(docs)} real documents, {len(lines)} lines, "
        f"{sum(len(u) for _, u in docs)} expected units:"
    )
    print(f"  parscore find_mentions  recall {ours_r:.3f}  {ours_s / ROUNDS * 1000:.1f} ms/pass")
    print(
        f"  spaCy PhraseMatcher     recall {theirs_r:.3f}  {theirs_s / ROUNDS * 1000:.1f} ms/pass"
        f"  (load {load:.2f} s)"
    )
    print(f"  time ratio spaCy/parscore {theirs_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
