"""Restoring Vietnamese text that lost its diacritics or went through OCR.

Each line is first classified (`assess_line`): correct Vietnamese (and English
prose) is kept as it is; a line typed without marks is restored (each word
becomes one of the syllables that differ from it only by marks); a line garbled
by OCR without a Vietnamese model is corrected (each word may also become a
syllable a few edits away, with a cost for each edit). Text read by OCR with a
Vietnamese model (`restore(source="ocr")`, or words it doubted) looks correct:
its lines are polished, each word may take another marking of its letters where
context and what that OCR does to marks (`ocr_marks`) make it likelier by a
margin. Where the print was too small to show its marks (`small_print`), every
line is polished and any other marking of a word's letters is within a fixed
cost of OCR's reading, however sure OCR was. In every case the trigram model
chooses among the candidates in context, with Viterbi decoding.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

import numpy as np

from vietnamese.abbreviations import ABBREVIATIONS
from vietnamese.folding import strip_marks
from vietnamese.gazetteer import place_syllables
from vietnamese.syllables import NEWER, OLDER, SYLLABLE_SHAPE, apply_case, in_style, tone_placements, tone_style
from vietnamese.syllables import valid_syllables as syllables

from .model import MODEL, TrigramModel, load
from .ocr_marks import channel_score, substitutes
from .syllables import ABBREVIATION, COMMA, GARBLED_TOKEN, NUMBER, TOKEN, UNKNOWN, WORD, is_abbreviation, is_capitalised_name, is_roman_number, segments

KEEP, RESTORE, CORRECT, POLISH, SMALL_PRINT = "keep", "restore", "correct", "polish", "small print"
OCR_SOURCE = "ocr"  # `restore(source=...)` of text read by OCR with a Vietnamese model
POLISHED_WORDS = 3  # words a line needs for its marks to be polished (fewer: too little context)
POLISH_SURE = "polish sure"  # a word of a polished line that OCR was sure of: changed only at SURE_POLISH_COST
SMALL_PRINT_SURE = "small print sure"  # the same on a line of small print
_SURE = {POLISH: POLISH_SURE, SMALL_PRINT: SMALL_PRINT_SURE}
MAX_KEYS = 8  # unmarked forms considered for one garbled word
REWRITE_COST = 0.3  # log10 cost of reading one of OCR's usual substitutes back
TRUST_MARKED = 1.0
# In OCR output that looks correct, another marking of the same letters replaces
# what OCR read when it is this much (log10) more likely in context and channel
# (`_remarkings`): a word OCR was unsure of, or (dearer) one it was sure of.
POLISH_COST = 0.0
SURE_POLISH_COST = 1.0
_MARGINS = {POLISH: POLISH_COST, POLISH_SURE: SURE_POLISH_COST,
            SMALL_PRINT: POLISH_COST, SMALL_PRINT_SURE: SURE_POLISH_COST}
# At about 100 dpi a hook above (ủ), a grave (ù) and a tilde (ũ) are a few pixels that
# OCR cannot tell apart, and it is sure of its reading all the same ("Chính phù", "Lão"):
# on such print every other marking of a word's letters is at most this much (log10)
# less likely than OCR's reading, whatever the channel learned on clearer renders says.
# Measured (2026-11-29, syllables right on the transcribed pages 13 p1 / p2 at ~96 dpi, and
# wrong on 16 held-out renders of small print, 8,357 syllables): 1.5: 94.6% / 96.5%, 126;
# 2.0: 95.3% / 97.1%, 128; 2.5: 95.3% / 97.1%, 137.
SMALL_PRINT_COST = 2.0
MAX_REMARKINGS = 12  # other markings of an OCRed word considered, the most frequent first
# Markings of a word typed without marks (or of each form a garbled word may stand
# for) considered, the most frequent first: "do" has 28, and "dò" (thăm dò) is the
# ninth. Measured on stripped text against 8: dev tvpl 829 -> 822 errors, prov 792 ->
# 736, held-out broad 169 -> 154, laws 51 -> 48 (12: the same within 2 errors a set;
# more than 16: no differently); -l eng garble with 4 a form: 98.29% -> 98.81%.
MAX_MARKINGS = 16
# log10 cost of reading an OCRed word the model does not know as a syllable a few
# edits away (costs made for `-l eng` garble): measured on training renders, 0 -> 2.0
# gives 1,373 -> 1,412 errors fixed, 10 introduced either way.
GARBLED_READING = 2.0
MIN_CHANNEL_SCORE = -4.5  # log10: markings OCR would hardly have read so are not considered (-5: a real page's "giữa" became "giao")
WELL_MARKED = 0.5  # share of valid marked syllables from which a line is correct Vietnamese whatever else it has
GARBLED_DOCUMENT = 0.3  # share of garbled lines from which a whole document is treated as garbled
STRIPPED_DOCUMENT = 0.5  # share of unmarked lines from which a whole document is treated as unmarked
# OCR's usual substitutes for Vietnamese letters (FINDINGS.md, the Hưng Yên sample):
# rewriting them first lets a garbled word reach its syllable within the edit budget.
_OCR_FIXES = [
    (r"^c(?:ii|ti|tu|t|l|i)a$", "cua"),  # "của": ciia, ctia, cta, cla
    (r"^t(?=ng)|(?<=^[sx])t$|(?<=d)t(?=c)", "u"),  # "ư" read as "t": tng, st, xt, dtc
    (r"ii|(?<=\w)(?:ir|it|tr)|w", "u"), (r"1", "l"), (r"[60§&]", "o"), (r"[€¢]", "e"), (r"@", "a"),
    (r"\$", "s"), (r"^p(?!h)", "d"), (r"8", "e"), ("ﬁ", "fi"), ("ﬂ", "fl"),
]
# A word Capitalised in mid-sentence is a name: its candidates are weighed by how
# likely each is to be written so, from training (Nguyễn, not nguyên; Sở, not
# số), once the candidates together were seen so NAME_EVIDENCE times.
# Measured (stripped text, 2026-11-29): 0.2 against 0.5 gives held-out broad 99.565% -> 99.569%,
# dev tvpl 98.40% -> 98.41%, prov 98.75% -> 98.77% ("Quý khách" read less often as "Quỹ").
# With the model that has commas and keeps every n-gram, 0.3 against 0.2 (errors): tvpl 900 -> 898,
# prov 797 -> 792, broad 181 -> 182 (0.1: 900, 803, 182; 0.4: 903, 790, 182).
NAME_WEIGHT = 0.3
NAME_EVIDENCE = 5
# A two-digit "number" in a garbled line may be a word ("ty 18" is "tỷ lệ"): its
# letter readings are candidates too, this much less likely (log10) than a number.
DIGITS_AS_LETTERS = 1.0
WRAPPED_LINE = 50  # characters: a line this long that ends mid-sentence was wrapped
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
# Abbreviations that administrative documents use where laws write the words
# (`vietnamese.abbreviations`): the decoder reads the words as the abbreviation's
# context, and one typed without marks gets its Đ back ("TTDT" is TTĐT); those
# without words are codes that only get their Đ back ("QD" is QĐ).
# (an acronym typed without marks that is a syllable's shape, "TU" of TƯ, is left to the model: it may be "Tỉnh ủy")
_EXPANSIONS = {form: words for acronym, words in ABBREVIATIONS.items() if words
               for form in {acronym, strip_marks(acronym)} if form == acronym or not SYLLABLE_SHAPE.fullmatch(form.lower())}
_CODE_LETTERS = {strip_marks(acronym): acronym for acronym in ABBREVIATIONS if "Đ" in acronym}
# and those the training corpus writes with an Đ, almost never with a D (TGĐ, ĐVT; `make train-lm`)
_LEARNT_ABBREVIATIONS = [line.split("\t")[0] for line in resources.files("diacritics").joinpath(
    "data/abbreviations.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
_CODE_LETTERS |= {strip_marks(acronym): acronym for acronym in _LEARNT_ABBREVIATIONS}
_VIETNAMESE_MARKED = re.compile(r"[^\x00-\x7f]")


@cache
def _syllables_and_places() -> frozenset[str]:
    """The valid syllables and the syllables of place names (Đắk Lắk, Bắc Kạn), which no other Vietnamese word spells."""
    return syllables() | place_syllables()


@cache
def _unmarked_syllables() -> frozenset[str]:
    return frozenset(strip_marks(s) for s in _syllables_and_places())


_CODE = re.compile(r"(?=(?:.*[A-Z]){2})(?=.*\d)[A-Z\d]+")  # CN22, E1QT (not "S6", OCR's Số)


def _is_acronym(word: str) -> bool:
    """An abbreviation, a code of capitals and digits, or short capitals that are no syllable ("BYT")."""
    if is_abbreviation(word) or _CODE.fullmatch(word):
        return True
    return word.isalpha() and word.isupper() and len(word) <= 3 and strip_marks(word.lower()) not in _unmarked_syllables()


# Words meant as written although no Vietnamese syllable: units, the parts of a
# hyphenated compound that has such a part ("check-in", "e-mail"), words in
# mixed case ("kW", "iPhone").
_UNIT = re.compile(r"(?:[kcdm]?m|ha)[23]")
_COMPOUND = re.compile(r"(?<![\w/-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w/-])")
_MIXED_CASE = re.compile(r".*[a-z][A-Z]")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})|x{0,3}(?:ix|iv|v?i{0,3})")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@cache
def _corpus_words() -> frozenset[str]:
    """Words of three letters or more that the training corpus writes, as they are,
    at least five times and that are no Vietnamese syllable nor its unmarked
    form: foreign words and names (font, email, online, roman). Read from the
    model file alone (its vocabulary, not its tables)."""
    data = np.load(MODEL)
    return frozenset(w for w, n in zip(str(data["vocab"]).split("\n"), data["counts"].tolist())
                     if n >= 5 and len(w) >= 3 and w.isascii() and w.isalpha()
                     and not SYLLABLE_SHAPE.fullmatch(w))


def _foreign(word: str) -> bool:
    """A word written as it is meant that is no possible stripped Vietnamese
    syllable: a unit, a word in mixed case, a foreign word or name the corpus
    writes so, or one Capitalised (Tahoma, Arial)."""
    if not word.isascii() or SYLLABLE_SHAPE.fullmatch(word.lower()):
        return False
    if _UNIT.fullmatch(word) or _MIXED_CASE.match(word):
        return True
    if not word.isalpha() or len(word) < 3:
        return False
    if word.lower() in _corpus_words():
        return True
    # A Capitalised name of several syllables' worth of vowels (Tahoma, Google),
    # not OCR's spelling of one syllable ("Ludt", "Phirong" for Phương).
    capitalised = word[:1].isupper() and word[1:].islower()
    return capitalised and len(_VOWEL_GROUPS.findall(word.lower())) >= 2 and not SYLLABLE_SHAPE.fullmatch(
        _ocr_rewritten(word.lower()))


def _is_label(line: str, m: re.Match[str]) -> bool:
    """A Roman numeral that numbers a heading or an item ("VI." starting a line, "(ii)"), kept as written."""
    if not _ROMAN.fullmatch(m.group()):
        return False
    before = line[:m.start()]
    return line[m.end():m.end() + 1] in (".", ")") and (not before.strip() or before.endswith("("))


def _compound_parts(line: str) -> set[int]:
    """Start offsets of the words of hyphenated compounds that are not Vietnamese ("check-in")."""
    starts = set()
    for m in _COMPOUND.finditer(line):
        parts = m.group().split("-")
        # (codes such as QD-TTg have a part in capitals: `_entries` reads them)
        if not any(part.isupper() for part in parts) and any(not SYLLABLE_SHAPE.fullmatch(p.lower()) for p in parts):
            offset = m.start()
            for part in parts:
                starts.add(offset)
                offset += len(part) + 1
    return starts


def _assessed_words(line: str) -> list[str]:
    """The words that tell whether a line is damaged: no numbers, acronyms,
    abbreviations of one or two letters ("b/c", "Ng."), nor words meant as
    written that are not Vietnamese (`_foreign`, "check-in")."""
    valid = syllables()
    compounds = _compound_parts(line)
    return [
        w for m in GARBLED_TOKEN.finditer(line) for w in (m.group(),)
        if not w.isdigit() and not _is_acronym(w) and not (w.isalpha() and len(w) <= 2 and w.lower() not in valid)
        and not (w[:1].isdigit()) and m.start() not in compounds and not (w.lower() not in valid and _foreign(w))
        and not _is_label(line, m)
    ]


@dataclass(frozen=True)
class LineAssessment:
    words: int
    marked: float  # share of words with Vietnamese marks
    invalid: float  # share of words that are no Vietnamese syllable
    action: str  # keep, restore or correct


# English words that no Vietnamese syllable is, stripped or garbled, and that English
# prose is full of: a line with two of them, a tenth of its words, is English, kept as
# it is (without this, "This is an English memo" was "corrected" into "Thì s an English mm").
_ENGLISH_WORDS = frozenset(
    "of and is for with are this these shall which from will must was were has have all or".split())
ENGLISH_SHARE = 0.1


def _is_english(line: str) -> bool:
    words = [w.lower() for w in WORD.findall(line)]
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english >= 2 and english >= ENGLISH_SHARE * len(words)


def assess_line(line: str) -> LineAssessment:
    """Whether a line is correct Vietnamese (keep), lost its marks (restore) or is garbled
    (correct); a line of English prose is kept."""
    valid = _syllables_and_places()
    words = _assessed_words(line)
    if not words or _is_english(line):
        return LineAssessment(len(words), 0.0, 0.0, KEEP)
    marked = sum(bool(_VIETNAMESE_MARKED.search(w)) for w in words) / len(words)
    wrong = sum(w.lower() not in valid for w in words)
    invalid = wrong / len(words)
    # Typed without marks: (almost) no marks, and every word has a syllable's shape.
    unmarked = marked < 0.25 and all(w.isascii() and (SYLLABLE_SHAPE.fullmatch(w.lower()) or w.lower() in _unmarked_syllables())
                                     for w in words)
    # Mostly valid syllables written with their marks (which OCR without a Vietnamese
    # model rarely produces): correct Vietnamese with some words that are not ("stent", "C1-C2").
    well_marked = sum(bool(_VIETNAMESE_MARKED.search(w)) and w.lower() in valid for w in words) >= WELL_MARKED * len(words)
    if unmarked and (len(words) >= 2 or wrong):
        action = RESTORE
    elif not well_marked and (wrong >= 2 and invalid > 0.12 or len(words) >= 2 and invalid > 0.5):
        action = CORRECT
    else:
        action = KEEP
    return LineAssessment(len(words), marked, invalid, action)


def _share(assessments: list[LineAssessment], action: str) -> float:
    """Share of the lines of two words or more that were assessed as `action`."""
    worded = [a for a in assessments if a.words >= 2]
    return sum(a.action == action for a in worded) / len(worded) if worded else 0.0


def looks_garbled(text: str) -> bool:
    """Whether `text` reads like OCR without a Vietnamese model (or a broken font
    mapping) throughout, rather than Vietnamese with or without its marks."""
    return _share([assess_line(line) for line in text.split("\n")], CORRECT) >= GARBLED_DOCUMENT


def text_quality(text: str) -> float:
    """Share of the words of `text` that are valid Vietnamese syllables (1.0 for no words)."""
    valid = syllables()
    words = _assessed_words(text)
    if not words:
        return 1.0
    return sum(w.lower() in valid for w in words) / len(words)


@dataclass
class Restoration:
    text: str
    lines_restored: int
    lines_corrected: int
    changed: bool


@cache
def _keys() -> list[str]:
    return sorted(load().candidates)


def _edit_costs(written: str, keys: list[str]) -> list[float]:
    """Weighted edit distance (log10 units) from what OCR wrote (lowercase, marks
    kept) to each candidate's unmarked form. OCR without a Vietnamese model drops
    marks freely (no cost), writes a marked vowel for a different one ("gém" for
    "gồm": 0.4), rarely turns a plain vowel into another (0.7), and rarely changes
    consonants (1.8; a vowel left out or added 0.8, a consonant 1.6). Compiled
    (`_search.edit_cost`): a garbled word is weighed against hundreds of keys."""
    from ._search import edit_cost

    base = strip_marks(written)
    marked = bytes(w != b for w, b in zip(written, base))
    return [edit_cost(base, marked, key) for key in keys]


def _ocr_rewritten(written: str) -> str:
    """A garbled word with OCR's usual substitutes read back ("chirc" -> "churc")."""
    for wrong, right in _OCR_FIXES:
        written = re.sub(wrong, right, written)
    return written


