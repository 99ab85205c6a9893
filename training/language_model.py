"""Train the syllable trigram model (interpolated modified Kneser-Ney, pruned) on
the legal corpus and a broad corpus of legal and administrative text.

    python -m training.language_model [--extra ../shared/lm/extra] [--out diacritics/data/model.npz]

Every corpus is split by document (a law, an article of the Bộ Pháp điển, an
administrative document): every tenth is held out for evaluation and never
seen in training (`held_out_documents`). Counting and smoothing run on numpy
arrays (about 20 M syllables in a few minutes, deterministic). The model is
stored in backoff form (log10 probabilities of the n-grams kept plus backoff
weights renormalised after pruning; those that end in a word of the dictionary
raised by DICTIONARY_BONUS) as sorted numpy arrays.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

import numpy as np

from diacritics.model import store
from diacritics.syllables import NUMBER, UNKNOWN, is_abbreviation, is_capitalised_name, is_roman_number, segments, token_key
from vietnamese.gazetteer import PROVINCES, districts
from vietnamese.laws import law_names
from vietnamese.names import person_names
from vietnamese.syllables import SPELLINGS, SYLLABLES, spellings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "lm" / "vlc_laws.txt.gz"
# The broad corpus is not in the repository (see README, "Data and licences"):
# ../shared/lm/extra beside the checkout (or beside the folder of worktrees that
# holds it), or the folder `make train-lm LM_EXTRA=path` names.
EXTRA = next((p / "shared" / "lm" / "extra" for p in (ROOT.parent, ROOT.parent.parent)
              if (p / "shared" / "lm" / "extra").is_dir()), ROOT.parent / "shared" / "lm" / "extra")
DIACRITICS_DATA = ROOT / "diacritics" / "data"  # what this writes and some of what it reads
MODEL = DIACRITICS_DATA / "model.npz"
VIETNAMESE_DATA = ROOT / "vietnamese"  # the valid syllables, read and spelt out
HOLD_OUT_EVERY = 10
BOS, EOS = "<s>", "</s>"
# Pruning, measured (README): words seen once are <unk>; bigrams and trigrams
# seen fewer times than this are left to the backoff. Keeping those seen once
# (2, 1, 1 against 2, 2, 2; 2026-11-29): model 3.4 -> 5.2 MB, fresh process
# +0.02 s CPU; stripped dev tvpl 98.40% -> 98.56%, prov 98.80% -> 98.88%,
# held-out broad 99.57% -> 99.61%. A vocabulary of words seen once too (1, 1, 1)
# gains nothing more (5.3 MB); leaving out trigrams seen once (2, 1, 2) loses
# most of the gain (with the comma token: tvpl 98.61% -> 98.53%, 3.8 MB).
MIN_WORD = 2
MIN_COUNT = {2: 1, 3: 1}  # n-grams seen fewer times are left to the backoff
# Trigrams: a model of 4-grams as well (their own Kneser-Ney order, the search's
# states three words long; 2026-11-30) read the stripped dev texts no better,
# tvpl 652 -> 666 errors and prov 595 -> 589 with the 4-grams seen twice or more
# (13.8 MB), 695 and 600 with all of them (20.7 MB): longer contexts learn the
# corpus's phrasing, not that of other documents.
ORDER = 3


def laws(corpus: Path = CORPUS) -> list[tuple[str, str]]:
    """(name, text) of every law in the corpus, in order."""
    items, name, lines = [], None, []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("### "):
                if name is not None:
                    items.append((name, "".join(lines)))
                name, lines = line[4:].strip(), []
            else:
                lines.append(line)
    if name is not None:
        items.append((name, "".join(lines)))
    return items


def extra_documents(folder: Path = EXTRA) -> list[str]:
    """The documents of the broad corpus, in order: each file's paragraphs
    (one article or document each), without the `###` group lines."""
    documents = []
    for path in sorted(folder.glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
        documents += [unit for unit in text.split("\n\n") if unit.strip() and not unit.startswith("### ")]
    return documents


def _documents(extra: Path | None) -> list[str]:
    return [text for _, text in laws()] + (extra_documents(extra) if extra else [])


def training_documents(extra: Path | None = EXTRA) -> list[str]:
    return [text for i, text in enumerate(_documents(extra)) if i % HOLD_OUT_EVERY != 0]


def held_out_documents(extra: Path | None = EXTRA) -> list[str]:
    return [text for i, text in enumerate(_documents(extra)) if i % HOLD_OUT_EVERY == 0]


def training_laws(corpus: Path = CORPUS) -> list[str]:
    return [text for i, (_, text) in enumerate(laws(corpus)) if i % HOLD_OUT_EVERY != 0]


def held_out_laws(corpus: Path = CORPUS) -> list[str]:
    return [text for i, (_, text) in enumerate(laws(corpus)) if i % HOLD_OUT_EVERY == 0]


# What administrative documents write far more often than laws do: the gazetteer
# of provinces and districts and the names of laws, each in the phrases they stand
# in, the fixed parts of a document (heading, signing authority, recipients) and
# the vocabulary of administrative reform, and the names of people.
ADMIN_PHRASES = DIACRITICS_DATA / "admin_phrases.txt"
NAME_REPEATS = 10


def person_phrases() -> str:
    """Every given name with every surname once, as decisions name officials:
    "ông Nguyễn Văn An", "bà Trần Thị An", and alone on a signature line."""
    names = person_names()
    middles = [m for m in names["middle names"] if m != "Thị"]
    phrases = []
    for i, given in enumerate(names["given names"]):
        for j, surname in enumerate(names["surnames"]):
            if (i + j) % 3 == 0:
                phrases.append(f"bà {surname} Thị {given}")
            else:  # (not i * 7 + j: its remainder by 3 is that of i + j, so Văn, Hữu … never came)
                phrases.append(f"ông {surname} {middles[(i + j * 5) % len(middles)]} {given}")
            if j % 10 == 0:
                phrases.append(f"\n{surname} {middles[(i + j) % len(middles)]} {given}\n")
    return "\n".join(phrases)


def name_phrases() -> str:
    phrases = [f"Ủy ban nhân dân tỉnh {p}; UBND tỉnh {p}; tỉnh {p}\n{p}, ngày" for p in PROVINCES if p]
    for province, kind, name in districts():
        phrases.append(f"Ủy ban nhân dân {kind} {name}; UBND {kind} {name}; {kind} {name}, {province}\n{name}, ngày")
    phrases += law_names()
    phrases += [line for line in ADMIN_PHRASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return "\n".join(phrases * NAME_REPEATS) + "\n" + person_phrases()


# Words of everyday Vietnamese that legal text seldom writes (siêu âm, phế quản,
# ổ bụng): the lowercase compounds of underthesea's dictionary (Viet74K), each once
# as a phrase of its own, so that the model knows their syllables go together.
# Measured 2026-11-29, stripped text: dev tvpl 98.62% -> 98.72%, held-out laws
# 99.66% -> 99.73%, held-out broad 99.65% -> 99.68%, prov 99.01% -> 98.99%. Twice
# (98.68% on tvpl) or with its capitalised names too (98.71%) reads worse.
def dictionary_words() -> list[str]:
    """The dictionary's lowercase words of two or more syllables."""
    from underthesea.corpus import viet_dict_74K  # `make train-lm` installs it (extra "train")

    return [" ".join(w.split()) for w in viet_dict_74K.words if len(w.split()) > 1 and w.islower()]


