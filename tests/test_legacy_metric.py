"""The legacy corpus's metric (bench/legacy_metric.py, from METRIC.md) on composed strings."""

from __future__ import annotations

import unicodedata

import pytest

from bench.legacy_metric import base_letter, has_diacritic, normalise, score

TRUTH = "Báo cáo tài chính của Sở Nội vụ năm 2024"


def test_identical_text_scores_one() -> None:
    s = score(TRUTH, TRUTH)
    assert (s.char_accuracy, s.diacritic_accuracy, s.syllable_accuracy) == (1.0, 1.0, 1.0)


def test_stripped_diacritics_score_zero_on_diacritics_but_not_on_characters() -> None:
    s = score("Báo cáo tài chính", "Bao cao tai chinh")
    assert s.diacritic_accuracy == 0.0
    assert s.syllable_accuracy == 0.0
    assert s.char_accuracy == pytest.approx(13 / 17)  # 4 of 17 characters carry a mark


def test_one_wrong_tone_costs_one_diacritic_and_one_syllable() -> None:
    s = score(TRUTH, TRUTH.replace("Nội", "Nối"))
    assert s.diacritics - s.diacritics_matched == 1
    assert s.syllables - s.syllables_matched == 1


def test_a_dropped_half_counts_its_diacritics_as_missed() -> None:
    truth = TRUTH + " " + "Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện"
    s = score(truth, TRUTH)
    assert s.diacritic_accuracy < 0.6
    assert s.diacritics == sum(has_diacritic(ch) for ch in truth)


def test_normal_form_and_spacing_do_not_count() -> None:
    decomposed = unicodedata.normalize("NFD", TRUTH).replace(" ", "  \n ")
    assert score(TRUTH, decomposed).syllable_accuracy == 1.0
    assert normalise(" a\t\nb ") == "a b"


def test_case_counts() -> None:
    assert score("Quyết định", "QUYẾT ĐỊNH").diacritic_accuracy == 0.0


def test_base_letters() -> None:
    assert [base_letter(ch) for ch in "ỦđĐa"] == ["U", "d", "D", "a"]
    assert has_diacritic("đ") and has_diacritic("ý") and not has_diacritic("y")


def test_a_long_document_is_aligned_around_an_insertion() -> None:
    body = " ".join([TRUTH] * 400)
    s = score(body, "Trang 1 " + body)
    assert s.diacritic_accuracy == 1.0 and s.syllable_accuracy == 1.0


def test_an_empty_output_scores_zero_and_an_empty_truth_one() -> None:
    s = score(TRUTH, "")
    assert (s.chars_matched, s.diacritics_matched, s.syllables_matched) == (0, 0, 0)
    assert s.chars == len(TRUTH) and s.syllables == 10
    assert score("", "anything").char_accuracy == 1.0
