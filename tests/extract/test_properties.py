"""Invariants of the extractor, checked on generated articles (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.domain import Document, Stance
from guarantor.extract import build_pipeline, default_pipeline


def make_document(text: str) -> Document:
    return Document(source="generated.txt", text=text, content_hash=str(hash(text)))


SUBJECTS = [
    "Spain",
    "The Dutch government",
    "Warsaw",
    "Portugal",
    "The Finnish president",
    "Greece",
]
# (affirmative, negated) verb phrases; each names an option
PREDICATES = [
    ("is ready to send troops", "is not ready to send troops"),
    ("will deploy soldiers to Ukraine", "will not deploy soldiers to Ukraine"),
    ("plans to provide air defence systems", "does not plan to provide air defence systems"),
    ("wants to impose new sanctions", "no longer wants to impose new sanctions"),
    ("backs security guarantees for Ukraine", "never backs security guarantees for Ukraine"),
    ("is willing to join a peacekeeping mission", "is not willing to join a peacekeeping mission"),
    ("will provide financial assistance", "will not provide financial assistance"),
]
PREFIXES = ["", "On Monday, ", "Meanwhile, ", "According to officials, "]
FILLER = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="?!"),
    max_size=40,
).map(lambda s: s.replace("\n", " "))

sentence = st.tuples(
    st.sampled_from(PREFIXES), st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES)
)


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.tuples(sentence, FILLER), min_size=1, max_size=5))
def test_quote_is_exactly_the_text_between_offsets(
    parts: list[tuple[tuple[str, str, tuple[str, str]], str]],
) -> None:
    text = " ".join(
        f"{prefix}{subject} {pred[0]}. {filler}" for (prefix, subject, pred), filler in parts
    )
    positions = default_pipeline()(make_document(text))
    for position in positions:
        assert position.quote == text[position.start : position.end]
    assert positions, "every generated article states at least one position"


@settings(max_examples=80, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), subject=st.sampled_from(SUBJECTS), index=st.integers(0, 6))
def test_adding_a_negation_never_yields_support(prefix: str, subject: str, index: int) -> None:
    affirmative, negated = PREDICATES[index]
    pipeline = default_pipeline()
    before = pipeline(make_document(f"{prefix}{subject} {affirmative}."))
    after = pipeline(make_document(f"{prefix}{subject} {negated}."))
    assert any(p.stance is Stance.SUPPORT for p in before)
    assert after, "the negated sentence still states a position"
    assert all(p.stance is not Stance.SUPPORT for p in after)


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(st.tuples(sentence, FILLER), min_size=1, max_size=4))
def test_extracting_twice_gives_the_same_output(
    parts: list[tuple[tuple[str, str, tuple[str, str]], str]],
) -> None:
    text = " ".join(f"{p}{s} {pred[0]}. {f}" for (p, s, pred), f in parts)
    document = make_document(text)
    first = default_pipeline()(document)
    again = default_pipeline()(document)
    fresh = build_pipeline()(document)
    assert first == again == fresh
