"""Language detection goes through py3langid's public interface and names real languages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.ingest.language import classify
from guarantor.ingest.metadata import detect_language

SAMPLES = {
    "The ministers agreed to send troops to the border next year, officials said.": "en",
    "Die Minister haben vereinbart, im nächsten Jahr Truppen an die Grenze zu schicken.": "de",
    "Les ministres ont convenu d'envoyer des troupes à la frontière l'année prochaine.": "fr",
    "Министры договорились направить войска к границе в следующем году.": "ru",
}


def test_names_the_language_of_plain_sentences() -> None:
    for text, language in SAMPLES.items():
        assert classify(text)[0] == language, text
        assert detect_language(text) == language


def test_text_without_letters_has_no_language() -> None:
    assert detect_language("12 345 --- !!") is None


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcdeéßüñçαβγдежз中文 .,!?\n09ABC", max_size=200))
def test_any_text_gets_a_language_code(text: str) -> None:
    language, score = classify(text)
    assert 2 <= len(language) <= 3 and language.isalpha()  # ISO 639-1, a few 639-2
    assert isinstance(score, float)
