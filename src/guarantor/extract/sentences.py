"""Sentence splitting that keeps a quotation whole and knows abbreviations.

A quoted statement that runs over two sentences ("France and Germany ...
They want forces on the ground.") stays one sentence so that "they" can
find its antecedent; line breaks always end a sentence.
"""

from __future__ import annotations

import re

from guarantor.extract.spans import Annotated, Sentence

__all__ = ["SentenceSplitter", "split_sentences"]

_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’']*(?=\s+[“\"‘'(\[]?[A-Z0-9À-Ž])|\n+")
_ABBREVIATED = r"mr mrs ms dr st jr sr gen lt col sen rep gov prof no vs etc eg ie u.s u.k u.n e.u"
_ABBREVIATED += " jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd adm maj capt sgt"
_ABBREVIATIONS = frozenset(_ABBREVIATED.split(" "))
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_DOUBLE_QUOTES = re.compile(r"[“”\"]")
_MAX_QUOTED = 700
_MAX_SENTENCE = 1500  # longer "sentences" (lists, run-on text) are cut to keep work linear
_OPENERS = "“\"‘'"


def _is_abbreviation(text: str, end: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if not match:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences, whitespace trimmed; linear in the text's length."""
    spans: list[tuple[int, int]] = []
    start = 0
    quotes, counted = 0, 0  # double quotes in text[start:counted], counted once each
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0).startswith("\n"):
            cut = True
        else:
            quotes += len(_DOUBLE_QUOTES.findall(text, counted, end))
            counted = end
            cut = not _is_abbreviation(text, match.start()) and (
                quotes % 2 == 0 or end - start > _MAX_QUOTED
            )
        if cut:
            _add(text, start, end, spans)
            start = match.end()
            quotes, counted = 0, start
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE:  # run-on text: cut at a comma or space, keep offsets
        limit = start + _MAX_SENTENCE
        cut = max(text.rfind(", ", start, limit), text.rfind(" ", start, limit))
        cut = cut + 1 if cut > start else limit
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


class SentenceSplitter:
    """Component: records ``Sentence`` spans, flags questions and quotations."""

    name = "sentences"

    def __call__(self, doc: Annotated) -> Annotated:
        text = doc.text
        doc.sentences = [
            Sentence(
                start=s,
                end=e,
                question=text[s:e].rstrip("”\"’' ").endswith("?"),
                quoted=text[s] in _OPENERS,
            )
            for s, e in split_sentences(text)
        ]
        return doc
