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

from vietnamese.folding import strip_marks

from ._search import preferences as document_preferences, search
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
PREFERENCE_EVIDENCE = 2  # sure choices of words with the same letters needed before the document's preference counts


@dataclass
class Lattice:
    """Runs of positions to decode, each run from the start of a sentence to its
    end, stored flat for the compiled search: all the runs of a text go in one call."""

    run_lengths: list[int] = field(default_factory=list)  # positions per run
    sizes: list[int] = field(default_factory=list)  # candidates per position
    ids: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    # Words the document writes with their marks in lines it keeps: sure choices of their letters.
    written: list[int] = field(default_factory=list)

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
    written = np.array(lattice.written, np.int64)
    preferred = document_preferences(model.tables, run_offsets, offsets, ids, chosen, written, _letters(model),
                                     PREFERENCE_WEIGHT, SURE_MARGIN, PREFERENCE_EVIDENCE) if preferences else None
    if preferred is None:
        return chosen.tolist()
    return search(model.tables, run_offsets, offsets, ids, scores + preferred, beam, margin).tolist()


@cache
def _letters(model: TrigramModel) -> np.ndarray:
    """For each syllable id, a number shared by the ids with the same letters unmarked (tìm, tim, tím)."""
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(strip_marks(word), len(numbers)) for word in model.vocab], np.int64)
