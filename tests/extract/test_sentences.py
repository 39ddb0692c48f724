"""Sentence splitting: abbreviations, quotations kept whole, line breaks."""

from __future__ import annotations

from guarantor.extract.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_full_stops_and_keeps_offsets() -> None:
    text = "Oslo agreed. Bern did not!  Is that so?"
    spans = split_sentences(text)
    assert _texts(text) == ["Oslo agreed.", "Bern did not!", "Is that so?"]
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Vice President J.D. Vance met Mr. Smith in the U.S. Capitol. Then he left."
    assert _texts(text) == [
        "Vice President J.D. Vance met Mr. Smith in the U.S. Capitol.",
        "Then he left.",
    ]


def test_a_quotation_over_two_sentences_stays_one() -> None:
    text = "He added: “Lisbon and Dublin, the two of them. They want boots on the ground.” Later."
    assert _texts(text)[0].endswith("on the ground.”")
    assert len(_texts(text)) == 2


def test_line_breaks_always_split() -> None:
    assert _texts("Headline without stop\nBody sentence.") == [
        "Headline without stop",
        "Body sentence.",
    ]


def test_run_on_text_is_cut_into_bounded_pieces() -> None:
    text = "and so on, " * 1000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= 1500 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
