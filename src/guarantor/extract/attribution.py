"""Attribution: who speaks in each sentence, which outlet is cited, when it was said.

Finding: a reporting verb ("said", "told", "according to") with the
nearest actor mention beside it gives the speaker; a quotation that follows
a quoted sentence keeps its speaker; an outlet next to a reporting or an
analysis verb ("Politico believes", "Reuters reported") gives
``reported_by`` (and ``analysis`` for the outlet's own view); a month and
year ("Back in February 2024") give ``stated_on``.
Recording: each ``Sentence`` gets these fields.
"""

from __future__ import annotations

import bisect
import re

from guarantor.extract.lexicon import Lexicon
from guarantor.extract.spans import Annotated, Hit, Mention, Sentence

__all__ = ["Attributor", "stated_on"]

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split())}
_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?:(\d{1,2}),?\s+)?((?:19|20)\d\d)\b"
)
# An old year dates an agreement (the 1994 Budapest Memorandum), which is a fact,
# not a stance; an old stance that an article recalls is still recorded.
_AGREEMENT = re.compile(
    r"\b(?:memorandum|treaty|agreement|accords?|signed|signatories|signatory|charter|act)\b", re.I
)


# An interview answer: "A:", "Answer:", or an unknown name before a colon.
_ANSWER = re.compile(
    r"(?:A|Answer|[A-Z][\w'’-]{1,40}(?: [A-Z][\w'’-]{1,40})?)\s*(?:\([^()]{1,60}\))?\s*:\s"
)


def _historical(text: str, before: int) -> bool:
    """An agreement dated before ``before``, or anything from the last century."""
    years = [int(y) for y in _YEAR.findall(text)]
    old = [y for y in years if y < before]
    return bool(old) and (min(old) < 2000 or _AGREEMENT.search(text) is not None)


_YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b(?![\s,]*(?:[\w-]+\s+)?(?:troops|soldiers|servicemen|personnel|peacekeepers|people|km|kilometres|miles|tanks)\b)"
)
_AUXILIARIES = re.compile(r"(?:[\s,]|\b(?:has|have|had|also|then|later|again|once|\w+ly)\b)*$")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+$", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"\s+(?:he|she)\b")
_PRONOUN_REACH = 600
_COLON_QUOTE = re.compile(r"\s*:\s*[“\"‘]")
_TITLE_WORD = re.compile(
    r"(?:[A-Z][\w.'’-]*|of|the|de|von|van|a|an|one|two|three|several|senior|top|unnamed"
    r"|anonymous|high-ranking)$"
)


def stated_on(sentence: str) -> str | None:
    """ISO month or day named in a sentence ("in December 2024" -> "2024-12")."""
    match = _DATE.search(sentence)
    if not match:
        return None
    day, month, day2, year = match.groups()
    number = _MONTHS[month.lower()]
    day = day or day2
    return f"{year}-{number:02d}-{int(day):02d}" if day else f"{year}-{number:02d}"


