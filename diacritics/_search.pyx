# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""Trigram Viterbi search with a beam, compiled to C when the package is
installed (`make setup`), so that a fresh process pays no compilation and
writes nothing at run time. The model is read as the flat arrays of
`model.Tables`; `viterbi.decode` is the Python entry point."""

import numpy as np

ctypedef long long i64


cdef inline i64 _find(const i64[::1] keys, i64 lo, i64 hi, i64 key) noexcept nogil:
    """Index of key in the sorted keys[lo:hi], or -1."""
    cdef i64 end = hi, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if keys[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < end and keys[lo] == key else -1


cdef class _Model:
    """The model's arrays, typed once per call of `search`."""
    cdef const double[::1] unigram, bow1, bigram, context_bow, trigram
    cdef const i64[::1] bigram_rows, bigram_next, contexts, trigram_rows, trigram_next
    cdef i64 size, bos, eos

    def __init__(self, tables):
        self.unigram, self.bow1, self.bigram = tables.unigram, tables.bow1, tables.bigram
        self.context_bow, self.trigram = tables.context_bow, tables.trigram
        self.bigram_rows, self.bigram_next = tables.bigram_rows, tables.bigram_next
        self.contexts, self.trigram_rows, self.trigram_next = tables.contexts, tables.trigram_rows, tables.trigram_next
        self.size, self.bos, self.eos = tables.size, tables.bos, tables.eos

    cdef inline void context(self, i64 a, i64 b, i64* lo, i64* hi, double* bow) noexcept nogil:
        """The trigram row of context (a, b) as [lo, hi) and its backoff weight; empty when unseen."""
        cdef i64 row = _find(self.contexts, 0, self.contexts.shape[0], a * self.size + b)
        if row < 0:
            lo[0], hi[0], bow[0] = 0, 0, 0.0
        else:
            lo[0], hi[0], bow[0] = self.trigram_rows[row], self.trigram_rows[row + 1], self.context_bow[row]

    cdef inline double bigram_score(self, i64 b, i64 c) noexcept nogil:
        """log10 P(c | b), backing off to the unigram."""
        cdef i64 at = _find(self.bigram_next, self.bigram_rows[b], self.bigram_rows[b + 1], c)
        return self.bigram[at] if at >= 0 else self.bow1[b] + self.unigram[c]

    cdef inline double in_context(self, i64 lo, i64 hi, double bow, i64 b, i64 c) noexcept nogil:
        """log10 P(c | a, b) given the trigram row [lo, hi) of context (a, b) and its backoff weight."""
        cdef i64 at = _find(self.trigram_next, lo, hi, c)
        return self.trigram[at] if at >= 0 else bow + self.bigram_score(b, c)

    cdef inline double trigram_score(self, i64 a, i64 b, i64 c) noexcept nogil:
        """log10 P(c | a, b), backing off as the search does."""
        cdef i64 lo, hi
        cdef double bow
        self.context(a, b, &lo, &hi, &bow)
        return self.in_context(lo, hi, bow, b, c)


