"""Trigram Viterbi decoding, with a beam, over the candidate syllables of a segment.

The search runs compiled (`_search.pyx`, Cython, built by pip at install) over
the model's flat arrays: the same search in plain Python over dicts managed
about 55,000 positions per second, well short of what an archive needs, and a
JIT compiler (numba, used before) cost 1.2 s of import on every fresh process
and wrote its cache beside the code. States far less likely than the best are
dropped (measured on held-out law text: margin 3.0 keeps 99.34% syllable
accuracy of the full search at 3× its speed; on the stripped dev texts, 4.0
against 3.0 gives tvpl 98.56% -> 98.58%, prov 98.88% -> 98.92% at about the
same speed, and 40 states within 6.0 no more), and at most BEAM are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ._search import search, trigram_scores
from .model import TrigramModel

BEAM = 12
MARGIN = 4.0  # log10: states 10,000 times less likely than the best are dropped

# A document keeps to its own vocabulary: where the words around it make the
# model sure of a marking ("can thiệp tim mạch"), the same letters elsewhere in
# the document ("siêu âm tim", where the corpus would say "tìm") are likelier
# that marking too. This is a cache model (Kuhn & De Mori, 1990) learnt from the
# document's own first decoding. Measured 2026-11-29 on the stripped dev texts:
# tvpl 98.73% -> 98.99%, prov 99.08% -> 99.20% (errors 823 -> 657, 736 -> 642;
# better in 27 of the 42 texts, worse in 8). Sure by 0.5 or 1.5 instead of 1.0: 732/692 and
# 631/649 errors; sure judged from the two neighbouring bigrams alone: 704, 641;
# a second round of preferences: 656, 641; a classic cache (the document's word
# frequencies mixed into every probability) 724-790, 704-873, worse.
PREFERENCE_WEIGHT = 0.75  # log10 bonus of a marking the document chose each time it was sure
SURE_MARGIN = 1.0  # log10: a choice is sure when the path it is on beats every other marking there by this much
PREFERENCE_EVIDENCE = 2  # sure choices among the same markings needed before the document's preference counts


@dataclass
class Lattice:
    """Runs of positions to decode, each run from the start of a sentence to its
    end, stored flat for the compiled search: all the runs of a text go in one call."""

    run_lengths: list[int] = field(default_factory=list)  # positions per run
    sizes: list[int] = field(default_factory=list)  # candidates per position
    ids: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)

    def add_run(self, candidates: list[list[int]], channel: list[list[float]], continues: bool = False) -> None:
        """One run: the ids possible at each position, and their log10 channel
        scores (how well each explains what was written). A run that `continues`
        is decoded as the rest of the run before it."""
        if continues and self.run_lengths:
            self.run_lengths[-1] += len(candidates)
        else:
            self.run_lengths.append(len(candidates))
        for options, option_scores in zip(candidates, channel):
            self.sizes.append(len(options))
            self.ids.extend(options)
            self.scores.extend(option_scores)


def decode(model: TrigramModel, lattice: Lattice, beam: int = BEAM, margin: float = MARGIN,
           preferences: bool = True) -> list[int]:
    """The most probable syllable id at each position of the lattice, run after
    run. With `preferences`, the lattice is one document's: it is decoded once,
    then again with the markings the document was sure of preferred."""
    if not lattice.sizes:
        return []
    run_offsets = np.zeros(len(lattice.run_lengths) + 1, np.int64)
    np.cumsum(lattice.run_lengths, out=run_offsets[1:])
    offsets = np.zeros(len(lattice.sizes) + 1, np.int64)
    np.cumsum(lattice.sizes, out=offsets[1:])
    ids = np.array(lattice.ids, np.int64)
    scores = np.array(lattice.scores, np.float64)
    chosen = search(model.tables, run_offsets, offsets, ids, scores, beam, margin)
    preferred = _document_preferences(model, run_offsets, offsets, ids, chosen) if preferences else None
    if preferred is None:
        return chosen.tolist()
    return search(model.tables, run_offsets, offsets, ids, scores + preferred, beam, margin).tolist()


_PAIR = 1_000_003  # a marking's name times this plus a chosen id names the choice


@cache
def _random_labels(size: int) -> np.ndarray:
    return np.random.default_rng(0).integers(np.iinfo(np.int64).min, np.iinfo(np.int64).max, size, np.int64)


def _looked_up(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """values[i] where keys[i] (sorted, unique) is wanted, else 0."""
    if not len(keys):
        return np.zeros(len(wanted), np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, values[at], 0)


def _document_preferences(model: TrigramModel, run_offsets: np.ndarray, offsets: np.ndarray, ids: np.ndarray,
                          chosen: np.ndarray) -> np.ndarray | None:
    """A log10 bonus for each candidate: PREFERENCE_WEIGHT times the share of
    the document's sure choices among the same markings that chose it; None
    when the document was sure of no word often enough."""
    sizes = np.diff(offsets)
    position = np.repeat(np.arange(len(sizes)), sizes)
    # The chosen words two and one before and after each position; <s> and </s> beyond its run.
    before1, after1 = np.roll(chosen, 1), np.roll(chosen, -1)
    before1[run_offsets[:-1]] = model.bos
    after1[run_offsets[1:] - 1] = model.eos
    before2, after2 = np.roll(before1, 1), np.roll(after1, -1)
    before2[run_offsets[:-1]] = model.bos
    after2[run_offsets[1:] - 1] = model.eos
    b2, b1, a1, a2 = before2[position], before1[position], after1[position], after2[position]
    # What the path scores around each candidate put in its place: the three trigrams it is part of.
    fit = (trigram_scores(model.tables, b2, b1, ids) + trigram_scores(model.tables, b1, ids, a1)
           + np.where(a1 == model.eos, 0.0, trigram_scores(model.tables, ids, a1, a2)))
    is_chosen = ids == chosen[position]
    chosen_fit = np.maximum.reduceat(np.where(is_chosen, fit, -np.inf), offsets[:-1])
    other_fit = np.maximum.reduceat(np.where(is_chosen, -np.inf, fit), offsets[:-1])
    sure = (sizes > 1) & (chosen_fit - other_fit > SURE_MARGIN)
    if not sure.any():
        return None
    # Positions with the same markings to choose from share a name: the sum of
    # random 64-bit numbers of their ids (wrapping), whatever their order.
    markings = np.add.reduceat(_random_labels(model.size)[ids], offsets[:-1])
    sure_choices, sure_counts = np.unique(markings[sure] * _PAIR + chosen[sure], return_counts=True)
    sure_markings, sure_totals = np.unique(markings[sure], return_counts=True)
    counts = _looked_up(sure_choices, sure_counts, markings[position] * _PAIR + ids)
    totals = _looked_up(sure_markings, sure_totals, markings[position])
    bonus = np.where(totals >= PREFERENCE_EVIDENCE, PREFERENCE_WEIGHT * counts / np.maximum(totals, 1), 0.0)
    return bonus if bonus.any() else None
