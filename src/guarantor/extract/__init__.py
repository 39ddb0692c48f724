"""Documents -> positions: a pipeline of small document -> document components.

sentences -> actor mentions -> options -> stance cues -> conditions ->
outlets -> attribution -> positions -> recorded ``Position``s. Every
component finds spans with patterns from ``guarantor/data/lexicons`` and
records them on an ``Annotated`` document; ``extract_document`` runs the
default chain. The extractor's name is versioned so stored positions say
which rules produced them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from guarantor.domain import Document, Position
from guarantor.extract.assemble import Positioner
from guarantor.extract.attribution import Attributor
from guarantor.extract.cues import ConditionFinder, CueFinder, OptionFinder, OutletFinder
from guarantor.extract.lexicon import Lexicon, load_lexicon
from guarantor.extract.mentions import MentionFinder, alias_entries
from guarantor.extract.outlet_table import outlet_names
from guarantor.extract.record import Recorder, SourcedPosition, regrade
from guarantor.extract.sentences import SentenceSplitter
from guarantor.extract.spans import Annotated

__all__ = [
    "EXTRACTOR_NAME",
    "Component",
    "Pipeline",
    "SourcedPosition",
    "build_pipeline",
    "default_pipeline",
    "extract_document",
    "regrade",
]

EXTRACTOR_NAME = "extract.rules.v1"

Component = Callable[[Annotated], Annotated]


class Pipeline:
    """An ordered chain of components; the last step records ``Position``s."""

    def __init__(self, components: Sequence[Component], extractor: str = EXTRACTOR_NAME) -> None:
        self.components = list(components)
        self.extractor = extractor

    def annotate(self, document: Document, *, outlet_reliability: str = "F") -> Annotated:
        doc = Annotated(document=document, text=document.text)
        for component in self.components:
            doc = component(doc)
        return Recorder(self.extractor, outlet_reliability)(doc)

    def __call__(self, document: Document, *, outlet_reliability: str = "F") -> list[Position]:
        return self.annotate(document, outlet_reliability=outlet_reliability).positions


def _outlet_names(lexicon: Lexicon) -> list[str]:
    """The lexicon's outlets plus the display names of the bundled outlet table."""
    return [*lexicon.outlets, *outlet_names()]


def build_pipeline(lexicon: Lexicon | None = None, actors: object | None = None) -> Pipeline:
    """The rule pipeline over the given lexicon and actor index (default: bundled)."""
    lexicon = lexicon or load_lexicon()
    if actors is None:
        from guarantor.registry.actors import load_actors

        actors = load_actors()
    return Pipeline(
        [
            SentenceSplitter(),
            MentionFinder(alias_entries(actors), lexicon, resolver=actors),
            OptionFinder(lexicon),
            CueFinder(lexicon),
            ConditionFinder(lexicon),
            OutletFinder(_outlet_names(lexicon)),
            Attributor(lexicon),
            Positioner(lexicon),
        ]
    )


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The bundled pipeline, built once per process (it is stateless between documents)."""
    return build_pipeline()


def extract_document(document: Document, *, outlet_reliability: str = "F") -> list[Position]:
    """Every position the rule pipeline finds in ``document``."""
    return default_pipeline()(document, outlet_reliability=outlet_reliability)
