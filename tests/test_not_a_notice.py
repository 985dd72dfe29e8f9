"""Not every file in an archive folder is a notice: those with no sign of one are `ignored`.

The rule is conservative: one reform word, one piece of a Vietnamese administrative
document's furniture, or one figure, task or number the reader took keeps a document.
Every document here is composed for the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARSCORE = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()"]

IGNORED = {
    "english.txt": "Quarterly minutes of the gardening club. We planted tomatoes, agreed to "
    "buy two new hoses and elected a treasurer. Next meeting on the first Monday.",
    "cong-thuc-pho.html": "<html><body><h1>Cách nấu phở bò</h1><p>Ninh xương bò trong 6 giờ, "
    "thêm quế, hồi, thảo quả nướng thơm. Trần bánh phở, xếp thịt tái, chan nước dùng nóng."
    "</p><p>Ăn kèm rau thơm, chanh và tương ớt.</p></body></html>",
    "ghi-chu.txt": "Mua sữa, trứng, bánh mì.\nGọi điện cho anh Tuấn lúc 9 giờ.\nSửa xe đạp.",
}
KEPT = {
    # a news item with one unit's score is a notice
    "tin-ngan.txt": "Năm 2023, Sở Tư pháp tỉnh Bình Phước đạt 88,15 điểm, xếp thứ 3 trong "
    "khối sở, ngành.",
    # a government document about something else: its number, issuer and tasks are archived
    "cong-van-le-hoi.txt": "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 215/UBND-VX\nV/v tổ chức lễ "
    "hội mùa xuân\nKính gửi: Sở Văn hóa, Thể thao và Du lịch.\nGiao Sở Văn hóa, Thể thao và "
    "Du lịch chủ trì tổ chức lễ hội bảo đảm an toàn, tiết kiệm.\nNơi nhận:\n- Như trên;",
    # reform words alone, no figure
    "bai-viet-cchc.txt": "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân "
    "và doanh nghiệp là nhiệm vụ trọng tâm của huyện trong năm tới.",
}


def english_pdf(path: Path) -> None:
    """Given a path, write a one-page English PDF there (reportlab)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Invoice 2024-117: three boxes of printer paper, 45.00 USD.")
    pdf.drawString(72, 700, "Payment due within 30 days of delivery. Thank you.")
    pdf.save()


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in {**IGNORED, **KEPT}.items():
        (folder / name).write_text(text, encoding="utf-8")
    english_pdf(folder / "invoice.pdf")
    return folder


def test_a_run_accounts_for_non_notices_as_ignored(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run(
        [*PARSCORE, "run", str(archive), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {
        Path(r["source_path"]).name: r
        for r in map(json.loads, (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    }
    ignored = {n for n, r in rows.items() if r["status"] == "ignored"}
    assert ignored == {*IGNORED, "invoice.pdf"}
    assert all(
        rows[n]["error_code"] == "not-a-notice" and rows[n]["notice_id"] is None for n in ignored
    )
    assert {n for n, r in rows.items() if r["status"] == "ok"} == set(KEPT)
    notices = (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(notices) == len(KEPT)


def test_parse_of_a_non_notice_says_so_and_exits_0(archive: Path) -> None:
    proc = subprocess.run(
        [*PARSCORE, "parse", str(archive / "english.txt"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.strip().endswith("[not-a-notice]"), proc.stderr


def test_validate_never_reads_parscores_own_output(archive: Path, tmp_path: Path) -> None:
    out = archive / "output"  # an output folder inside the archive, as `run .` would leave
    subprocess.run(
        [*PARSCORE, "run", str(archive), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=True,
    )
    inside = subprocess.run(
        [*PARSCORE, "validate", str(out)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert inside.returncode == 2 and "parscore's own output" in inside.stderr
    whole = subprocess.run(
        [*PARSCORE, "validate", str(archive), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    paths = {json.loads(line)["path"] for line in whole.stdout.splitlines()}
    assert not any("/output/" in p for p in paths), paths
    assert "manifest" not in whole.stderr