cdef void _search(_Model model, const i64[::1] offsets, const i64[::1] ids, const double[::1] scores,
                  i64 first, i64 steps, int beam, double margin, i64[:, ::1] last, i64[:, ::1] before,
                  double[:, ::1] score, i64[:, ::1] origin, i64[::1] kept, double[::1] fresh_score,
                  i64[::1] fresh_origin, i64[::1] fresh_last, i64[::1] fresh_before, i64[::1] rows_lo,
                  i64[::1] rows_hi, double[::1] rows_bow, i64[::1] path) noexcept:
    """Decode positions first .. first + steps - 1 (one run) into path."""
    cdef i64 step, s, t, k, c, b, n, count, at, best_s, m, j
    cdef double lower, best, total, top, value
    cdef bint duplicate
    # The kept states of each step: their last two syllables, score, and the
    # index of the state they came from in the step before.
    last[0, 0], before[0, 0], score[0, 0], kept[0] = model.bos, model.bos, 0.0, 1
    for step in range(steps):
        n = kept[step]
        for s in range(n):
            model.context(before[step, s], last[step, s], &rows_lo[s], &rows_hi[s], &rows_bow[s])
        count = 0
        for k in range(offsets[first + step], offsets[first + step + 1]):
            c = ids[k]
            # States ending in the same syllable b lead to the same new state (b, c): keep the best of them.
            for s in range(n):
                b = last[step, s]
                duplicate = False
                for t in range(s):
                    if last[step, t] == b:
                        duplicate = True
                        break
                if duplicate:
                    continue
                lower = model.bigram_score(b, c)
                best, best_s = -1e18, -1
                for t in range(s, n):
                    if last[step, t] != b:
                        continue
                    at = _find(model.trigram_next, rows_lo[t], rows_hi[t], c)
                    total = score[step, t] + (model.trigram[at] if at >= 0 else rows_bow[t] + lower)
                    if total > best:
                        best, best_s = total, t
                fresh_score[count] = best + scores[k]
                fresh_origin[count] = best_s
                fresh_last[count] = c
                fresh_before[count] = b
                count += 1
        # Keep the best `beam` new states within `margin` of the best, best first.
        top = -1e300
        for j in range(count):
            if fresh_score[j] > top:
                top = fresh_score[j]
        m = 0
        for j in range(count):
            value = fresh_score[j]
            if value < top - margin or (m == beam and value <= score[step + 1, beam - 1]):
                continue
            at = m if m < beam else beam - 1
            while at > 0 and score[step + 1, at - 1] < value:
                last[step + 1, at], before[step + 1, at] = last[step + 1, at - 1], before[step + 1, at - 1]
                score[step + 1, at], origin[step + 1, at] = score[step + 1, at - 1], origin[step + 1, at - 1]
                at -= 1
            last[step + 1, at], before[step + 1, at] = fresh_last[j], fresh_before[j]
            score[step + 1, at], origin[step + 1, at] = value, fresh_origin[j]
            m = min(m + 1, beam)
        kept[step + 1] = m
    best, best_s = -1e18, 0
    for s in range(kept[steps]):
        total = score[steps, s] + model.trigram_score(before[steps, s], last[steps, s], model.eos)
        if total > best:
            best, best_s = total, s
    s = best_s
    for step in range(steps, 0, -1):
        path[first + step - 1] = last[step, s]
        s = origin[step, s]


def search(tables, const i64[::1] run_offsets, const i64[::1] offsets, const i64[::1] ids,
           const double[::1] scores, int beam, double margin):
    """The best id at each position, decoding each run (positions
    run_offsets[r] .. run_offsets[r + 1] - 1) on its own."""
    cdef _Model model = _Model(tables)
    cdef i64 positions = offsets.shape[0] - 1, longest = 0, width = 0, i, run
    for i in range(positions):
        width = max(width, offsets[i + 1] - offsets[i])
    for run in range(run_offsets.shape[0] - 1):
        longest = max(longest, run_offsets[run + 1] - run_offsets[run])
    path = np.empty(positions, np.int64)
    last = np.empty((longest + 1, beam), np.int64)
    before = np.empty((longest + 1, beam), np.int64)
    score = np.empty((longest + 1, beam), np.float64)
    origin = np.empty((longest + 1, beam), np.int64)
    kept = np.zeros(longest + 1, np.int64)
    fresh_score = np.empty(beam * width, np.float64)
    fresh_origin = np.empty(beam * width, np.int64)
    fresh_last = np.empty(beam * width, np.int64)
    fresh_before = np.empty(beam * width, np.int64)
    rows_lo = np.empty(beam, np.int64)
    rows_hi = np.empty(beam, np.int64)
    rows_bow = np.empty(beam, np.float64)
    for run in range(run_offsets.shape[0] - 1):
        _search(model, offsets, ids, scores, run_offsets[run], run_offsets[run + 1] - run_offsets[run], beam, margin,
                last, before, score, origin, kept, fresh_score, fresh_origin, fresh_last, fresh_before,
                rows_lo, rows_hi, rows_bow, path)
    return path


cdef inline bint _vowel(Py_UCS4 c) noexcept:
    return c == u'a' or c == u'e' or c == u'i' or c == u'o' or c == u'u' or c == u'y'