class Attributor:
    """Component: records speaker, outlet, analysis and date per sentence."""

    name = "attribution"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon
        self._doc_mentions: list[Mention] | None = None
        self._doc_starts: list[int] = []

    def __call__(self, doc: Annotated) -> Annotated:
        starts = [m.start for m in doc.mentions]
        self._doc_mentions, self._doc_starts = doc.mentions, starts
        outlet_starts = [o.start for o in doc.outlets]
        last_outlet: str | None = None
        previous: Sentence | None = None
        answering: Mention | None = None  # the interviewee while an answer goes on
        for sentence in doc.sentences:
            text = doc.text[sentence.start : sentence.end]
            lo, hi = (
                bisect.bisect_left(starts, sentence.start),
                bisect.bisect_left(starts, sentence.end),
            )
            mentions = doc.mentions[lo:hi]
            olo = bisect.bisect_left(outlet_starts, sentence.start)
            ohi = bisect.bisect_left(outlet_starts, sentence.end)
            outlets = doc.outlets[olo:ohi]
            self._speaker(doc.text, sentence, mentions)
            last_outlet = self._outlet(text, sentence, outlets, last_outlet)
            if self._continues(sentence, previous) and previous is not None:
                sentence.speaker, sentence.speaker_text = (
                    previous.speaker,
                    previous.speaker_text,
                )
            answering = self._answer(doc.text, sentence, previous, answering)
            sentence.stated_on = stated_on(text)
            sentence.historical = _historical(text, self._lex.historical_before)
            frame = self._lex.question_frames.search(text)
            if frame:
                sentence.framed_question = sentence.start + frame.start()
            elif "?" in text:
                sentence.framed_question = sentence.start + text.index("?")
            previous = sentence
        return doc

    def _answer(
        self, text: str, sentence: Sentence, previous: Sentence | None, answering: Mention | None
    ) -> Mention | None:
        """ "A: We are ready ...": an answer is the interviewee's, to its paragraph's end."""
        if sentence.speaker is not None:
            return None
        if _ANSWER.match(text, sentence.start, sentence.end):
            answering = self._interviewee(sentence.start)
        elif previous is None or "\n" in text[previous.end : sentence.start]:
            answering = None
        if answering is not None:
            sentence.speaker, sentence.speaker_text = answering, answering.text
        return answering

    def _interviewee(self, before: int) -> Mention | None:
        """The last person or office named before an answer."""
        i = bisect.bisect_left(self._doc_starts, before)
        for mention in reversed((self._doc_mentions or [])[:i]):
            if mention.actor and mention.voice and (mention.person or mention.kind == "office"):
                return mention
        return None

    @staticmethod
    def _continues(sentence: Sentence, previous: Sentence | None) -> bool:
        """A quotation right after a quoted speaker's sentence is still theirs."""
        return (
            sentence.speaker is None
            and sentence.quoted
            and previous is not None
            and previous.speaker is not None
            and previous.end + 3 >= sentence.start
        )

    def _speaker(self, text: str, sentence: Sentence, mentions: list[Mention]) -> None:
        body = text[sentence.start : sentence.end]
        for verb in self._lex.reporting.finditer(body):
            v_start, v_end = sentence.start + verb.start(), sentence.start + verb.end()
            if any(m.start <= v_start < m.end for m in mentions):
                continue  # "states" inside "United States"
            found = self._beside(text, mentions, v_start, v_end, verb.group(0).lower())
            found = found or self._definite(text, v_start, v_end, sentence)
            found = found or self._pronoun(text, v_start, v_end)
            if found is not None and found.voice:
                sentence.speaker = found
                sentence.speaker_text = _expand(text, found, sentence)
                sentence.speaker_at = v_start
                return
        for mention in mentions:  # "Meloni: “We will not send soldiers.”"
            if mention.voice and mention.role == "holder" and _COLON_QUOTE.match(text, mention.end):
                sentence.speaker, sentence.speaker_at = mention, mention.end
                sentence.speaker_text = _expand(text, mention, sentence)
                return

    def _definite(self, text: str, v_start: int, v_end: int, sentence: Sentence) -> Mention | None:
        """ "..., the defence minister said": the title stands for the state last named."""
        around = (max(sentence.start, v_start - 40), min(sentence.end, v_end + 40))
        title = self._lex.definite_persons.search(text, *around)
        if title is None or self._doc_mentions is None:
            return None
        i = bisect.bisect_left(self._doc_starts, title.start())
        for mention in reversed(self._doc_mentions[max(0, i - 12) : i]):
            if sentence.quoted and sentence.start <= mention.start < v_start:
                continue  # names inside the quotation are what was said, not who said it
            if mention.actor and len(mention.actor) == 3 and mention.role != "modifier":
                return Mention(title.start(), title.end(), mention.actor, "office", title.group(0))
        return None

    def _pronoun(self, text: str, v_start: int, v_end: int) -> Mention | None:
        """ "..., he said": the last person named before, within a few sentences."""
        before = _PRONOUN_BEFORE.search(text, max(0, v_start - 8), v_start)
        after = _PRONOUN_AFTER.match(text, v_end, v_end + 8)
        if (before is None and after is None) or self._doc_mentions is None:
            return None
        i = bisect.bisect_left(self._doc_starts, v_start)
        for mention in reversed(self._doc_mentions[:i]):
            if v_start - mention.end > _PRONOUN_REACH:
                break
            if mention.actor and (mention.person is not None or mention.kind == "office"):
                return mention if mention.voice else None
        return None

    @staticmethod
    def _beside(
        text: str, mentions: list[Mention], v_start: int, v_end: int, verb: str
    ) -> Mention | None:
        before = [m for m in mentions if m.end <= v_start and v_start - m.end <= 35]
        after = [m for m in mentions if m.start >= v_end and m.start - v_end <= 45]
        before = [m for m in before if not re.search(r"[“”\"]", text[m.end : v_start])]
        if verb == "according to":
            return after[0] if after else None
        before = [m for m in before if m.role == "holder"]
        after = [m for m in after if m.role == "holder"]
        if before and _AUXILIARIES.match(text, before[-1].end, v_start):
            return before[-1]
        if after and not re.search(r"[“”\"]", text[v_end : after[0].start]):
            return after[0]
        return None

    def _outlet(
        self, body: str, sentence: Sentence, outlets: list[Hit], last: str | None
    ) -> str | None:
        if outlets:
            outlet = outlets[0]
            sentence.reported_by = outlet.label
            rel = outlet.end - sentence.start
            after = body[rel : rel + 40]
            before = body[max(0, rel - len(outlet.label) - 30) : rel - len(outlet.label)]
            if self._lex.analysis_verbs.match(after.lstrip()) or self._lex.analysis_groups.search(
                before
            ):
                sentence.analysis = True
                if sentence.speaker is None:
                    sentence.speaker_text = outlet.label
            return outlets[-1].label
        if last is not None and self._lex.outlet_anaphors.search(body):
            sentence.reported_by = last
        return last


def _expand(text: str, mention: Mention, sentence: Sentence) -> str:
    """The speaker as written, with the title and name around the alias."""
    start, end = mention.start, mention.end
    while True:
        head = text[sentence.start : start].rstrip()
        match = re.search(r"(\S+)$", head)
        if not match or not _TITLE_WORD.match(match.group(1).strip('“”"')):
            break
        word_start = sentence.start + match.start(1)
        if text[word_start] in '“”"‘’':
            break
        start = word_start
    tail = re.match(r"(?:\s+[A-Z][\w'’-]+){1,3}", text[end : sentence.end])
    if tail:
        end += tail.end()
    return text[start:end].strip(" ,")
