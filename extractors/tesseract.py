"""Tesseract, two ways: in-process through tesserocr (default) or the ``tesseract`` command.

Both return Tesseract's TSV for a page image; ``tsv_to_words`` turns it into layout words.

- **In-process** (``tesserocr``, whose wheel bundles libtesseract): the model is loaded once
  per worker thread and the image is handed over in memory. Measured on the 300 dpi seed
  scan: about a third less time per page than the command on the same pixels, with the same
  words. The models are the system's (``$TESSDATA_PREFIX``, else the usual tessdata folders).
- **Command**: chosen by setting ``$PARSCORE_TESSERACT`` (a path or a name on PATH), or
  used when tesserocr cannot be imported. It runs with ``OMP_THREAD_LIMIT=1`` unless that is
  set, so that parallel workers do not oversubscribe the cores.

Either way a missing engine or model is ``ocr-unavailable`` naming what is missing, and a page
that takes longer than the per-file limit is ``timeout``.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.pagemodel import Word
from parscore.normalizers.labels import data_table
from parscore.normalizers.text import bare_key

if TYPE_CHECKING:
    from PIL import Image
    from tesserocr import PyTessBaseAPI

TESSERACT_ENV = "PARSCORE_TESSERACT"
PSM = "3"  # fully automatic page segmentation: two-column headers stay apart
LANG_TIMEOUT = 30.0
OSD = "osd"  # the orientation and script model
MIN_OSD_CONF = 3.0  # an orientation Tesseract is less sure of than this is not acted on
MIN_CONF = 30.0  # words less sure than this are kept only when they hold a letter or digit
#: Where distributions put the models, searched in order after $TESSDATA_PREFIX.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
)


class Engine(Protocol):
    """Something that reads a greyscale page image into Tesseract TSV."""

    @property
    def name(self) -> str:
        """A short name of the engine, for messages and benchmarks."""
        ...

    def tsv(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> str:
        """Given a page image at dpi, return TSV rows of its words, or raise InputError."""
        ...

    def orientation(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> int:
        """Given a page image, return the counter-clockwise turn (0, 90, 180, 270) that sets
        its text upright; 0 when unsure or without the ``osd`` model."""
        ...


def engine_for(lang: str, path: str) -> Engine:
    """Given the OCR language and the file being read, return the engine to use.

    ``$PARSCORE_TESSERACT`` chooses the command; otherwise the in-process engine when
    tesserocr imports, else the ``tesseract`` command. Raises OCR_UNAVAILABLE.
    """
    command = os.environ.get(TESSERACT_ENV)
    if not command and _tesserocr_available():
        return ApiEngine(tessdata=_tessdata_for(lang, path), lang=lang)
    return CommandEngine(command=_command_for(command or "tesseract", lang, path), lang=lang)


def missing_languages(lang: str, installed: frozenset[str]) -> list[str]:
    """Given a language spec like "vie+eng" and the installed models, return those missing."""
    return [part for part in lang.split("+") if part not in installed]


# --------------------------------------------------------------------------- in-process


@functools.lru_cache(maxsize=1)
def _tesserocr_available() -> bool:
    """Return whether the tesserocr module imports (its wheel bundles libtesseract)."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return True


