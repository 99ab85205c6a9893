"""Train the syllable trigram model (interpolated modified Kneser-Ney) on the legal corpus.

    python -m diacritics.train [--corpus data/lm/vlc_laws.txt.gz] [--out diacritics/data/model.npz]

The corpus is split by law: every tenth law is held out for evaluation and
never seen in training (`held_out_laws`). The model is stored in backoff form
(log10 probabilities of seen n-grams plus backoff weights), which gives the
same probabilities as the interpolated formula, as sorted numpy arrays.
"""

from __future__ import annotations

import argparse
import gzip
import math
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .syllables import is_capitalised_name, segments, token_key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "lm" / "vlc_laws.txt.gz"
MODEL = Path(__file__).resolve().parent / "data" / "model.npz"
HOLD_OUT_EVERY = 10
BOS, EOS = "<s>", "</s>"


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


# What administrative documents write far more often than laws do: the gazetteer
# of provinces and districts and the names of laws, each in the phrases they stand
# in, the fixed parts of a document (heading, signing authority, recipients) and
# the vocabulary of administrative reform, and the names of people.
GAZETTEER = ROOT / "extractors" / "data" / "provinces.txt"
DISTRICTS = Path(__file__).resolve().parent / "data" / "districts.txt"
LAW_NAMES = ROOT / "extractors" / "data" / "law_names.txt"
PERSON_NAMES = Path(__file__).resolve().parent / "data" / "person_names.txt"
ADMIN_PHRASES = Path(__file__).resolve().parent / "data" / "admin_phrases.txt"
NAME_REPEATS = 10


def person_names() -> dict[str, list[str]]:
    """The sections of person_names.txt: surnames, middle names, given names."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in PERSON_NAMES.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif not line.startswith("#"):
            current.extend(line.split())
    return sections


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
            else:
                phrases.append(f"ông {surname} {middles[(i * 7 + j) % len(middles)]} {given}")
            if j % 10 == 0:
                phrases.append(f"\n{surname} {middles[(i + j) % len(middles)]} {given}\n")
    return "\n".join(phrases)


def _unit_kind(district: str) -> tuple[str, str]:
    """("thị xã", "Sơn Tây") from "Thị xã Sơn Tây"."""
    for kind in ("quận", "huyện", "thị xã", "thành phố"):
        if district.lower().startswith(kind + " "):
            return kind, district[len(kind) + 1:]
    raise ValueError(f"unknown kind of district: {district}")


def name_phrases() -> str:
    provinces = GAZETTEER.read_text(encoding="utf-8").splitlines()
    phrases = [f"Ủy ban nhân dân tỉnh {p}; UBND tỉnh {p}; tỉnh {p}\n{p}, ngày" for p in provinces if p]
    for line in DISTRICTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            province, district = line.split("\t")
            kind, name = _unit_kind(district)
            phrases.append(f"Ủy ban nhân dân {kind} {name}; UBND {kind} {name}; {kind} {name}, {province}\n{name}, ngày")
    phrases += LAW_NAMES.read_text(encoding="utf-8").splitlines()
    phrases += [line for line in ADMIN_PHRASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return "\n".join(phrases * NAME_REPEATS) + "\n" + person_phrases()


def training_laws(corpus: Path = CORPUS) -> list[str]:
    return [text for i, (_, text) in enumerate(laws(corpus)) if i % HOLD_OUT_EVERY != 0]


def held_out_laws(corpus: Path = CORPUS) -> list[str]:
    return [text for i, (_, text) in enumerate(laws(corpus)) if i % HOLD_OUT_EVERY == 0]


def count(texts: list[str]) -> tuple[Counter, Counter, Counter, Counter]:
    """Unigram, bigram and trigram counts, and how often each syllable is written
    Capitalised in mid-sentence (as a name)."""
    uni, bi, tri, capitalised = Counter(), Counter(), Counter(), Counter()
    for text in texts:
        for segment in segments(text):
            words = [BOS, BOS] + [token_key(m.group()) for m in segment] + [EOS]
            uni.update(words[2:])
            bi.update(zip(words[1:], words[2:]))
            tri.update(zip(words, words[1:], words[2:]))
            capitalised.update(word for m, word in zip(segment, words[2:]) if is_capitalised_name(text, m))
    return uni, bi, tri, capitalised


def _discounts(counts: Counter) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts for n-grams seen once, twice, and three times
    or more (Chen & Goodman), from the counts of counts."""
    n = Counter(c for c in counts.values() if c <= 4)
    y = n[1] / (n[1] + 2 * n[2])
    return 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]


