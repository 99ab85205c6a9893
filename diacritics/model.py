"""The syllable trigram model at run time: loaded into dicts keyed by packed ids."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from .syllables import strip_marks

MODEL = Path(__file__).resolve().parent / "data" / "model.npz"


def _nest(keys: np.ndarray, values: np.ndarray, size: int) -> dict[int, dict[int, float]]:
    """{context: {last id: score}} from keys packed as context * size + last id (keys sorted)."""
    contexts, last = np.divmod(keys, size)
    nested: dict[int, dict[int, float]] = {}
    bounds = np.flatnonzero(np.diff(contexts)) + 1
    for chunk_contexts, chunk_last, chunk_values in zip(
        np.split(contexts, bounds), np.split(last, bounds), np.split(values, bounds)
    ):
        nested[int(chunk_contexts[0])] = dict(zip(chunk_last.tolist(), chunk_values.tolist()))
    return nested


class TrigramModel:
    """log10 P(c | a, b) from the stored backoff form; syllables are integer ids."""

    def __init__(self, path: Path = MODEL) -> None:
        data = np.load(path)
        self.vocab: list[str] = str(data["vocab"]).split("\n")
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.size = len(self.vocab)
        self.bos = self.index["<s>"]
        self.eos = self.index["</s>"]
        # log10 scores. Stored keys pack ids as (a * size + b) * size + c; at run
        # time they are nested (bigram[b][c], trigram[a * size + b][c]) so that
        # the decoder's innermost probe uses small ints and allocates nothing.
        self.unigram: list[float] = data["unigram"].tolist()
        self.bow1: list[float] = data["bow1"].tolist()
        self.bigram = _nest(data["bigram_keys"], data["bigram"], self.size)
        self.trigram = _nest(data["trigram_keys"], data["trigram"], self.size)
        self.bow2 = dict(zip(data["bow2_keys"].tolist(), data["bow2"].tolist()))
        self.counts: list[int] = data["counts"].tolist()
        # Every syllable of the corpus under its unmarked form, most frequent first.
        groups: dict[str, list[tuple[int, int]]] = {}
        for i, word in enumerate(self.vocab):
            if not word.startswith("<"):
                groups.setdefault(strip_marks(word), []).append((self.counts[i], i))
        self.candidates = {key: [i for _, i in sorted(g, reverse=True)] for key, g in groups.items()}


@cache
def load() -> TrigramModel:
    return TrigramModel()