# A word of the dictionary is likelier than two syllables that only happen to meet
# ("tử cung", not "tự cung"; "thắt lưng", not "thất lưng"), however rare the word is
# in the corpus: the bigrams and trigrams that end in one of its words of two
# syllables score this much more (log10). The scores are then no longer
# probabilities, which the decoder, comparing paths, does not need. Measured
# 2026-11-30 on stripped text, errors with a bonus of 0 / 0.15 / 0.3 / 0.45 / 0.6:
# dev tvpl 648 / 629 / 635 / 635 / 640, prov 592 / 587 / 580 / 578 / 579; held-out
# laws 42 with 0 and 0.3, 45 with 0.6; held-out broad 133, 135 and 134.
DICTIONARY_BONUS = 0.3


def favour_dictionary_words(model: dict[str, np.ndarray], words: list[str]) -> None:
    """Add DICTIONARY_BONUS to the scores of the n-grams that end in one of the
    words of two syllables (a trained model, changed in place)."""
    vocab = str(model["vocab"]).split("\n")
    size, index = len(vocab), {w: i for i, w in enumerate(vocab)}
    pairs = np.unique([index[a] * size + index[b] for a, b in (w.split() for w in words if len(w.split()) == 2)
                       if a in index and b in index])
    model["logp2"] = model["logp2"] + DICTIONARY_BONUS * np.isin(model["keys2"], pairs)
    model["logp3"] = model["logp3"] + DICTIONARY_BONUS * np.isin(model["keys3"] % size ** 2, pairs)