def _discount(discounts: tuple[float, float, float], count: int) -> float:
    return discounts[min(count, 3) - 1]


def kneser_ney(uni: Counter, bi: Counter, tri: Counter) -> dict[str, np.ndarray]:
    """Interpolated modified Kneser-Ney trigram model in backoff form, as arrays.

    P(c|a,b) = max(n(abc) - D(n(abc)), 0) / n(ab·) + γ(ab) · P2(c|b), γ(ab) = Σ_c D(n(abc)) / n(ab·)
    P2(c|b)  = max(N(·bc) - D(N(·bc)), 0) / N(·b·) + γ(b) · P1(c),   with continuation counts N
    P1(c)    = N(·c) / N(··)
    D(n) is one of three discounts per order, for n = 1, 2 and 3 or more (measured
    against one discount: held-out laws 99.20% -> 99.27%, samples 99.09% -> 99.17%).
    Seen n-grams store their full log10 probability; unseen ones back off through γ.
    """
    left_of_pair = Counter((b, c) for (_, b, c) in tri)
    d2, d3 = _discounts(left_of_pair), _discounts(tri)
    vocab = sorted(uni) + [BOS]
    index = {w: i for i, w in enumerate(vocab)}
    size = len(vocab)
    left_of_word = Counter(c for (_, c) in bi)
    p1 = np.zeros(size)
    for word, n in left_of_word.items():
        p1[index[word]] = n / len(bi)
    mass2, discounted2 = defaultdict(int), defaultdict(float)
    for (b, _), n in left_of_pair.items():
        mass2[b] += n
        discounted2[b] += _discount(d2, n)
    gamma2 = {b: discounted2[b] / mass2[b] for b in mass2}
    p2 = {
        (b, c): max(n - _discount(d2, n), 0) / mass2[b] + gamma2[b] * p1[index[c]]
        for (b, c), n in left_of_pair.items()
    }
    mass3, discounted3 = defaultdict(int), defaultdict(float)
    for (a, b, _), n in tri.items():
        mass3[(a, b)] += n
        discounted3[(a, b)] += _discount(d3, n)
    gamma3 = {ab: discounted3[ab] / mass3[ab] for ab in mass3}

    def lower(b: str, c: str) -> float:
        return p2.get((b, c)) or gamma2.get(b, 1.0) * p1[index[c]]

    p3 = {(a, b, c): max(n - _discount(d3, n), 0) / mass3[(a, b)] + gamma3[(a, b)] * lower(b, c)
          for (a, b, c), n in tri.items()}

    def arrays(table: dict, key) -> tuple[np.ndarray, np.ndarray]:
        keys = np.array([key(k) for k in table], dtype=np.int64)
        values = np.log10(np.array(list(table.values()), dtype=np.float64)).astype(np.float32)
        order = np.argsort(keys)
        return keys[order], values[order]

    bi_keys, bi_logp = arrays(p2, lambda k: index[k[0]] * size + index[k[1]])
    tri_keys, tri_logp = arrays(p3, lambda k: (index[k[0]] * size + index[k[1]]) * size + index[k[2]])
    bow2_keys, bow2 = arrays(gamma3, lambda k: index[k[0]] * size + index[k[1]])
    bow1 = np.zeros(size, dtype=np.float32)
    for b, g in gamma2.items():
        bow1[index[b]] = math.log10(g)
    with np.errstate(divide="ignore"):
        uni_logp = np.where(p1 > 0, np.log10(np.maximum(p1, 1e-300)), -99.0).astype(np.float32)
    return {
        "vocab": np.array("\n".join(vocab)), "unigram": uni_logp, "bow1": bow1,
        "bigram_keys": bi_keys, "bigram": bi_logp, "trigram_keys": tri_keys, "trigram": tri_logp,
        "bow2_keys": bow2_keys, "bow2": bow2, "counts": np.array([uni[w] for w in vocab[:-1]] + [0], dtype=np.int64),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    started = time.time()
    uni, bi, tri, capitalised = count(training_laws(args.corpus) + [name_phrases()])
    print(f"counted {sum(uni.values()):,} syllables, {len(uni):,} types, {len(bi):,} pairs, {len(tri):,} triples "
          f"in {time.time() - started:.0f} s")
    model = kneser_ney(uni, bi, tri)
    model["capitalised"] = np.array([capitalised[w] for w in str(model["vocab"]).split("\n")], dtype=np.int64)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **model)
    print(f"model written to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
