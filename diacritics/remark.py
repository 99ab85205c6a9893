"""Marks read again where the print was too small to show them.

At about 100 dpi a hook above (ủ), a grave (ù) and a tilde (ũ) are a few pixels
that OCR cannot tell apart, and it is sure of its reading all the same ("Chính
phù", "Lão" for "Lào"). On such pages the marks OCR wrote are weak evidence: every
syllable may take another marking of the same letters, at a cost, and the
trigram model chooses in context. The letters are kept as read.
"""

from __future__ import annotations

from vietnamese.folding import strip_marks
from vietnamese.syllables import apply_case

from .model import load
from .restoration import name_prior
from .syllables import ABBREVIATION, NUMBER, TOKEN, is_capitalised_name, segments, token_key

# log10 cost of another marking than the one OCR read. Measured on the two ~96 dpi
# pages of the dev PDFs (Tesseract vie+Vietnamese, final text): 1.0: 88.5% / 95.4%,
# 2.0: 88.5% / 95.9%, 3.0: 89.2% / 94.8% of the syllables right (from 85.1% / 88.7%).
REMARK_COST = 2.0
MAX_MARKINGS = 6  # other markings considered per syllable, most frequent first


def remark(text: str) -> str:
    """`text` with the marks of its syllables chosen again by the model in context
    (same letters, same length: offsets into the text still hold)."""
    from .viterbi import Lattice, decode

    model = load()
    lattice = Lattice()
    placed = []  # (match, [(id, written)]) per decoded position, in lattice order
    # A sentence wrapped onto the next line is one run: the line break is no segment break.
    for segment in segments(text.replace("\n", " "), TOKEN):
        run: list[tuple[list[int], list[float]]] = []
        for m in segment:
            options = _markings(model, m.group())
            if len(options) > 1 and is_capitalised_name(text, m):  # weighed by how often each is a name
                prior = name_prior(tuple(i for i, _, _ in options))
                options = [(i, score + p, form) for (i, score, form), p in zip(options, prior)]
            if not options:  # a word the model cannot place ends the run: it is no context
                if run:
                    lattice.add_run(*zip(*run))
                run = []
                continue
            run.append(([i for i, _, _ in options], [score for _, score, _ in options]))
            placed.append((m, options))
        if run:
            lattice.add_run(*zip(*run))
    chosen = decode(model, lattice)
    out, last = [], 0
    for (m, options), syllable in zip(placed, chosen):
        written = next(form for i, _, form in options if i == syllable)
        if written != m.group():
            out += [text[last:m.start()], written]
            last = m.end()
    return "".join(out) + text[last:]


def _markings(model, word: str) -> list[tuple[int, float, str]]:
    """(id, log10 channel score, written form) of each syllable `word` may be: itself
    and the other markings of its letters at `cost`; a word that is no syllable (a mark
    misread: "giừa") is one of those markings; numbers and abbreviations are as written."""
    key = token_key(word)
    if key in (NUMBER, ABBREVIATION):
        return [(model.index[key], 0.0, word)]
    own = model.index.get(key)
    if own is None and len(key) < 2:
        return []  # a lone unknown letter is debris, not a syllable
    others = [i for i in model.candidates.get(strip_marks(key), [])[:MAX_MARKINGS] if i != own]
    options = [(i, -REMARK_COST, apply_case(word, model.vocab[i])) for i in others]
    return options if own is None else [(own, 0.0, word)] + options