def tessdata_dirs() -> list[Path]:
    """Return the folders searched for models: $TESSDATA_PREFIX first, then the usual ones."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    found = [Path(prefix)] if prefix else []
    return found + [Path(d) for d in TESSDATA_DIRS]


@functools.lru_cache(maxsize=16)
def _models_in(folder: Path) -> frozenset[str]:
    """Given a folder, return the names of the Tesseract models in it (read once: every OCR'd
    page asks for its engine)."""
    try:
        return frozenset(p.stem for p in folder.glob("*.traineddata"))
    except OSError:
        return frozenset()


def _tessdata_for(lang: str, path: str) -> str:
    """Given a language spec, return the first tessdata folder with all its models."""
    searched = tessdata_dirs()
    for folder in searched:
        if not missing_languages(lang, _models_in(folder)):
            return str(folder)
    where = ", ".join(str(f) for f in searched[:2])
    raise InputError(ErrorCode.OCR_UNAVAILABLE, path, f"no model {lang!r} in {where} …")


@dataclass(frozen=True, slots=True)
class ApiEngine:
    """Tesseract in-process through tesserocr; one loaded model per thread."""

    tessdata: str
    lang: str
    name: str = "tesserocr"

    def tsv(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> str:
        """Given a page image at dpi, return TSV rows of its words, or raise InputError."""
        api = _api(self.tessdata, self.lang, path)
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        if not api.Recognize(timeout=round(limits.timeout * 1000)):
            detail = f"tesseract ran over {limits.timeout:g} s"
            raise InputError(ErrorCode.TIMEOUT, path, detail)
        text: str = api.GetTSVText(0)
        api.Clear()
        return text

    def orientation(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> int:
        """Given a page image, return the counter-clockwise turn that sets its text upright."""
        if OSD not in _models_in(Path(self.tessdata)):
            return 0
        api = _api(self.tessdata, OSD, path, psm=0)
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        found = api.DetectOrientationScript()
        api.Clear()
        if not found or found["orient_conf"] < MIN_OSD_CONF:
            return 0
        return int(found["orient_deg"]) % 360


_LOCAL = threading.local()


#: Leptonica's L_SEVERITY_NONE: it prints none of its messages.
_LEPTONICA_SILENT = 6


@functools.cache
def _quiet_leptonica() -> None:
    """Stop Leptonica (under tesserocr) from printing to stderr: its messages about boxes
    clipped to a page ("Error in boxClipToRectangle") are not errors of the file, and the
    run's stderr belongs to parscore's own lines. A Leptonica without the switch stays as it is."""
    import ctypes
    import ctypes.util
    import glob

    import tesserocr

    bundled = os.path.join(os.path.dirname(tesserocr.__file__), os.pardir, "tesserocr.libs")
    names = sorted(glob.glob(os.path.join(bundled, "libleptonica*.so*")))
    names += [n for n in map(ctypes.util.find_library, ("leptonica", "lept")) if n]
    for name in names:
        try:
            ctypes.CDLL(name).setMsgSeverity(_LEPTONICA_SILENT)
        except (OSError, AttributeError):
            continue


def _api(tessdata: str, lang: str, path: str, psm: int = int(PSM)) -> PyTessBaseAPI:
    """Return this thread's tesserocr API for (tessdata, lang, psm), loading the model once."""
    import tesserocr

    _quiet_leptonica()
    apis: dict[tuple[str, str, int], PyTessBaseAPI] = _LOCAL.__dict__.setdefault("apis", {})
    key = (tessdata, lang, psm)
    if key not in apis:
        try:
            apis[key] = tesserocr.PyTessBaseAPI(path=tessdata, lang=lang, psm=psm)
        except RuntimeError as err:
            raise InputError(ErrorCode.OCR_UNAVAILABLE, path, f"tesserocr: {err}") from err
    return apis[key]


# --------------------------------------------------------------------------- command


@functools.lru_cache(maxsize=8)
def installed_languages(command: str) -> frozenset[str] | None:
    """Given a Tesseract command, return its languages, or None when it cannot run."""
    try:
        done = subprocess.run(
            [command, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=LANG_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:] if line.strip())


def _command_for(command: str, lang: str, path: str) -> str:
    """Given a Tesseract command and language, return the command, or raise OCR_UNAVAILABLE."""
    languages = installed_languages(command)
    if languages is None:
        raise InputError(ErrorCode.OCR_UNAVAILABLE, path, f"cannot run {command!r}")
    missing = missing_languages(lang, languages)
    if missing:
        detail = f"{command!r} lacks the language model {'+'.join(missing)}"
        raise InputError(ErrorCode.OCR_UNAVAILABLE, path, detail)
    return command


def _pgm(image: Image.Image) -> bytes:
    """Given a greyscale image, return it as binary PGM bytes (no compression cost)."""
    header = f"P5 {image.width} {image.height} 255\n".encode("ascii")
    return header + image.tobytes()