@cache
def _garbled_candidates(written: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Syllables a garbled word (lowercase) may stand for, with log10 channel scores."""
    model = load()
    rewritten = _ocr_rewritten(written)
    costs: dict[str, float] = {}
    for query, extra in ((written, 0.0), (rewritten, REWRITE_COST)):
        if extra and query == written:
            continue
        keys = [key for key, _, _ in process.extract(strip_marks(query), _keys(), scorer=Levenshtein.distance,
                                                       score_cutoff=2, limit=None)]
        for key, cost in zip(keys, _edit_costs(query, keys)):
            costs[key] = min(costs.get(key, 99.0), cost + extra)
    best = sorted(costs.items(), key=lambda item: item[1])[:MAX_KEYS]
    scores: dict[int, float] = {}
    for key, cost in best:
        for i in model.candidates[key][:MAX_MARKINGS]:
            scores[i] = -cost
    # What OCR was seen to write for each syllable (training.ocr_channel).
    readings = _learned_channel().get(written, {})
    total = readings.get("", 0)
    for syllable, count in readings.items():
        if syllable and syllable in model.index:
            i = model.index[syllable]
            scores[i] = max(scores.get(i, -99.0), math.log10(count / total))
    return tuple(scores), tuple(scores.values())


@cache
def _learned_channel() -> dict[str, dict[str, int]]:
    path = resources.files("diacritics").joinpath("data/channel.json")
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def _names_in(lines: list[str], actions: list[str]) -> dict[str, str]:
    """Names written with their marks in the correct lines of a document: words
    Capitalised in mid-sentence (`is_capitalised_name`), not a line's first word
    ("Số:", "Nơi nhận:" are no spellings of "Sở", "Nội") nor words in capitals (a
    heading's "CÔNG" is no spelling of "CỘNG"). A name the document spells two
    ways is left to the model."""
    spelt: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for line, action in zip(lines, actions):
        if action != KEEP:
            continue
        for m in WORD.finditer(line):
            word = m.group()
            if _VIETNAMESE_MARKED.search(word) and is_capitalised_name(line, m):
                spelt.setdefault(strip_marks(word), set()).add(min(tone_placements(word.lower())))
                names.setdefault(strip_marks(word), word)
    return {key: name for key, name in names.items() if len(spelt[key]) == 1}


def _word_candidates(model: TrigramModel, word: str, action: str) -> tuple[list[int], list[float]] | None:
    """The syllables a word may stand for, with channel scores; None to keep the word as written."""
    if action == CORRECT:
        ids, costs = _garbled_candidates(word.lower())
        ids, costs = list(ids), list(costs)
        own = model.index.get(word.lower())
        if own is not None and re.search(r"[^\x00-\xff]", word) and word.lower() in syllables():
            # A valid syllable written with marks beyond Latin-1 (ư, ơ, ạ, ế …), which
            # OCR without a Vietnamese model never produces, is more likely right than not.
            if own in ids:
                costs[ids.index(own)] += TRUST_MARKED
            else:
                ids.append(own)
                costs.append(TRUST_MARKED)
        return (ids, costs) if ids else None
    lower = word.lower()
    if action in _MARGINS:
        return _remarkings(lower, _MARGINS[action], small_print=action in (SMALL_PRINT, SMALL_PRINT_SURE))
    if _VIETNAMESE_MARKED.search(word) and lower in model.index:
        return [model.index[lower]], [0.0]  # typed with its marks: trust them
    ids = model.candidates.get(strip_marks(lower))
    return (ids[:MAX_MARKINGS], [0.0] * len(ids[:MAX_MARKINGS])) if ids else None


@cache
def _remarkings(written: str, margin: float, small_print: bool = False) -> tuple[list[int], list[float]] | None:
    """What OCR with a Vietnamese model that wrote `written` (lowercase) may have
    read wrong: the other markings of its letters, and of its letters with one
    that OCR often writes for another put back, weighed by how likely OCR was
    to write it for each (`ocr_marks`), and `margin` less likely than OCR's own
    reading, which must be that much (log10) less likely in context to be replaced.
    A reading the model does not know (OCR's "tât", "đoanh") has no such
    advantage and may also be a syllable a few edits away; a word without
    Vietnamese marks that is no syllable is kept, unless the print was small:
    there every other marking of its letters is within SMALL_PRINT_COST of OCR's
    reading (as likely as any other when that reading is no syllable: "lich", "giừa")."""
    model = load()
    own = next((model.index[form] for form in tone_placements(written) if form in model.index), None)
    if own is None and not small_print and not _VIETNAMESE_MARKED.search(written) and written not in syllables():
        return None
    plain = strip_marks(written)
    # its own letters, and those with one letter OCR often writes for another put back (hộ: bộ)
    keys = [plain] + [plain[:at] + true + plain[at + 1:] for at, letter in enumerate(plain)
                      for true in substitutes().get(letter, ())]
    ids, scores = [], []
    for key in keys:
        for i in model.candidates.get(key, [])[:MAX_REMARKINGS]:
            score = channel_score(model.vocab[i], written)
            if i == own or score > MIN_CHANNEL_SCORE:
                ids.append(i)
                scores.append(score - (margin if i != own and own is not None else 0.0))
    if small_print:
        floor = -SMALL_PRINT_COST if own is not None else 0.0
        for i in model.candidates.get(plain, [])[:MAX_REMARKINGS]:
            if i == own:
                continue
            if i in ids:
                scores[ids.index(i)] = max(scores[ids.index(i)], floor)
            else:
                ids.append(i)
                scores.append(floor)
    if own is None:  # a garbled reading ("thucờc"): also the syllables a few edits away
        for i, score in zip(*_garbled_candidates(written)):
            if i not in ids:
                ids.append(i)
                scores.append(score - GARBLED_READING)
    return (ids, scores) if ids else None


class _Entry(NamedTuple):
    """A word of a run: the ids it may stand for, their channel scores, and
    whether it is written back as it is (numbers, codes; None for the extra
    syllables of an expanded abbreviation)."""

    match: re.Match[str] | None
    ids: list[int]
    scores: list[float]
    kept: bool = False


@cache
def _word_entries(word: str, action: str) -> tuple[tuple[list[int], list[float], bool], ...] | None:
    """How a word takes part in decoding, as (ids, scores, kept) per model token;
    None when the model cannot place it. Words repeat, so this is cached."""
    model = load()
    if word.isdigit():
        ids, scores = [model.index[NUMBER]], [0.0]
        if action == CORRECT and len(word) == 2 and word[0] == "1":
            letters, costs = _garbled_candidates(word)
            return ((ids + list(letters), scores + [c - DIGITS_AS_LETTERS for c in costs], False),)
        return ((ids, scores, True),)
    expansion = _EXPANSIONS.get(word, "").split()
    if expansion and all(w in model.index for w in expansion):
        # The decoder reads the words of the abbreviation as its context.
        return tuple(([model.index[w]], [0.0], True) for w in expansion)
    if _is_acronym(word):
        return (([model.index[ABBREVIATION]], [0.0], True),)
    options = _word_candidates(model, word, action)
    if options is None:
        # A foreign word or name (Tahoma) stays as written but keeps its place in the sentence.
        return (([model.index[UNKNOWN]], [0.0], True),) if action == RESTORE and _foreign(word) else None
    ids, scores = options
    if len(ids) > 1 and word.islower():
        scores = [s + p for s, p in zip(scores, _lowercase_prior(tuple(ids)))]
    return ((ids, scores, False),)


def _entries(model: TrigramModel, line: str, m: re.Match[str], action: str) -> list[_Entry] | None:
    """How one word takes part in decoding; None when the model cannot place it."""
    word = m.group()
    if word == COMMA:
        return [_Entry(m, [model.index[COMMA]], [0.0], kept=True)]
    if is_roman_number(line, m) and not _is_label(line, m):
        return [_Entry(m, [model.index[NUMBER]], [0.0], kept=True)]  # Chương IV, quý III/2025: read as numbers
    if word.isupper() and (line[m.start() - 1:m.start()] in ("/", "-") or line[m.end():m.end() + 1] in ("-", "/")) \
            and not (_VIETNAMESE_MARKED.search(word) and word.lower() in syllables()):
        # a code: 61/2018/NĐ-CP, Đ/c (a syllable with its marks is a word: "CÔNG BÁO/Số 5")
        return [_Entry(m, [model.index[ABBREVIATION]], [0.0], kept=True)]
    if _MIXED_CASE.match(word) or _UNIT.fullmatch(word) or _is_label(line, m):
        return [_Entry(m, [model.index[ABBREVIATION]], [0.0], kept=True)]  # kW, m2, IoT, VI.: written as meant
    found = _word_entries(word, action)
    if found is None:
        return None
    if action == RESTORE and len(found) == 1 and not found[0][2] and _is_lone_capitals(line, m):
        return [_Entry(m, [model.index[ABBREVIATION]], [0.0], kept=True)]
    if len(found) == 1:
        ids, scores, kept = found[0]
        if word[:1].isupper() and len(ids) > 1 and is_capitalised_name(line, m):
            scores = [s + p for s, p in zip(scores, _name_prior(tuple(ids)))]
        return [_Entry(m, ids, scores, kept)]
    # Only the first token carries the word; an abbreviation's other tokens are context.
    return [_Entry(m if i == 0 else None, ids, scores, kept) for i, (ids, scores, kept) in enumerate(found)]


_MARKED_ABBREVIATIONS = frozenset(strip_marks(a) for a in ABBREVIATIONS if strip_marks(a) != a)  # TU: TƯ


def _is_lone_capitals(line: str, m: re.Match[str]) -> bool:
    """A short word in capitals whose neighbouring words are not, in a line of
    lowercase words ("trí tuệ nhân tạo (AI)", "công nghệ BIM trong quản lý"): an
    acronym, not a word of a heading. In the dev texts, such words are acronyms
    734 times and marked Vietnamese never, but for abbreviations (QĐ, HĐND, TƯ).
    Only for text typed without marks: OCR garble misreads capitals too (the
    `-l eng` garble bench fell from 98.29% to 97.53% with it)."""
    word = m.group()
    if not (word.isupper() and 2 <= len(word) <= 4) or word in _MARKED_ABBREVIATIONS:
        return False
    before = _WORD_BEFORE.search(line, max(0, m.start() - _NEIGHBOUR_REACH), m.start())
    after = WORD.search(line, m.end(), m.end() + _NEIGHBOUR_REACH)
    if (before and before.group(1).isupper()) or (after and after.group().isupper()):
        return False
    return _has_lowercase_words(line)


_NEIGHBOUR_REACH = 40  # characters looked at on each side for a word's neighbour (a line may be a whole text)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\W_]*?[\W\d_]*$")


@lru_cache(maxsize=64)
def _has_lowercase_words(line: str) -> bool:
    return any(w.islower() and len(w) > 1 for w in WORD.findall(line))


@cache
def _name_prior(ids: tuple[int, ...]) -> tuple[float, ...]:
    """log10 share of each candidate's uses that were Capitalised in mid-sentence
    (how likely it is to be written so; the model already weighs how common it is)."""
    model = load()
    if sum(model.capitalised[i] for i in ids) < NAME_EVIDENCE:
        return (0.0,) * len(ids)
    return tuple(NAME_WEIGHT * math.log10((model.capitalised[i] + 0.5) / (model.counts[i] + 1)) for i in ids)


@cache
def _lowercase_prior(ids: tuple[int, ...]) -> tuple[float, ...]:
    """log10 share of each candidate's uses that were not a Capitalised name: a
    word written in lowercase is rarely one that is almost always a name ("đà" of Đà Bắc)."""
    model = load()
    return tuple(NAME_WEIGHT * math.log10((model.counts[i] - model.capitalised[i] + 1) / (model.counts[i] + 1))
                 for i in ids)


def _runs(model: TrigramModel, line: str, action: str, unsure: set[int]) -> list[list[_Entry]]:
    """Runs of words to decode together. A word the model cannot place (a URL,
    an unknown word) ends a run and is written back as it is."""
    urls = [(m.start(), m.end()) for m in _URL.finditer(line)]
    compounds = _compound_parts(line)
    runs: list[list[_Entry]] = []
    for segment in segments(line, GARBLED_TOKEN if action == CORRECT else TOKEN):
        run: list[_Entry] = []
        for m in segment:
            word_action = action if m.start() in unsure else _SURE.get(action, action)
            as_written = m.start() in compounds or urls and any(s <= m.start() < e for s, e in urls)
            entries = None if as_written else _entries(model, line, m, word_action)
            if entries is None:
                runs.append(run)
                run = []
            else:
                run.extend(entries)
        runs.append(run)
    return [run for run in runs if run]


def _written_ids(model: TrigramModel, line: str) -> list[int]:
    """The model's ids of the syllables of a line kept as correct Vietnamese: one
    with marks (an unmarked line kept may be a short one typed without them) and
    no English."""
    if not _VIETNAMESE_MARKED.search(line) or _is_english(line):
        return []
    valid = syllables()
    return [model.index[word] for word in (w.lower() for w in WORD.findall(line)) if word in valid and word in model.index]


def _document_style(lines: list[str], actions: list[str]) -> str:
    """The tone placement (hòa or hoà) that the document's correct (or OCR-read)
    lines show most; where they show none, the older one (hòa, thủy, khỏe), which
    real documents write: each of the 42 texts of ../shared/dev/tvpl and prov that
    shows a placement shows mostly the older one (1,219 words against 46)."""
    shown = Counter(tone_style(w) for line, action in zip(lines, actions) if action in (KEEP, POLISH, SMALL_PRINT)
                    for w in WORD.findall(line))
    return NEWER if shown[NEWER] > shown[OLDER] else OLDER


def _restore_lines(model: TrigramModel, lines: list[str], actions: list[str], names: dict[str, str],
                   unsure: list[set[int]]) -> list[str]:
    """The lines with their words replaced as decoded; all runs of the text are decoded in one call."""
    # Imported here: most texts need no decoding, and the compiled decoder need not be loaded for them.
    from .viterbi import Lattice, decode

    lattice = Lattice()
    placed: list[tuple[int, list[_Entry]]] = []
    open_line, open_word = -1, ""  # the line whose last run reached its end (and that run's last word), which the next line may continue
    for index, (line, action) in enumerate(zip(lines, actions)):
        if action == KEEP:
            lattice.written += _written_ids(model, line)
            continue
        for run in _runs(model, line, action, unsure[index]):
            first = run[0].match
            last = [e.match for e in run if e.match is not None][-1]
            # A sentence wrapped onto the next line is decoded as one: the words on
            # both sides of the break are each other's context. A Capitalised word
            # continues only a full line, or a name broken after a Capitalised word
            # ("Sở\nKhoa học"), not the next heading or item. In small print every
            # line continues the one before, across blank lines: the words of a
            # signature block or heading ("TL. BỘ TRƯỞNG\nKT. VỤ TRƯỞNG\n\nVỤ LUẬT")
            # are the context of marks OCR could not see.
            start = first.group()
            follows = open_line >= 0 and not line[:first.start()].strip() and not "".join(lines[open_line + 1:index]).strip()
            wrapped = follows and (action == SMALL_PRINT or open_line == index - 1 and (
                start.islower() or start[1:].islower() and (len(lines[index - 1].strip()) >= WRAPPED_LINE
                                                            or open_word[1:].islower() and open_word[:1].isupper())))
            lattice.add_run([e.ids for e in run], [e.scores for e in run], continues=wrapped)
            placed.append((index, run))
            open_line, open_word = (index, last.group()) if not line[last.end():].strip() else (-1, "")
    chosen = iter(decode(model, lattice))
    style = _document_style(lines, actions)
    number = model.index[NUMBER]
    replacements: dict[int, list[tuple[int, int, str]]] = {}
    for index, run in placed:
        for entry, syllable in zip(run, chosen):  # zip takes from run first: chosen stays in step
            m = entry.match
            if m is None:
                continue
            word = m.group()
            if entry.kept or syllable == number:
                out = _CODE_LETTERS.get(word, word)
            else:
                out = apply_case(word, model.vocab[syllable])
                if strip_marks(out) in names and is_capitalised_name(lines[index], m):
                    out = names[strip_marks(out)]  # the document's own spelling of a name
                else:
                    out = in_style(out, style)
                if out.lower() in tone_placements(word.lower()):
                    out = word  # the syllable as written, its tone where the text put it
            if out != word:
                replacements.setdefault(index, []).append((m.start(), m.end(), out))
    out_lines = list(lines)
    for index, changes in replacements.items():
        line = lines[index]
        for start, end, out in sorted(changes, reverse=True):
            line = line[:start] + out + line[end:]
        out_lines[index] = line
    return out_lines


_LABEL = re.compile(r"^(\s*)([a-zđ])(?=\)\s)")
# "các điểm c, d, đ, e": in a list of item letters, a "d" named right after a "d" is "đ".
_REPEATED_D = re.compile(r"(?<![\w/])(d(?:,\s*|\s+(?:và|hoặc)\s+))d(?![\w/])")


def _list_labels(lines: list[str], actions: list[str]) -> list[str]:
    """Items of a list are labelled a), b), c), d), đ), e): a restored "d)" that
    follows a "d)" of the same document is "đ)", which only the order tells; so
    is a "d" named right after a "d" in a restored line ("các điểm d, đ và e")."""
    out, previous = list(lines), ""
    for index, line in enumerate(lines):
        if actions[index] != KEEP:
            line = out[index] = _REPEATED_D.sub(r"\1đ", line)
        label = _LABEL.match(line)
        if label is None:
            continue
        letter = label.group(2)
        if letter == "d" and previous == "d" and actions[index] != KEEP:
            out[index] = _LABEL.sub(r"\1đ", line, count=1)
            letter = "đ"
        previous = letter
    return out


@dataclass(frozen=True)
class Passage:
    """One part of a document to restore (a page), and how it was read: `source`
    "ocr" for text read by OCR with a Vietnamese model, the (start, end) spans of
    the words OCR was unsure of (`doubtful`), and whether the print was too
    small to show its marks (`small_print`); see `restore`."""

    text: str
    doubtful: list[tuple[int, int]] | None = None
    source: str = "text"
    small_print: bool = False


def restore(text: str, force: str | None = None, doubtful: list[tuple[int, int]] | None = None,
            source: str = "text", small_print: bool = False) -> Restoration:
    """Restore or correct the lines of `text` that need it; keep the others as they are.

    `force` applies one action (restore or correct) to every line. `source` "ocr"
    says `text` was read by OCR with a Vietnamese model: the marks of lines that
    look correct are then polished, each word changed where the model and what
    OCR is known to do with marks (`ocr_marks`) make another marking likelier
    by a margin. `doubtful` are the (start, end) spans of words OCR was unsure
    of: their margin is smaller. Without source "ocr", only lines with doubtful
    words are polished; clean text (`source` "text") is otherwise kept.
    `small_print` says OCR read print too small to show its marks: every line
    with a word is polished, and each word may take any other marking of its
    letters at a cost of SMALL_PRINT_COST at most, however sure OCR was.
    """
    return restore_document([Passage(text, doubtful, source, small_print)], force)[0]


def restore_document(passages: list[Passage], force: str | None = None) -> list[Restoration]:
    """Restore the passages of one document (its pages) together, each as `restore`
    does: the names the document spells, its tone placement and the words it is
    sure of hold for all of them, and a sentence may run from one into the next."""
    lines: list[str] = []
    actions: list[str] = []
    unsure: list[set[int]] = []
    for passage in passages:
        part_lines, part_actions, part_unsure = _line_actions(passage, force)
        lines += part_lines
        actions += part_actions
        unsure += part_unsure
    if all(action == KEEP for action in actions):
        return [Restoration(p.text, 0, 0, False) for p in passages]  # correct Vietnamese: the model is not even loaded
    model = load()
    out_lines = _list_labels(_restore_lines(model, lines, actions, _names_in(lines, actions), unsure), actions)
    results, start = [], 0
    for passage in passages:
        end = start + passage.text.count("\n") + 1
        restored = unicodedata.normalize("NFC", "\n".join(out_lines[start:end]))
        part_actions = actions[start:end]
        corrected = part_actions.count(CORRECT) + part_actions.count(POLISH) + part_actions.count(SMALL_PRINT)
        results.append(Restoration(restored, part_actions.count(RESTORE), corrected, restored != passage.text))
        start = end
    return results


def _line_actions(passage: Passage, force: str | None) -> tuple[list[str], list[str], list[set[int]]]:
    """The passage's lines, what to do with each, and the start offsets of its doubtful words in each line."""
    lines = passage.text.split("\n")
    if force:
        actions = [force] * len(lines)
    else:
        assessments = [assess_line(line) for line in lines]
        actions = [a.action for a in assessments]
        # In a document that OCR garbled throughout, short or sparsely marked lines
        # that look valid on their own ("dén nam 2030;") are garbled too.
        if _share(assessments, CORRECT) >= GARBLED_DOCUMENT:
            actions = [CORRECT if act == KEEP and a.words and a.marked < 0.6 else act
                       for act, a in zip(actions, assessments)]
        elif _share(assessments, RESTORE) >= STRIPPED_DOCUMENT:
            # In a document typed without marks, so are its one-word lines ("So: 1042/QD-UBND"),
            # and its lines with foreign words, codes and units ("stent", "Big Data", "4x6cm"),
            # which alone look garbled, are no OCR output: OCR without a Vietnamese model
            # writes Latin-1 marks ("Yén", "céc"), which a line typed without marks has none of.
            actions = [RESTORE if act in (KEEP, CORRECT) and a.words and a.marked == 0 else act
                       for act, a in zip(actions, assessments)]
    unsure: list[set[int]] = [set() for _ in lines]  # per line: start offsets of doubtful words
    if passage.doubtful:
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        for start, _ in passage.doubtful:
            index = bisect_right(starts, start) - 1
            unsure[index].add(start - starts[index])
    if passage.doubtful or passage.source == OCR_SOURCE:
        actions = [POLISH if act == KEEP and (unsure[i] or passage.source == OCR_SOURCE)
                   and len(_assessed_words(line)) >= POLISHED_WORDS else act
                   for i, (act, line) in enumerate(zip(actions, lines))]
    if passage.small_print:
        actions = [SMALL_PRINT if act in (KEEP, POLISH) and _assessed_words(line) else act
                   for act, line in zip(actions, lines)]
    return lines, actions, unsure
