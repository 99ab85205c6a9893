"""The syllable trigram model at run time: loaded into dicts keyed by packed ids."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from .syllables import strip_marks

MODEL = Path(__file__).resolve().parent / "data" / "model.npz"


class TrigramModel:
    """log10 P(c | a, b) from the stored backoff form; syllables are integer ids."""

    def __init__(self, path: Path = MODEL) -> None:
        data = np.load(path)
        self.vocab: list[str] = str(data["vocab"]).split("\n")
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.size = len(self.vocab)
        self.bos = self.index["<s>"]
        self.eos = self.index["</s>"]
        # log10 scores; keys pack ids as (a * size + b) * size + c.
        self.unigram: list[float] = data["unigram"].tolist()
        self.bow1: list[float] = data["bow1"].tolist()
        self.bigram = dict(zip(data["bigram_keys"].tolist(), data["bigram"].tolist()))
        self.trigram = dict(zip(data["trigram_keys"].tolist(), data["trigram"].tolist()))
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