@dataclass(frozen=True, slots=True)
class CommandEngine:
    """The ``tesseract`` command, fed a temporary PGM file (faster than a pipe: measured
    0.1–0.2 s less per 300 dpi page)."""

    command: str
    lang: str
    name: str = "command"

    def tsv(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> str:
        """Given a page image at dpi, return TSV rows of its words, or raise InputError."""
        args = ["-l", self.lang, "--psm", PSM, "--dpi", str(dpi), "tsv"]
        done = self._on(image, args, path, limits)
        if done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = lines[-1] if lines else "failed"
            raise InputError(ErrorCode.OCR_UNAVAILABLE, path, f"tesseract: {detail}")
        return done.stdout.decode("utf-8", "replace")

    def orientation(self, image: Image.Image, dpi: int, path: str, limits: Limits) -> int:
        """Given a page image, return the counter-clockwise turn that sets its text upright."""
        if OSD not in (installed_languages(self.command) or ()):
            return 0
        done = self._on(image, ["--psm", "0", "--dpi", str(dpi)], path, limits)
        found = dict(_OSD_LINE.findall(done.stdout.decode("utf-8", "replace")))
        try:
            degrees = int(found["Orientation in degrees"])
            conf = float(found["Orientation confidence"])
        except (KeyError, ValueError):
            return 0
        return degrees % 360 if conf >= MIN_OSD_CONF else 0

    def _on(
        self, image: Image.Image, args: list[str], path: str, limits: Limits
    ) -> subprocess.CompletedProcess[bytes]:
        """Given a page image and arguments, run the command on it (via a PGM file)."""
        with tempfile.NamedTemporaryFile(prefix="parscore-", suffix=".pgm") as page:
            page.write(_pgm(image))
            page.flush()
            return _run([self.command, page.name, "stdout", *args], path, limits)


_OSD_LINE = re.compile(r"^([A-Za-z ]+):\s*(\S+)\s*$", re.M)


def _run(args: list[str], path: str, limits: Limits) -> subprocess.CompletedProcess[bytes]:
    """Given a Tesseract command line, run it under the time limit; raise typed errors."""
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    try:
        return subprocess.run(
            args, capture_output=True, env=env, timeout=limits.timeout, check=False
        )
    except subprocess.TimeoutExpired as err:
        detail = f"tesseract ran over {limits.timeout:g} s"
        raise InputError(ErrorCode.TIMEOUT, path, detail) from err
    except OSError as err:
        raise InputError(ErrorCode.OCR_UNAVAILABLE, path, f"cannot run {args[0]!r}: {err}") from err


# --------------------------------------------------------------------------- TSV


#: A dash standing alone between words is printed as an en dash ("Lao động – Thương binh và
#: Xã hội") in administrative documents; Tesseract reads its longer glyph as an em dash.
_EM_DASH, _EN_DASH = "\u2014", "\u2013"
#: One dash read as a run of two or three ("—-", "–-", "--"): the dash between a name and a
#: post ("Phạm Văn A —- Giám đốc Sở") that OCR doubled.
#: What Tesseract makes of a small round or dash-like list bullet at the head of a line.
_BULLET_MISREADS = frozenset({"«", "»", "_", "°", "·", "•", "¢", "©", "®", "*", "~"})
_DASH_RUN = re.compile("[-\u2013\u2014]{2,3}")
#: A slash read as the fraction or division slash, alone or beside the slash it doubles
#: ("18⁄4", "11,88/⁄13"): administrative texts type "/" only (dates, "8/63", "số 24/QĐ").
_ODD_SLASH = re.compile("[/\u2044\u2215]*[\u2044\u2215][/\u2044\u2215]*")


def _keep(text: str, conf: float) -> bool:
    """Given a recognised word and its confidence, return whether it is a word, not a speck."""
    return bool(text) and (conf >= MIN_CONF or any(ch.isalnum() for ch in text))


def tsv_to_words(tsv: str, scale: float) -> list[Word]:
    """Given Tesseract TSV (with or without its header row), return words scaled to points."""
    words, lines = [], []
    for row in tsv.splitlines():
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5":
            continue
        left, top, width, height = (int(v) for v in fields[6:10])
        text, conf = fields[11].strip(), float(fields[10])
        text = _EN_DASH if text == _EM_DASH or _DASH_RUN.fullmatch(text) else text
        text = _ODD_SLASH.sub("/", text)
        if _keep(text, conf):
            bbox = (left * scale, top * scale, (left + width) * scale, (top + height) * scale)
            words.append(Word(text=text, bbox=bbox, conf=conf))
            lines.append(tuple(fields[2:5]))  # block, paragraph, line
    words = [replace(w, text=_letter_glyphs(w.text)) for w in words]
    return with_small_l(with_phrase_tones(without_stray_commas(with_bullets(words, lines))))


def _dash_and_speck(text: str) -> bool:
    """Given a word, return whether it is a dash followed by misread bullet glyphs only."""
    return len(text) > 1 and text[0] in "-\u2013" and all(ch in _BULLET_MISREADS for ch in text[1:])


def with_bullets(words: list[Word], lines: list[tuple[str, ...]]) -> list[Word]:
    """Given OCR'd words and the Tesseract line of each, return them with a list bullet that
    OCR read as another glyph ("«", "»", "_", "°", "·" …, ``_BULLET_MISREADS``) made "-":
    only a line's first word, alone, with words after it on the line. A dash that OCR ran
    into such a glyph ("-_", "–°": the wide space after a dash bullet read as a speck) is
    the dash alone."""
    out = list(words)
    for i, word in enumerate(words):
        opens = i == 0 or lines[i - 1] != lines[i]
        goes_on = i + 1 < len(words) and lines[i + 1] == lines[i]
        if opens and goes_on and (word.text in _BULLET_MISREADS or _dash_and_speck(word.text)):
            out[i] = replace(word, text="-")
    return out


def without_stray_commas(words: list[Word]) -> list[Word]:
    """Given OCR'd words, return them without the comma a speck makes between a post and
    the bodies it heads ("Thủ trưởng, các Sở, ban, ngành" → "Thủ trưởng các Sở, …"): a post
    ("thủ trưởng", "chủ tịch", "giám đốc" …) is never followed by a comma and "các"
    unless another post follows ("Giám đốc, các Phó Giám đốc")."""
    posts = data_table("decree30")["signer_posts"]
    out = list(words)
    for i in range(1, len(out) - 2):
        word = out[i]
        if not word.text.endswith(",") or bare_key(out[i + 1].text) != "cac":
            continue
        post = bare_key(f"{out[i - 1].text} {word.text[:-1]}")
        after = bare_key(f"{out[i + 2].text} {out[i + 3].text if i + 3 < len(out) else ''}")
        if post in posts and not any(after.startswith(p) for p in ("pho", *posts)):
            out[i] = replace(word, text=word.text[:-1])
    return out


#: A word's first "t" (not "th", "tr") that OCR may have read for an "l".
_T_FOR_L = re.compile(r"^[tT](?![hHrR])")
#: The letters of a word, without the marks round it ("(tống", "điểm):").
_CORE = re.compile(r"^(\W*)(\w+?)(\W*)$")


#: "Đ" read twice, as itself and as the eth it looks like ("QĐÐ-UBND"), or as the eth alone.
_DOUBLE_D = re.compile("[\u0110\u00d0]{2}|\u00d0")
#: A "0" among letters ("0ai", "IS0"), in a word with no other digit: the letter "O".
_ZERO_IN_WORD = re.compile(r"^\W*(?=[^\W1-9]*[^\W\d_])[^\W1-9]+\W*$")


def _letter_glyphs(text: str) -> str:
    """Given an OCR'd word, return it with the letters OCR made other glyphs of set right:
    "ĐÐ" or "Ð" is "Đ"; a "0" in a word of two letters or more and no other digit is "O"
    (small after a small letter)."""
    text = _DOUBLE_D.sub("\u0110", text)
    if "0" not in text or not _ZERO_IN_WORD.match(text) or sum(map(str.isalpha, text)) < 2:
        return text
    return "".join(("o" if text[k - 1 : k].islower() else "O") if ch == "0" else ch
                   for k, ch in enumerate(text))


@functools.lru_cache(maxsize=1)
def _tone_phrases() -> dict[str, tuple[str, ...]]:
    """Return the vocabulary's phrases that OCR may misplace tones in, by their bare key."""
    return {bare_key(p): tuple(p.split()) for p in data_table("ocr")["tone_phrases"]}


def _cased(model: str, written: str) -> str:
    """Given a word as OCR read it and the same word as the vocabulary writes it, return the
    latter in the former's case (upper, capitalised or lower)."""
    if model.isupper() and len(model) > 1:
        return written.upper()
    return written[:1].upper() + written[1:] if model[:1].isupper() else written


def with_phrase_tones(words: list[Word]) -> list[Word]:
    """Given OCR'd words, return them with the tones of the vocabulary's phrases
    (``ocr.toml``: "tổng điểm", "dẫn đầu", "ủy ban" …) set right where OCR read the phrase's
    letters with other tones ("Tống điểm", "dân đầu", "Uy ban"); case and marks kept."""
    phrases = _tone_phrases()
    out = list(words)
    cores = [_CORE.match(w.text) for w in words]
    for i in range(len(words)):
        for size in (3, 2):
            run = cores[i : i + size]
            if len(run) < size or any(m is None for m in run):
                continue
            letters = [m.group(2) for m in run if m is not None]
            phrase = phrases.get(bare_key(" ".join(letters))) or phrases.get(
                bare_key(" ".join(_T_FOR_L.sub("l", x) for x in letters)))
            if phrase is None or [x.lower() for x in letters] == list(phrase):
                continue
            for k, (m, written) in enumerate(zip(run, phrase, strict=True)):
                if m is not None and m.group(2).lower() != written:
                    text = m.group(1) + _cased(m.group(2), written) + m.group(3)
                    out[i + k] = replace(words[i + k], text=text)
            break
    return out


def with_small_l(words: list[Word]) -> list[Word]:
    """Given OCR'd words, return them with a word of ``small_l_words`` that OCR read with a
    capital "L" in the middle of a sentence (after a word ending in a small letter, a digit,
    a comma, "%" or ")": "thẩm định Là 54,9 điểm") written small, and a word of
    ``t_for_l_words`` there ("tà") the word it stands for ("là")."""
    small = _small_l_words()
    misread: dict[str, str] = data_table("ocr")["t_for_l_words"]
    out = list(words)
    for i in range(1, len(words)):
        text, before = words[i].text, words[i - 1].text
        found = _CORE.match(text)
        if found is None or found.group(1) or not (before[-1:].islower() or before[-1:].isdigit()
                                                    or before[-1:] in ",%)"):
            continue
        core = found.group(2)
        if core[:1] == "L" and core[1:2].islower() and core.lower() in small:
            out[i] = replace(words[i], text="l" + text[1:])
        elif core in misread:
            out[i] = replace(words[i], text=misread[core] + found.group(3))
    return out


@functools.lru_cache(maxsize=1)
def _small_l_words() -> frozenset[str]:
    """Return the words that open with "l" and are never a name (``ocr.toml``)."""
    return frozenset(data_table("ocr")["small_l_words"])


# --------------------------------------------------------------------------- one field

#: Tesseract's page segmentation for one line of text (a field cut out of the page).
LINE_PSM = "7"
DIGITS = "0123456789"
#: The model digits are read with when installed: it is far surer of hand-written digits
#: than the Vietnamese one (measured: the same crop, 97 against 25).
DIGITS_LANG = "eng"


def read_line(engine: Engine, image: Image.Image, dpi: int, path: str, limits: Limits) -> str:
    """Given an engine and the image of one line of text cut out of a page, return the TSV
    rows of its words read as one line (``LINE_PSM``), or "" from an engine of another kind."""
    if isinstance(engine, ApiEngine):
        api = _api(engine.tessdata, engine.lang, path, psm=int(LINE_PSM))
        api.SetVariable("tessedit_char_whitelist", "")
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        if not api.Recognize(timeout=round(limits.timeout * 1000)):
            return ""
        text: str = api.GetTSVText(0)
        api.Clear()
        return text
    if isinstance(engine, CommandEngine):
        args = ["-l", engine.lang, "--psm", LINE_PSM, "--dpi", str(dpi), "tsv"]
        done = engine._on(image, args, path, limits)
        return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""
    return ""


def read_digits(
    engine: Engine, image: Image.Image, path: str, limits: Limits, alphabet: str = DIGITS
) -> tuple[str, float]:
    """Given an engine and the image of one field (a number or day written in by hand, a
    printed figure), return what is read in it with only ``alphabet`` allowed (digits unless
    told), and the confidence (0-100); an engine that cannot restrict its alphabet reads
    nothing ("", 0)."""
    if isinstance(engine, ApiEngine):
        lang = DIGITS_LANG if DIGITS_LANG in _models_in(Path(engine.tessdata)) else engine.lang
        api = _api(engine.tessdata, lang, path, psm=int(LINE_PSM))
        api.SetVariable("tessedit_char_whitelist", alphabet)
        api.SetImage(image)
        text, conf = api.GetUTF8Text(), float(api.MeanTextConf())
        api.Clear()
        return text.strip(), conf
    if isinstance(engine, CommandEngine):
        lang = (
            DIGITS_LANG
            if DIGITS_LANG in (installed_languages(engine.command) or ())
            else engine.lang
        )
        args = ["-l", lang, "--psm", LINE_PSM, "-c", f"tessedit_char_whitelist={alphabet}"]
        rows = [
            r.split("\t")
            for r in engine._on(image, [*args, "tsv"], path, limits).stdout.decode().splitlines()
        ]
        found = [
            (f[11].strip(), float(f[10]))
            for f in rows
            if len(f) >= 12 and f[0] == "5" and f[11].strip()
        ]
        return "".join(t for t, _ in found), min((c for _, c in found), default=0.0)
    return "", 0.0