def token_ids(texts: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Every segment of the texts as `<s> <s> w1 … wn </s>` in one flat array of
    ids, the words those ids stand for, and for each position whether the word
    was written Capitalised in mid-sentence (as a name)."""
    index = {BOS: 0, EOS: 1}
    ids, capitalised = array("i"), array("b")
    for text in texts:
        for segment in segments(text):
            ids.extend((0,) * (ORDER - 1))
            capitalised.extend((0,) * (ORDER - 1))
            for m in segment:
                word = m.group()
                ids.append(index.setdefault(NUMBER if is_roman_number(text, m) else token_key(word), len(index)))
                capitalised.append(word[:1].isupper() and is_capitalised_name(text, m))
            ids.append(1)
            capitalised.append(0)
    return np.frombuffer(ids, np.int32).astype(np.int64), list(index), np.frombuffer(capitalised, np.int8)


def _discounts(counts: np.ndarray) -> np.ndarray:
    """Modified Kneser-Ney discounts D(n), indexed by n (0, 1, 2, 3 or more),
    from the counts of counts (Chen & Goodman)."""
    n = np.bincount(np.minimum(counts, 5), minlength=6).astype(np.float64)
    y = n[1] / (n[1] + 2 * n[2])
    return np.array([0.0, 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]])


def _discounted(counts: np.ndarray, discounts: np.ndarray) -> np.ndarray:
    return discounts[np.minimum(counts, 3)]


def kneser_ney(stream: np.ndarray, size: int, bos: int) -> dict[str, np.ndarray]:
    """Interpolated modified Kneser-Ney model of ORDER over a stream of ids
    (`token_ids`, each segment after ORDER - 1 ids `bos`), pruned, in backoff form.

    P_n(w|h) = max(a(hw) - D_n(a(hw)), 0) / a(h·) + γ(h) · P_n-1(w|h'),  γ(h) = Σ_w D_n(a(hw)) / a(h·)
    P_1(w)   = N(·w) / N(··)
    where a is the count of the n-gram at the highest order and its continuation
    count N(·hw) (distinct words seen before it) below, except for n-grams that
    begin a segment (h starts with <s>), which have nothing before them and keep
    their counts (as SRILM does; with continuation counts every first word of
    a segment counted once: stripped dev tvpl 658 -> 652 errors, prov 596 -> 595,
    2026-11-30). D_n(a) is one of three discounts per order, for a = 1, 2 and 3
    or more (measured against one discount: held-out laws 99.20% -> 99.27%).
    The probabilities come from all the counts; n-grams seen fewer than
    MIN_COUNT[n] times are then dropped and the backoff weights of their
    contexts renormalised, so that every distribution still sums to one.
    Returns, for n = 2 .. ORDER, the sorted keys of the n-grams kept (words in
    base `size`, first word most significant) and their log10 probabilities,
    and for n >= 3 the sorted keys of their contexts with their log10 backoff
    weights; the unigram and the bigrams' backoff weights as arrays by word.
    """
    assert all(MIN_COUNT[n] <= MIN_COUNT[n + 1] for n in range(2, ORDER)), "an n-gram kept keeps its suffix"
    ends = np.flatnonzero(stream != bos)
    ends = ends[ends >= ORDER - 1]
    key = np.zeros(len(ends), np.int64)
    for back in range(ORDER - 1, -1, -1):
        key = key * size + stream[ends - back]
    keys, raw = np.unique(key, return_counts=True)
    levels = {ORDER: (keys, raw, raw)}  # n: (keys, counts seen, counts the estimate uses)
    for n in range(ORDER - 1, 1, -1):
        upper = levels[n + 1][0]
        suffix = upper % size ** n
        keys, left = np.unique(suffix, return_counts=True)  # distinct words before: continuation counts
        seen = np.bincount(np.searchsorted(keys, suffix), weights=levels[n + 1][1]).astype(np.int64)
        levels[n] = (keys, seen, np.where(keys // size ** (n - 1) == bos, seen, left))
    bigram_keys = levels[2][0]
    p1 = np.bincount(bigram_keys % size, minlength=size) / len(bigram_keys)
    model: dict[str, np.ndarray] = {}
    lower_keys, lower_p = np.arange(size), p1
    for n in range(2, ORDER + 1):
        keys, seen, used = levels[n]
        discounts = _discounts(used)
        contexts, first, context_of = np.unique(keys // size, return_index=True, return_inverse=True)
        mass = np.add.reduceat(used, first)
        gamma = np.add.reduceat(_discounted(used, discounts), first) / mass
        lower = lower_p[np.searchsorted(lower_keys, keys % size ** (n - 1))]
        p = np.maximum(used - _discounted(used, discounts), 0) / mass[context_of] + gamma[context_of] * lower
        # Pruning: an n-gram kept has its suffix kept (seen at least as often), so backing off stays exact.
        kept = seen >= MIN_COUNT[n]
        kept_contexts = context_of[kept]
        kept_mass = np.bincount(kept_contexts, weights=p[kept], minlength=len(contexts))
        kept_lower = np.bincount(kept_contexts, weights=lower[kept], minlength=len(contexts))
        with_kept = np.unique(kept_contexts)
        bow = np.maximum(1 - kept_mass[with_kept], 1e-9) / np.maximum(1 - kept_lower[with_kept], 1e-9)
        model[f"keys{n}"], model[f"logp{n}"] = keys[kept], np.log10(p[kept])
        if n == 2:  # contexts of one word: a weight for every word (0 for those never followed)
            model["bow1"] = np.zeros(size)
            model["bow1"][contexts[with_kept]] = np.log10(bow)
        else:
            model[f"bow{n - 1}_keys"], model[f"bow{n - 1}"] = contexts[with_kept], np.log10(bow)
        lower_keys, lower_p = keys, p
    with np.errstate(divide="ignore"):
        model["unigram"] = np.where(p1 > 0, np.log10(np.maximum(p1, 1e-300)), -99.0)
    return model


def train(texts: list[str]) -> dict[str, np.ndarray]:
    """The model's arrays (sorted n-gram keys, log10 values), as `model.store` writes them."""
    stream, words, capitalised = token_ids(texts)
    counts = np.bincount(stream, minlength=len(words))
    # Words seen fewer than MIN_WORD times are one word, <unk>: mostly typos and
    # words run together, which would only be wrong candidates.
    vocab = sorted([w for w, n in zip(words, counts) if n >= MIN_WORD and w != BOS] + [UNKNOWN]) + [BOS]
    index = {w: i for i, w in enumerate(vocab)}
    renumber = np.array([index.get(w, index[UNKNOWN]) for w in words], dtype=np.int64)
    stream = renumber[stream]
    size = len(vocab)
    model = kneser_ney(stream, size, index[BOS])
    kept = stream != index[BOS]
    model["vocab"] = np.array("\n".join(vocab))
    model["counts"] = np.bincount(stream[kept], minlength=size).astype(np.int64)
    model["capitalised"] = np.bincount(stream, weights=capitalised, minlength=size).astype(np.int64)
    return model


# Abbreviations in capitals that the corpus writes with an Đ (TGĐ, BLĐTBXH, ĐVT): one typed
# without marks gets its Đ back where the corpus almost never writes it with a D.
MARKED_ABBREVIATIONS = DIACRITICS_DATA / "abbreviations.tsv"
_CAPITALS = re.compile(r"(?<!\w)[A-ZĐ]{3,8}(?!\w)")
ABBREVIATION_EVIDENCE = 5  # times written with its Đ
ABBREVIATION_DOCUMENTS = 3  # in this many documents (one document's form numbers, 01.CĐD, are no evidence)
ABBREVIATION_WITH_D = 0.05  # at most this share of its uses written with a D


def marked_abbreviations(texts: list[str]) -> list[tuple[str, int, int]]:
    """(abbreviation, times written with Đ, times with D) of the abbreviations of
    three letters or more that the texts write with an Đ, often enough and in
    enough of them, and seldom with a D; two-letter ones (ĐT, DT: điện thoại,
    diện tích) are too ambiguous."""
    seen, documents = Counter(), Counter()
    for text in texts:
        words = _CAPITALS.findall(text)
        seen.update(words)
        documents.update(set(words))
    found = []
    for word, marked in seen.items():
        unmarked = seen[word.replace("Đ", "D")]
        if ("Đ" in word and is_abbreviation(word) and marked >= ABBREVIATION_EVIDENCE
                and documents[word] >= ABBREVIATION_DOCUMENTS
                and unmarked <= ABBREVIATION_WITH_D * (marked + unmarked)):
            found.append((word, marked, unmarked))
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, default=EXTRA,
                        help="folder of the broad corpus (*.txt.gz); an empty value trains on the laws alone")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    extra = args.extra if str(args.extra) not in ("", ".") else None
    if extra is not None and not any(extra.glob("*.txt.gz")):
        sys.exit(f"The broad training corpus is missing: no *.txt.gz in {extra}.\n"
                 "Name its folder with `make train-lm LM_EXTRA=path`, or train on the laws alone with LM_EXTRA=.")
    started = time.time()
    forms = spellings((VIETNAMESE_DATA / SYLLABLES).read_text(encoding="utf-8").split())
    (VIETNAMESE_DATA / SPELLINGS).write_text("\n".join(forms) + "\n", encoding="utf-8")
    documents = training_documents(extra)
    print(f"{len(documents):,} training documents read in {time.time() - started:.0f} s", flush=True)
    abbreviations = marked_abbreviations(documents)
    MARKED_ABBREVIATIONS.write_text("# abbreviation\ttimes written with Đ\ttimes with D (make train-lm)\n" + "".join(
        f"{word}\t{marked}\t{unmarked}\n" for word, marked, unmarked in abbreviations), encoding="utf-8")
    print(f"{len(abbreviations)} abbreviations with Đ written to {MARKED_ABBREVIATIONS}", flush=True)
    words = dictionary_words()
    model = train(documents + [name_phrases(), "\n".join(words)])
    favour_dictionary_words(model, words)
    print(f"{int(model['counts'].sum()):,} syllables, {len(model['counts']):,} words, "
          f"{len(model['keys2']):,} bigrams and {len(model['keys3']):,} trigrams kept "
          f"in {time.time() - started:.0f} s", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    store(args.out, model)
    print(f"model written to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
