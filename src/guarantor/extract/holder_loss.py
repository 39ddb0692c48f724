"""The document-level loss of the stance model (training only: needs torch).

For a holder in a document (``holder_groups``), the probability that it takes
stance s on an option somewhere in the document is the noisy-OR of its
pairs' probabilities: 1 - prod(1 - p_pair(s)). Binary cross-entropy against
gold at that level; a present stance counts ``positive_weight`` times, since
most (holder, option) cells are empty.
"""

from __future__ import annotations

import torch

from guarantor.extract.labels import OPTIONS, STANCES

__all__ = ["holder_loss"]

_EPS = 1e-6


def holder_loss(
    logits: torch.Tensor, local: torch.Tensor, targets: torch.Tensor, positive_weight: float
) -> torch.Tensor:
    """``logits`` of rows (rows, options*5 + conditions); ``local[n]``: row n's group in the batch;
    ``targets`` (groups, options, stances)."""
    options, stances = len(OPTIONS), len(STANCES)
    probs = torch.softmax(logits[:, : options * (stances + 1)].view(-1, options, stances + 1), -1)
    log_not = torch.log1p(-probs[..., 1:].clamp(max=1.0 - _EPS))
    log_none = torch.zeros(targets.shape).index_add(0, local, log_not)  # log(1 - P_doc)
    log_some = torch.log((-torch.expm1(log_none)).clamp(min=_EPS))
    cells = positive_weight * targets * log_some + (1.0 - targets) * log_none
    return -cells.sum(1).mean()  # summed over options, averaged over holders and stances
