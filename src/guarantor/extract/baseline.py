"""A linear baseline for the stance model: logistic regression on n-grams (``train`` extra).

Same pairs, same labels, same decision rule as the fine-tuned model: the text
of the sentence with the holder's mentions marked (and the previous sentence
as context), as TF-IDF word 1-2-grams, beside the pair features; one
multinomial logistic regression per option. It is the yardstick the learned
model must beat on dev to earn its cost.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from guarantor.extract.candidates import mark_mentions
from guarantor.extract.examples import Example
from guarantor.extract.labels import CONDITIONS, OPTIONS

__all__ = ["LinearBaseline"]


def _texts(example: Example) -> list[str]:
    by_index = {s.index: s for s in example.inputs}
    out = []
    for pair in example.pairs:
        sentence = by_index[pair.sentence]
        end = sentence.start + len(sentence.text)
        marked = mark_mentions(example.annotated.text, sentence.start, end, pair.spans)
        out.append(f"{marked} || {sentence.context}")
    return out


class LinearBaseline:
    """One logistic regression per option over TF-IDF n-grams and the pair features."""

    def __init__(self, seed: int = 0) -> None:
        self._vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        self._models: dict[int, LogisticRegression | int] = {}
        self._seed = seed

    def _matrix(self, examples: Sequence[Example], fit: bool = False) -> sparse.csr_matrix:
        texts = [t for ex in examples for t in _texts(ex)]
        words = self._vectorizer.fit_transform(texts) if fit else self._vectorizer.transform(texts)
        features = np.vstack([p.features for ex in examples for p in ex.pairs] or [np.zeros(1)])
        return sparse.hstack([words, sparse.csr_matrix(features)]).tocsr()

    def fit(self, examples: Sequence[Example]) -> LinearBaseline:
        x = self._matrix(examples, fit=True)
        labels = [lab for ex in examples for lab in ex.labels]
        for k, option in enumerate(OPTIONS):
            y = np.array([lab.stance_index(option) for lab in labels])
            if len(set(y)) < 2:
                self._models[k] = int(y[0]) if len(y) else 0
                continue
            model = LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")
            self._models[k] = model.fit(x, y)
        return self

    def predict(self, examples: Sequence[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per example: stance probabilities (pairs, options, 5); conditions are left to rules."""
        x = self._matrix(examples)
        total = x.shape[0]
        probs = np.zeros((total, len(OPTIONS), 5))
        for k, model in self._models.items():
            if isinstance(model, int):
                probs[:, k, model] = 1.0
            else:
                probs[:, k, model.classes_] = model.predict_proba(x)
        out, at = [], 0
        for ex in examples:
            n = len(ex.pairs)
            out.append((probs[at : at + n], np.zeros((n, len(CONDITIONS)))))
            at += n
        return out
