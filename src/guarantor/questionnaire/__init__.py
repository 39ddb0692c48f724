"""The six questions: the form, governments' responses, and their aggregate (issue 13).

``form.QUESTIONS`` is the one source of every rendering; ``read_response``
validates a file; ``ingest_responses`` stores valid ones and keeps revisions;
``summarise`` aggregates each question across governments; ``with_answers``
turns the current answers into A1 positions and pledges for the models.
"""

from guarantor.questionnaire.aggregate import addressees, headline, summarise
from guarantor.questionnaire.book import (
    Filed,
    IngestOutcome,
    current_by_actor,
    ingest_responses,
    load_answers,
)
from guarantor.questionnaire.evidence import (
    OFFICIAL_GRADE,
    answer_evidence,
    answer_pledges,
    with_answers,
    with_stored_answers,
)
from guarantor.questionnaire.form import FORM_VERSION, QUESTIONS, AttackResponse, Enabler
from guarantor.questionnaire.read import read_response, resolve_state
from guarantor.questionnaire.render import form_view, render_form
from guarantor.questionnaire.response import Response

__all__ = [
    "FORM_VERSION",
    "OFFICIAL_GRADE",
    "QUESTIONS",
    "AttackResponse",
    "Enabler",
    "Filed",
    "IngestOutcome",
    "Response",
    "addressees",
    "answer_evidence",
    "answer_pledges",
    "current_by_actor",
    "form_view",
    "headline",
    "ingest_responses",
    "load_answers",
    "read_response",
    "render_form",
    "resolve_state",
    "summarise",
    "with_answers",
    "with_stored_answers",
]
