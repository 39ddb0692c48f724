"""The learned stance model at inference: a MiniLM encoder on ONNX Runtime and a small head.

The encoder (int8, exported from the fine-tuned checkpoint) reads each
candidate sentence once. For every pair the head sees three things side by
side: the sentence (mean of its token vectors), the holder (mean of the
vectors of the tokens inside its own mentions: the candidate is marked by
where it stands, so several actors in one sentence get separate answers) and
the pair's features (``candidates.FEATURES``). It answers, per option, one of
none / support / oppose / conditional / uncertain, and per condition a
probability. The head is a two-layer perceptron small enough for NumPy.

The training side (``guarantor.extract.train``) builds the same inputs with
the same functions here, so what is exported is what was measured.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from guarantor.errors import ConfigurationError
from guarantor.extract.candidates import FEATURES, Pair, SentenceInput

__all__ = [
    "HIDDEN",
    "MAX_TOKENS",
    "ModelFiles",
    "StanceHead",
    "StanceModel",
    "encode_batch",
    "pair_rows",
    "verify_card",
]

MAX_TOKENS = 96
HIDDEN = 384
BATCH = 32


@dataclass(frozen=True)
class ModelFiles:
    """Where a released model's parts lie (beside each other in one folder)."""

    folder: Path

    @property
    def encoder(self) -> Path:
        return self.folder / "encoder.int8.onnx"

    @property
    def head(self) -> Path:
        return self.folder / "head.npz"

    @property
    def tokenizer(self) -> Path:
        return self.folder / "tokenizer.json"

    @property
    def card(self) -> Path:
        return self.folder / "card.json"

    def present(self) -> bool:
        return all(p.is_file() for p in (self.encoder, self.head, self.tokenizer, self.card))


def verify_card(files: ModelFiles) -> list[str]:
    """Files whose SHA-256 differs from what the model card records (empty when all match)."""
    card = json.loads(files.card.read_text(encoding="utf-8"))
    wrong = []
    for name, expected in card.get("sha256", {}).items():
        digest = hashlib.sha256((files.folder / name).read_bytes()).hexdigest()
        if digest != expected:
            wrong.append(name)
    return wrong


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    tokenizer.no_padding()
    return tokenizer


def encode_batch(tokenizer: Any, inputs: Sequence[SentenceInput]) -> tuple[list[Any], np.ndarray]:
    """Token encodings and padded (ids, mask, type ids) as one int64 array of shape (3, n, T)."""
    encodings = [
        tokenizer.encode(s.text, s.context) if s.context else tokenizer.encode(s.text)
        for s in inputs
    ]
    width = max((len(e.ids) for e in encodings), default=1)
    arrays = np.zeros((3, len(encodings), width), dtype=np.int64)
    for row, enc in enumerate(encodings):
        n = len(enc.ids)
        arrays[0, row, :n] = enc.ids
        arrays[1, row, :n] = enc.attention_mask
        arrays[2, row, :n] = enc.type_ids
    return encodings, arrays


def mention_mask(
    encoding: Any, start: int, spans: Sequence[tuple[int, int]], width: int
) -> np.ndarray:
    """1 for the tokens of the sentence (not the context) inside one of ``spans``."""
    mask = np.zeros(width, dtype=np.float32)
    if not spans:
        return mask
    local = [(a - start, b - start) for a, b in spans]
    for i, ((lo, hi), seq) in enumerate(zip(encoding.offsets, encoding.sequence_ids, strict=True)):
        if seq == 0 and hi > lo and any(lo < b and a < hi for a, b in local):
            mask[i] = 1.0
    return mask


def pair_rows(
    hidden: np.ndarray,
    attention: np.ndarray,
    encodings: Sequence[Any],
    inputs: Sequence[SentenceInput],
    pairs: Sequence[Pair],
) -> np.ndarray:
    """The head's input for each pair: sentence vector, holder vector, features."""
    row_of = {s.index: i for i, s in enumerate(inputs)}
    sums = (hidden * attention[..., None]).sum(axis=1)
    sentence_vecs = sums / np.maximum(attention.sum(axis=1, keepdims=True), 1.0)
    rows = np.zeros((len(pairs), 2 * HIDDEN + len(FEATURES)), dtype=np.float32)
    for n, pair in enumerate(pairs):
        i = row_of[pair.sentence]
        mask = mention_mask(encodings[i], inputs[i].start, pair.spans, hidden.shape[1])
        count = mask.sum()
        holder = (mask @ hidden[i]) / count if count else np.zeros(HIDDEN, dtype=np.float32)
        rows[n] = np.concatenate([sentence_vecs[i], holder, pair.features])
    return rows


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class StanceHead:
    """Two dense layers: pair row -> per-option stance probabilities and condition probabilities."""

    def __init__(self, weights: dict[str, np.ndarray], options: int, conditions: int) -> None:
        self.w1, self.b1 = weights["w1"], weights["b1"]
        self.w2, self.b2 = weights["w2"], weights["b2"]
        self.options, self.conditions = options, conditions

    def __call__(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logits = _gelu(rows @ self.w1 + self.b1) @ self.w2 + self.b2
        stance = logits[:, : self.options * 5].reshape(-1, self.options, 5)
        condition = logits[:, self.options * 5 :]
        return _softmax(stance), 1.0 / (1.0 + np.exp(-condition))


class StanceModel:
    """Encoder session + tokenizer + head, loaded once per process (or per worker)."""

    def __init__(self, files: ModelFiles) -> None:
        if not files.present():
            raise ConfigurationError(f"stance model files are missing in {files.folder}")
        import onnxruntime as ort

        self.card = json.loads(files.card.read_text(encoding="utf-8"))
        if self.card.get("features") != FEATURES:
            raise ConfigurationError("the stance model was trained on other pair features")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(files.encoder), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = load_tokenizer(files.tokenizer)
        with np.load(files.head) as data:
            weights = {k: data[k] for k in data.files}
        self.head = StanceHead(weights, len(self.card["options"]), len(self.card["conditions"]))
        # a model trained blind to the rules' reading must not see it at inference either
        self._blind = not self.card.get("training", {}).get("rule_features", True)
        self._rule_columns = np.array([name.startswith("rule:") for name in FEATURES])

    def predict(
        self, inputs: Sequence[SentenceInput], pairs: Sequence[Pair]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Stance probabilities (pairs, options, 5) and condition probabilities (pairs, conds)."""
        if not pairs:
            return np.zeros((0, self.head.options, 5)), np.zeros((0, self.head.conditions))
        order = sorted(
            range(len(inputs)), key=lambda i: len(inputs[i].text) + len(inputs[i].context)
        )
        rows = np.zeros((len(pairs), 2 * HIDDEN + len(FEATURES)), dtype=np.float32)
        for lo in range(0, len(order), BATCH):
            chunk = [inputs[i] for i in order[lo : lo + BATCH]]
            wanted = {s.index for s in chunk}
            mine = [n for n, p in enumerate(pairs) if p.sentence in wanted]
            encodings, arrays = encode_batch(self._tokenizer, chunk)
            (hidden,) = self._session.run(
                None,
                {"input_ids": arrays[0], "attention_mask": arrays[1], "token_type_ids": arrays[2]},
            )
            rows[mine] = pair_rows(
                hidden, arrays[1].astype(np.float32), encodings, chunk, [pairs[n] for n in mine]
            )
        if self._blind:
            rows[:, 2 * HIDDEN :][:, self._rule_columns] = 0.0
        return self.head(rows)
