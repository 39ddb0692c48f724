"""Documents -> positions: a pipeline of small document -> document components.

sentences -> actor mentions -> options -> stance cues -> conditions ->
outlets -> attribution -> positions -> recorded ``Position``s. Every
component finds spans with patterns from ``guarantor/data/lexicons`` and
records them on an ``Annotated`` document; ``extract_document`` runs the
chosen chain. Extractors have versioned names so stored positions say what
produced them: ``extract.rules.v1`` (rules only) and ``extract.hybrid.v1``/``v2``
(the rules find pairs, the learned stance model in ``data/models`` decides;
rules are used, with a warning, when the model files are missing or unreadable).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from guarantor.domain import Document, Position
from guarantor.errors import ConfigurationError, GuarantorError
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
    "DEFAULT_EXTRACTOR",
    "EXTRACTORS",
    "EXTRACTOR_NAME",
    "HYBRID_MODELS",
    "HYBRID_NAME",
    "Component",
    "Pipeline",
    "SourcedPosition",
    "build_pipeline",
    "default_pipeline",
    "extract_document",
    "model_folder",
    "pipeline_for",
    "regrade",
]

EXTRACTOR_NAME = "extract.rules.v1"
# Each released stance model keeps its own name, so a stored position always says which
# model found it; the newest is the default hybrid.
HYBRID_MODELS = {
    "extract.hybrid.v1": "stance-v1",
    "extract.hybrid.v2": "stance-v2",
    "extract.hybrid.v3": "stance-v3",
}
HYBRID_NAME = "extract.hybrid.v3"
EXTRACTORS = (EXTRACTOR_NAME, *HYBRID_MODELS)
DEFAULT_EXTRACTOR = HYBRID_NAME
DEFAULT_THRESHOLD = 0.5

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
    """The bundled rule pipeline, built once per process (stateless between documents)."""
    return build_pipeline()


def model_folder(name: str = HYBRID_NAME) -> Path:
    """Where the stance model of the hybrid extractor ``name`` lies (inside the package)."""
    if name not in HYBRID_MODELS:
        raise ConfigurationError(
            f"unknown hybrid extractor {name!r}; expected one of {list(HYBRID_MODELS)}"
        )
    return Path(str(resources.files("guarantor") / "data" / "models" / HYBRID_MODELS[name]))


@lru_cache(maxsize=4)
def pipeline_for(name: str = EXTRACTOR_NAME, threshold: float = DEFAULT_THRESHOLD) -> Pipeline:
    """The named extractor, built once per process and threshold.

    A hybrid (``extract.hybrid.v1``, ``v2``) falls back to the rules, with a warning,
    when its model files are missing or cannot be read; an unknown name is an error.
    """
    if name == EXTRACTOR_NAME:
        return default_pipeline()
    if name not in HYBRID_MODELS:
        raise ConfigurationError(f"unknown extractor {name!r}; expected one of {EXTRACTORS}")
    from guarantor.extract.hybrid import LearnedPositioner
    from guarantor.extract.stance_model import ModelFiles, StanceModel

    try:
        model = StanceModel(ModelFiles(model_folder(name)))
    except (GuarantorError, OSError, ValueError, RuntimeError) as exc:
        warnings.warn(
            f"stance model unusable ({exc}); extracting with {EXTRACTOR_NAME}", stacklevel=2
        )
        return default_pipeline()
    rules = default_pipeline()
    return Pipeline([*rules.components, LearnedPositioner(model, threshold)], name)


def extract_document(
    document: Document,
    *,
    outlet_reliability: str = "F",
    extractor: str = EXTRACTOR_NAME,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Position]:
    """Every position the named extractor finds in ``document``.

    The library default is the rule pipeline (what the rule tests pin); the
    product's default, ``DEFAULT_EXTRACTOR``, comes in through the settings
    (``GUARANTOR_EXTRACTOR``), which every command passes."""
    return pipeline_for(extractor, threshold)(document, outlet_reliability=outlet_reliability)
