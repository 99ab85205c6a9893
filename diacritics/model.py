"""The syllable trigram model at run time: flat arrays that the compiled decoder reads."""

from __future__ import annotations

from functools import cache
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

import numpy as np

from vietnamese.folding import strip_marks
from vietnamese.syllables import valid_syllables

MODEL = Path(__file__).resolve().parent / "data" / "model.npz"


class Tables(NamedTuple):
    """The model's scores (log10) as the compiled decoder reads them."""

    unigram: np.ndarray  # [c]
    bow1: np.ndarray  # [b]: backoff weight from bigram to unigram
    bigram_rows: np.ndarray  # bigram row b is bigram_next/bigram[bigram_rows[b]:bigram_rows[b + 1]]
    bigram_next: np.ndarray
    bigram: np.ndarray
    contexts: np.ndarray  # sorted a * size + b of every context with trigrams
    context_bow: np.ndarray  # their backoff weight from trigram to bigram
    trigram_rows: np.ndarray  # trigram row r is trigram_next/trigram[trigram_rows[r]:trigram_rows[r + 1]]
    trigram_next: np.ndarray
    trigram: np.ndarray
    size: int
    bos: int
    eos: int


def _offsets(sizes: np.ndarray) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))


def store(path: Path, model: dict[str, np.ndarray]) -> None:
    """Write a trained model (`training.language_model.train`: sorted keys and log10 values) in the
    compact form `TrigramModel` loads without sorting or searching: rows as
    sizes, ids as int32, scores as float16 (steps of 0.004 at most in log10,
    far below what decides between candidates)."""
    size = len(str(model["vocab"]).split("\n"))
    bigram_keys, trigram_keys, contexts = model["keys2"], model["keys3"], model["bow2_keys"]
    assert np.array_equal(np.unique(trigram_keys // size), contexts), "one backoff weight per trigram context"
    np.savez_compressed(
        path, vocab=model["vocab"], counts=model["counts"], capitalised=model["capitalised"],
        unigram=model["unigram"].astype(np.float32), bow1=model["bow1"].astype(np.float32),
        bigram_row_sizes=np.bincount(bigram_keys // size, minlength=size).astype(np.int32),
        bigram_next=(bigram_keys % size).astype(np.int32), bigram=model["logp2"].astype(np.float16),
        context_steps=np.diff(contexts, prepend=0), context_bow=model["bow2"].astype(np.float16),
        trigram_row_sizes=np.diff(np.searchsorted(trigram_keys // size, contexts, side="right"), prepend=0).astype(np.int32),
        trigram_next=(trigram_keys % size).astype(np.int32), trigram=model["logp3"].astype(np.float16),
    )


class TrigramModel:
    """log10 P(c | a, b) in backoff form (raised for the dictionary's words, so
    not quite probabilities: see training/language_model.py); syllables are integer ids.

    The tables are sorted arrays in compressed-row form, so that a lookup is a
    short binary search inside one row: bigram row b holds the c seen after b,
    trigram row r the c seen after the context contexts[r] = a * size + b.
    """

    def __init__(self, path: Path = MODEL) -> None:
        data = np.load(path)
        self.vocab: list[str] = str(data["vocab"]).split("\n")
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.size = len(self.vocab)
        self.bos = self.index["<s>"]
        self.eos = self.index["</s>"]
        self.tables = Tables(
            unigram=data["unigram"].astype(np.float64),
            bow1=data["bow1"].astype(np.float64),
            bigram_rows=_offsets(data["bigram_row_sizes"]),
            bigram_next=data["bigram_next"].astype(np.int64),
            bigram=data["bigram"].astype(np.float64),
            contexts=np.cumsum(data["context_steps"]),
            context_bow=data["context_bow"].astype(np.float64),
            trigram_rows=_offsets(data["trigram_row_sizes"]),
            trigram_next=data["trigram_next"].astype(np.int64),
            trigram=data["trigram"].astype(np.float64),
            size=self.size, bos=self.bos, eos=self.eos,
        )
        self.counts: list[int] = data["counts"].tolist()
        # How often each syllable was written Capitalised in mid-sentence (a name).
        self.capitalised: list[int] = data["capitalised"].tolist()
        # Every syllable of the corpus under its unmarked form, most frequent first.
        keyed = sorted((strip_marks(word), -self.counts[i], i) for i, word in enumerate(self.vocab) if word[0] != "<")
        self.candidates = {key: _spelt_right([i for _, _, i in group], self.vocab)
                           for key, group in groupby(keyed, key=lambda item: item[0])}


def _spelt_right(ids: list[int], vocab: list[str]) -> list[int]:
    """The ids that are valid syllables, when any is: the corpus also writes some
    words without their marks or misspelt ("PHU LUC", "biêt"), which are never
    what a stripped word stands for. Words that are no syllable at all (font,
    email) stay their own candidates."""
    valid = valid_syllables()
    return [i for i in ids if vocab[i] in valid] or ids


@cache
def load() -> TrigramModel:
    return TrigramModel()
