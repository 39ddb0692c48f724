"""`guarantor train-extractor`: fine-tune the stance model on the real corpus and export it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from guarantor.errors import ConfigurationError, UsageError
from guarantor.extract import HYBRID_MODELS, HYBRID_NAME
from guarantor.ingest import read_article, read_document

__all__ = ["register"]


FirstOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Train on the first N train articles only: the split as it stood when a "
        "release was trained (annotation rounds are appended at the end).",
    ),
]
ExtraOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra",
        help="Quote-based gold files to add to training; each file's texts lie beside it "
        "in articles/ (invented sets) or are named with --extra-folder.",
    ),
]
FreezeOption = Annotated[
    bool,
    typer.Option(
        "--freeze-encoder/--fine-tune",
        help="Train only the head on the encoder as shipped (fast) or fine-tune it.",
    ),
]
RuleFeaturesOption = Annotated[
    bool,
    typer.Option(
        "--rule-features/--no-rule-features",
        help="Let the model read the rules' stances (the hybrid) or not (ablation).",
    ),
]
DocWeightOption = Annotated[
    float,
    typer.Option(
        min=0.0,
        max=100.0,
        help="Weight of the document-level (holder) loss; 0: pair labels only (v1, v2).",
    ),
]
DropoutOption = Annotated[float, typer.Option(min=0.0, max=0.9, help="Head dropout.")]
NameOption = Annotated[
    str,
    typer.Option(
        "--name", help=f"Extractor name the model is released under: {', '.join(HYBRID_MODELS)}."
    ),
]


def train_extractor(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Folder with train.yaml and dev.yaml.")
    ] = Path("corpus/real"),
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model (default: no export, dev only)."),
    ] = None,
    epochs: Annotated[int, typer.Option(min=1, max=50, help="Training epochs.")] = 5,
    layers: Annotated[int, typer.Option(min=1, max=6, help="Encoder layers kept.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed for torch, NumPy and batch order.")] = 20251203,
    fraction: Annotated[
        float, typer.Option(min=0.05, max=1.0, help="Share of train articles (learning curve).")
    ] = 1.0,
    first: FirstOption = None,
    extra: ExtraOption = None,
    extra_folder: Annotated[
        list[Path] | None, typer.Option("--extra-folder", help="Text folder of each --extra.")
    ] = None,
    freeze: FreezeOption = False,
    head_epochs: Annotated[int, typer.Option(min=1, max=500, help="Head epochs (frozen).")] = 20,
    stance_weight: Annotated[
        float, typer.Option(min=1.0, max=50.0, help="Loss weight of a stance against none.")
    ] = 3.0,
    learning_rate: Annotated[
        float, typer.Option(min=1e-6, max=1e-3, help="Encoder learning rate.")
    ] = 4e-5,
    rule_features: RuleFeaturesOption = True,
    doc_weight: DocWeightOption = 0.0,
    dropout: DropoutOption = 0.1,
    compare: Annotated[
        bool, typer.Option("--compare", help="Also score rules only and the linear baseline.")
    ] = False,
    name: NameOption = HYBRID_NAME,
) -> None:
    """Train the learned stance model (needs the `train` extra) and log dev F1 per epoch."""
    try:
        from guarantor.extract.train import TrainConfig
        from guarantor.extract.training import ExtraSet, TrainingRun, run_training
    except ImportError as exc:
        raise ConfigurationError(
            f"training needs the train extra ({exc.name} is missing): "
            "pip install 'guarantor[train]'"
        ) from exc
    if name not in HYBRID_MODELS:
        raise UsageError(f"--name {name!r}: expected one of {', '.join(HYBRID_MODELS)}")
    folders = list(extra_folder or [])
    sets = []
    for i, gold in enumerate(extra or []):
        folder = folders[i] if i < len(folders) else gold.parent / "articles"
        sets.append(ExtraSet(gold, folder, "invented"))
    run = TrainingRun(
        corpus=corpus,
        out=out,
        config=TrainConfig(
            epochs=epochs,
            layers=layers,
            seed=seed,
            rule_features=rule_features,
            freeze_encoder=freeze,
            head_epochs=head_epochs,
            stance_weight=stance_weight,
            doc_weight=doc_weight,
            dropout=dropout,
            learning_rate=learning_rate,
            name=name,
        ),
        fraction=fraction,
        first=first,
        extra=tuple(sets),
        compare=compare,
    )
    summary = run_training(
        run,
        read=lambda a, text: read_article(a.url, text, a.outlet, a.date),
        read_path=read_document,
        log=lambda line: typer.echo(line, err=True),
    )
    typer.echo(json.dumps(summary, indent=2))


def register(app: typer.Typer) -> None:
    """Add ``train-extractor``."""
    app.command("train-extractor")(train_extractor)
