"""The syllable trigram model at run time: flat arrays that the compiled decoder reads."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .syllables import strip_marks

MODEL = Path(__file__).resolve().parent / "data" / "model.npz"


def _rows(keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Offsets such that keys[offsets[r]:offsets[r + 1]] are the sorted keys of row rows[r]."""
    return np.searchsorted(keys, np.append(rows, np.iinfo(np.int64).max)).astype(np.int64)


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy's hash-based unique took 0.2 s of the model's load."""
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))]


class Tables(NamedTuple):
    """The model's scores (log10) as the compiled decoder reads them."""

    unigram: np.ndarray  # [c]
    bow1: np.ndarray  # [b]: backoff weight from bigram to unigram
    bigram_rows: np.ndarray  # bigram row b is bigram_next/bigram[bigram_rows[b]:bigram_rows[b + 1]]
    bigram_next: np.ndarray
    bigram: np.ndarray
    contexts: np.ndarray  # sorted a * size + b of every context with trigrams or a backoff weight
    context_bow: np.ndarray  # their backoff weight from trigram to bigram
    trigram_rows: np.ndarray  # trigram row r is trigram_next/trigram[trigram_rows[r]:trigram_rows[r + 1]]
    trigram_next: np.ndarray
    trigram: np.ndarray
    size: int
    bos: int
    eos: int


class TrigramModel:
    """log10 P(c | a, b) in backoff form; syllables are integer ids.

    The tables are sorted arrays in compressed-row form, so that a lookup is a
    short binary search inside one row: bigram row b holds the c seen after b,
    trigram row r the c seen after the context contexts[r] = a * size + b.
    """

    def __init__(self, path: Path = MODEL) -> None:
        data = np.load(path)
        self.vocab: list[str] = str(data["vocab"]).split("\n")
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.size = size = len(self.vocab)
        self.bos = self.index["<s>"]
        self.eos = self.index["</s>"]
        bigram_keys, trigram_keys, bow2_keys = data["bigram_keys"], data["trigram_keys"], data["bow2_keys"]
        contexts = _sorted_unique(np.concatenate([bow2_keys, trigram_keys // size]))
        context_bow = np.zeros(len(contexts))
        context_bow[np.searchsorted(contexts, bow2_keys)] = data["bow2"]
        self.tables = Tables(
            unigram=data["unigram"].astype(np.float64),
            bow1=data["bow1"].astype(np.float64),
            bigram_rows=_rows(bigram_keys // size, np.arange(size)),
            bigram_next=bigram_keys % size,
            bigram=data["bigram"].astype(np.float64),
            contexts=contexts,
            context_bow=context_bow,
            trigram_rows=_rows(trigram_keys // size, contexts),
            trigram_next=trigram_keys % size,
            trigram=data["trigram"].astype(np.float64),
            size=size, bos=self.bos, eos=self.eos,
        )
        self.counts: list[int] = data["counts"].tolist()
        # How often each syllable was written Capitalised in mid-sentence (a name).
        self.capitalised: list[int] = data["capitalised"].tolist()
        # Every syllable of the corpus under its unmarked form, most frequent first.
        groups: dict[str, list[tuple[int, int]]] = {}
        for i, word in enumerate(self.vocab):
            if not word.startswith("<"):
                groups.setdefault(strip_marks(word), []).append((self.counts[i], i))
        self.candidates = {key: [i for _, i in sorted(g, reverse=True)] for key, g in groups.items()}


@cache
def load() -> TrigramModel:
    return TrigramModel()