def edit_cost(str base, bytes marked, str key) -> float:
    """Weighted edit distance (log10 units) from what OCR wrote to a candidate's
    unmarked form (`restoration._edit_cost` gives the costs and their reasons).
    `base` is what OCR wrote without its marks, `marked[i]` whether its letter i
    had marks; compiled because a garbled word is weighed against hundreds of keys."""
    cdef Py_ssize_t n = len(base), m = len(key), i, j
    cdef double previous[128]
    cdef double current[128]
    cdef double sub, best, ins
    cdef Py_UCS4 w, k
    if m >= 128:
        return 99.0
    previous[0] = 0.0
    for j in range(1, m + 1):
        previous[j] = previous[j - 1] + (0.8 if _vowel(key[j - 1]) else 1.6)
    for i in range(n):
        w = base[i]
        ins = 0.8 if _vowel(w) else 1.6
        current[0] = previous[0] + ins
        for j in range(1, m + 1):
            k = key[j - 1]
            if w == k:
                sub = 0.0
            elif _vowel(w) and _vowel(k):
                sub = 0.4 if marked[i] else 0.7
            else:
                sub = 1.8
            best = previous[j - 1] + sub
            if previous[j] + ins < best:
                best = previous[j] + ins
            if current[j - 1] + (0.8 if _vowel(k) else 1.6) < best:
                best = current[j - 1] + (0.8 if _vowel(k) else 1.6)
            current[j] = best
        for j in range(m + 1):
            previous[j] = current[j]
    return previous[m]


def preferences(tables, const i64[::1] run_offsets, const i64[::1] offsets, const i64[::1] ids,
                const i64[::1] chosen, const i64[::1] written, const i64[::1] letters, double weight,
                double sure_margin, i64 evidence):
    """A bonus for each candidate: `weight` times its share of the sure choices
    of words with its letters (`letters[id]` numbers them), the words `written`
    with their marks included, where a choice is sure
    when the three trigrams it is part of on the chosen path score `sure_margin`
    more with it than with any other candidate there; None when the bonuses
    would change no choice."""
    cdef _Model model = _Model(tables)
    cdef i64 run, first, end, p, k, x, b2, b1, a1, a2, total, lo, hi
    cdef double fit, chosen_fit, other_fit, bow
    cdef bint any_sure = False
    counts_array = np.zeros(model.size, np.int64)
    totals_array = np.zeros(model.size, np.int64)  # letters are numbered below the vocabulary size
    places_array = np.zeros(model.size, np.int64)
    cdef i64[::1] counts = counts_array, totals = totals_array, places = places_array
    # Words the document writes with their marks (`written`) are sure choices already.
    for k in range(written.shape[0]):
        counts[written[k]] += 1
        totals[letters[written[k]]] += 1
        places[letters[written[k]]] += 1
        any_sure = True
    # Letters chosen at fewer than `evidence` places cannot gather enough sure choices: not weighed.
    for p in range(offsets.shape[0] - 1):
        if offsets[p + 1] - offsets[p] > 1:
            places[letters[chosen[p]]] += 1
    for run in range(run_offsets.shape[0] - 1):
        first, end = run_offsets[run], run_offsets[run + 1]
        for p in range(first, end):
            if offsets[p + 1] - offsets[p] < 2 or places[letters[chosen[p]]] < evidence:
                continue
            b1 = chosen[p - 1] if p - 1 >= first else model.bos
            b2 = chosen[p - 2] if p - 2 >= first else model.bos
            a1 = chosen[p + 1] if p + 1 < end else model.eos
            a2 = chosen[p + 2] if p + 2 < end else model.eos
            model.context(b2, b1, &lo, &hi, &bow)  # the same for every candidate here
            chosen_fit, other_fit = -1e300, -1e300
            for k in range(offsets[p], offsets[p + 1]):
                x = ids[k]
                fit = model.in_context(lo, hi, bow, b1, x) + model.trigram_score(b1, x, a1)
                if a1 != model.eos:
                    fit += model.trigram_score(x, a1, a2)
                if x == chosen[p]:
                    chosen_fit = max(chosen_fit, fit)
                else:
                    other_fit = max(other_fit, fit)
            if chosen_fit - other_fit > sure_margin:
                counts[chosen[p]] += 1
                totals[letters[chosen[p]]] += 1
                any_sure = True
    if not any_sure:
        return None
    bonus_array = np.zeros(ids.shape[0], np.float64)
    cdef double[::1] bonus = bonus_array
    cdef double chosen_bonus
    cdef bint changes = False
    for p in range(offsets.shape[0] - 1):
        chosen_bonus = 0.0
        for k in range(offsets[p], offsets[p + 1]):
            # Only the markings of the letters chosen are weighed again, not other readings of garble.
            total = totals[letters[ids[k]]]
            if total >= evidence and letters[ids[k]] == letters[chosen[p]]:
                bonus[k] = weight * counts[ids[k]] / total
            if ids[k] == chosen[p]:
                chosen_bonus = bonus[k]
        for k in range(offsets[p], offsets[p + 1]):
            changes = changes or bonus[k] > chosen_bonus
    # Where every chosen word has the highest bonus of its position, the chosen path stays the best.
    return bonus_array if changes else None
