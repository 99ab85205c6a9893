"""The training of the diacritic restorer's language model (`make train-lm`), on small texts."""

from pathlib import Path

import numpy as np
import pytest

from training.language_model import BOS, DICTIONARY_BONUS, favour_dictionary_words, marked_abbreviations, train

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data" / "docs").glob("*.txt"))]


def _probability(model: dict, size: int, a: int, b: int, c: int) -> float:
    """P(c | a, b) read from the trained model in backoff form."""
    def find(keys, key):
        at = int(np.searchsorted(keys, key))
        return at if at < len(keys) and keys[at] == key else -1

    at = find(model["keys3"], (a * size + b) * size + c)
    if at >= 0:
        return 10 ** model["logp3"][at]
    context = find(model["bow2_keys"], a * size + b)
    backoff = model["bow2"][context] if context >= 0 else 0.0
    at = find(model["keys2"], b * size + c)
    lower = model["logp2"][at] if at >= 0 else model["bow1"][b] + model["unigram"][c]
    return 10 ** (backoff + lower)


@pytest.mark.parametrize("min_count", [{2: 1, 3: 1}, {2: 2, 3: 2}, {2: 1, 3: 3}])
def test_every_distribution_of_the_pruned_model_sums_to_one(monkeypatch, min_count):
    import training.language_model as language_model

    monkeypatch.setattr(language_model, "MIN_COUNT", min_count)
    model = train(TEXTS)
    vocab = str(model["vocab"]).split("\n")
    size, bos, eos = len(vocab), vocab.index(BOS), vocab.index("</s>")
    assert min_count == {2: 1, 3: 1} or len(model["keys3"]) < 500  # (of some 2,000: pruned)
    contexts = {(bos, bos), (bos, vocab.index("căn")), (vocab.index("căn"), vocab.index("cứ")),
                (vocab.index("ủy"), vocab.index("ban")), (vocab.index("của"), vocab.index("chính")),
                (eos, bos), (vocab.index("ban"), eos)}  # (the last: a word never followed)
    for a, b in contexts:
        total = sum(_probability(model, size, a, b, c) for c in range(size) if c != bos)
        assert total == pytest.approx(1.0, abs=1e-6), (vocab[a], vocab[b])


def test_words_that_begin_a_sentence_keep_their_counts_below_the_trigrams():
    # "Căn cứ" begins nine lines of the texts; with continuation counts (the words seen
    # before a bigram) every first word would count once after <s>, however often it begins one.
    model = train(TEXTS)
    vocab = str(model["vocab"]).split("\n")
    size, bos = len(vocab), vocab.index(BOS)
    after_start = {vocab[k % size]: p for k, p in zip(model["keys2"], model["logp2"]) if k // size == bos}
    firsts = [line.split()[0].lower() for text in TEXTS for line in text.splitlines() if line.split()]
    once = [w for w in after_start if firsts.count(w) == 1]
    assert firsts.count("căn") == 9 and once
    assert all(after_start["căn"] > after_start[w] + np.log10(5) for w in once)


def test_abbreviations_with_d_bar_are_learnt_where_documents_almost_never_write_a_d():
    letter = "Tổng giám đốc (TGĐ) ký; đơn vị tính: ĐVT; số ĐT. "
    # TGĐ and ĐVT in three documents, 6 times each, and TGD once (14%): only ĐVT; CĐD
    # in one document only, however often; the two-letter ĐT never.
    texts = [letter * 2, letter * 2, letter * 2 + "Tổng công ty TGD.", "Mẫu số 02.CĐD. " * 40]
    assert marked_abbreviations(texts) == [("ĐVT", 6, 0)]
    # in a fourth document: TGD is still 1 use of 11 (9%, more than 5%); with 30 more, 1 of 37
    assert marked_abbreviations(texts + ["của TGĐ. " * 4]) == [("ĐVT", 6, 0)]
    assert marked_abbreviations(texts + ["của TGĐ. " * 30]) == [("TGĐ", 36, 1), ("ĐVT", 6, 0)]


def test_the_ngrams_ending_in_a_word_of_the_dictionary_score_more():
    model = train(TEXTS)
    before = {name: model[name].copy() for name in ("logp2", "logp3")}
    favour_dictionary_words(model, ["ủy ban", "nhân dân tỉnh"])  # (a word of three syllables: not used)
    vocab = str(model["vocab"]).split("\n")
    size, pair = len(vocab), vocab.index("ủy") * len(vocab) + vocab.index("ban")
    raised2, raised3 = model["logp2"] != before["logp2"], model["logp3"] != before["logp3"]
    assert set(model["keys2"][raised2]) == {pair}
    assert raised3.any() and set(model["keys3"][raised3] % size ** 2) == {pair}
    assert np.allclose((model["logp2"] - before["logp2"])[raised2], DICTIONARY_BONUS)
