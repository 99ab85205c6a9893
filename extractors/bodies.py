"""Names of issuing bodies, read from a position in the text.

`parse_body` understands "Ủy ban nhân dân tỉnh Hưng Yên", "UBND huyện",
"Chủ tịch UBND tỉnh", "Tỉnh ủy Hưng Yên", the ministries and other named
bodies, in clean or OCR-damaged text ("Van phong Chinh phii"), and returns
the canonical spelling with abbreviations expanded.
"""

from __future__ import annotations

import re

from rapidfuzz import process, fuzz

from vietnamese.bodies import BODY_KINDS, OFFICIAL_TITLES
from vietnamese.gazetteer import CENTRAL_CITIES, DISTRICT_LEVELS, LEVEL_KEYS, LEVELS, PROVINCE_KEYS

from .folding import best_phrase, fold, fold_key, looks_damaged, squash
from .lexicon import NAMED_BODY_KEYS, titles_pattern

# The level words over the folded text, the longest first ("thi xa" before "xa"); "tp." abbreviated.
_LEVEL_RE = "(?P<level>" + "|".join(
    r"tp\.?" if key == "tp" else key.replace(" ", r"\s+") for key in sorted(LEVEL_KEYS, key=len, reverse=True)) + ")"
_LOCAL = re.compile(
    r"(?P<chair>chu\s+tich\s+)?"
    r"(?P<body>u[yi]\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|h[dđ]nd)"
    rf"(?:\s+{_LEVEL_RE}(?![a-z]))?"
)
_PARTY = re.compile(
    r"(?P<body>ban\s+chap\s+hanh\s+dang\s+bo|ban\s+thuong\s+vu\s+t\S{1,2}nh\s+[uy]y|"
    r"t[i1l]nh\s+[uy]y|th\S{1,2}nh\s+[uy]y|huy\S{1,2}n\s+[uy]y|[dp]\S{1,2}ng\s+[uy]y)(?![a-z])"
    rf"(?:\s+{_LEVEL_RE}(?![a-z]))?"
)
_PARTY_NAMES = {
    "ban chap hanh dang bo": "Ban Chấp hành Đảng bộ",
    "tinh uy": "Tỉnh ủy", "thanh uy": "Thành ủy", "huyen uy": "Huyện ủy",
    "dang uy": "Đảng ủy",
}
_LOCAL_NAMES = {"hoi dong nhan dan": "Hội đồng nhân dân", "hdnd": "Hội đồng nhân dân"}
_CAPITALISED_WORD = re.compile(r"[^\W\d_][\w]*")
# An official's title before a body is no part of its name ("Giám đốc Sở Y tế", "Bộ trưởng, Chủ nhiệm
# Ủy ban Dân tộc"), but for a title that opens the name of an issuing authority: "Thủ tướng Chính phủ",
# "Chủ tịch nước", "Chủ tịch Ủy ban nhân dân" (read by `_LOCAL`).
_AUTHORITY_KEYS = [*NAMED_BODY_KEYS, "chu tich uy ban nhan dan"]
_TITLES = re.compile(titles_pattern(
    t for t in OFFICIAL_TITLES if not any(f"{k} ".startswith(f"{fold_key(t)} ") for k in _AUTHORITY_KEYS)) + r"[\s,]*")


# Kinds of bodies that a proper name follows, folded, the longest first; by the Vietnamese convention
# the first word of that name keeps its capital ("VỤ PHÁP CHẾ" -> "Vụ Pháp chế").
_BODY_KINDS = sorted((fold(k).split() for k in BODY_KINDS), key=len, reverse=True)
_DISTRICT_KEYS = {fold(level) for level in DISTRICT_LEVELS}
_PLACE_LEVELS = {level.split()[-1] for level in LEVELS}  # the last word of a level: "phố", "trấn", "xã"
_ROMAN = re.compile(r"[ivx]+")


def starts_with_body_kind(words: str) -> bool:
    """Whether `words` open with a kind of body ("CỤC THUẾ …", "Chi cục …")."""
    folded = fold(squash(words)).split()
    return any(folded[:len(k)] == k for k in _BODY_KINDS)


def unknown_body_name(capitals: str) -> str:
    """The written form of a body printed in capitals that the vocabulary does not know:
    "CỤC THUẾ TỈNH NGHỆ AN" -> "Cục Thuế tỉnh Nghệ An", "CHI CỤC THUẾ KHU VỰC II" -> "Chi cục Thuế khu vực II"."""
    words = squash(capitals).lower().split()
    folded = [fold(w) for w in words]
    kind = next((len(k) for k in _BODY_KINDS if folded[:len(k)] == k and len(words) > len(k)), 0)
    for i in range(kind + 1, len(words)):
        if folded[i] in ("tp.", "tp"):
            words[i] = "thành phố"  # "CỤC THUẾ TP. HỒ CHÍ MINH": the level written out, as "tỉnh" is
            continue
        if fold_key(" ".join(words[i:])) in PROVINCE_KEYS:  # a province without its level word
            words[i:] = [PROVINCE_KEYS[fold_key(" ".join(words[i:]))]]  # "CỤC THUẾ BÀ RỊA-VŨNG TÀU"
            break
    capital = {0, kind}
    for i in range(1, len(words)):
        if words[i - 1].split()[-1] in _PLACE_LEVELS and i > kind:  # a place name after its level word
            capital.update(range(i, len(words)))
            break
    return " ".join(
        w.upper() if i > kind and _ROMAN.fullmatch(w) and folded[i - 1] == "vuc" else
        w[:1].upper() + w[1:] if i in capital else w
        for i, w in enumerate(words)
    )


def _title_case(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def match_province(name: str, threshold: float = 85.0) -> str | None:
    """The province a (possibly damaged) place name stands for ("Humg Yén" -> Hưng Yên)."""
    key = fold_key(name)
    if not key:
        return None
    if key in PROVINCE_KEYS:
        return PROVINCE_KEYS[key]
    if not looks_damaged(name):
        return None
    found = process.extractOne(key, PROVINCE_KEYS.keys(), scorer=fuzz.ratio, score_cutoff=threshold)
    return PROVINCE_KEYS[found[0]] if found else None


def _capitalised_words(text: str, pos: int, max_words: int = 5) -> list[re.Match[str]]:
    words: list[re.Match[str]] = []
    cursor = pos
    while len(words) < max_words:
        # words of a place name may be joined by a hyphen: "Bà Rịa - Vũng Tàu"
        gap = re.match(r"[ \t]*\n?[ \t]*(?:-[ \t]*)?" if words else r"[ \t]*\n?[ \t]*", text[cursor:])
        m = _CAPITALISED_WORD.match(text, cursor + gap.end())
        if not m or not m.group()[0].isupper():
            break
        words.append(m)
        cursor = m.end()
    return words


def read_place(text: str, pos: int) -> tuple[str, int] | None:
    """Capitalised words at `pos` ("Hải Dương", "HƯNG YÊN"): a place name."""
    words = _capitalised_words(text, pos)
    if not words:
        return None
    return " ".join(w.group() for w in words), words[-1].end()


def _place_after(text: str, pos: int, level: str | None) -> tuple[str | None, int]:
    """A place name after a level word; at province level only a known province."""
    words = _capitalised_words(text, pos)
    if not words:
        return None, pos
    if level in (None, "tinh", "thanh pho", "tp"):
        for n in range(len(words), 0, -1):
            province = match_province(" ".join(w.group() for w in words[:n]))
            if province and (level not in ("thanh pho", "tp") or province in CENTRAL_CITIES):
                return province, words[n - 1].end()
        if level in (None, "tinh"):
            return None, pos
    name = " ".join(w.group() for w in words)
    return (_title_case(name) if name.isupper() else name), words[-1].end()


def parse_body(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """The issuing body named at `pos`, and where its name ends."""
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    title = _TITLES.match(folded, pos)
    if title:
        inner = parse_body(text, folded, title.end())
        if inner:
            return inner
    local = _LOCAL.match(folded, pos)
    if local:
        key = re.sub(r"\s+", " ", local.group("body"))
        body = _LOCAL_NAMES.get(key, "Ủy ban nhân dân")
        if local.group("chair"):
            body = "Chủ tịch " + body
        level = re.sub(r"[\s.]+", " ", local.group("level") or "").strip() or None
        end = local.end()
        if level:
            body += " " + LEVEL_KEYS[level]
            place, end = _place_after(text, end, level)
            if place:
                body += " " + place
        return body, end
    party = _PARTY.match(folded, pos)
    if party:
        key = fold_key(party.group("body"))
        key = re.sub(r"^t[i1l]nh [uy]y$", "tinh uy", key)
        body = _PARTY_NAMES.get(key, _title_case(text[party.start("body"):party.end("body")]))
        end = party.end()
        level = fold_key(party.group("level") or "") or None
        if level:
            body += " " + LEVEL_KEYS.get(level, level)
        place, place_end = _place_after(text, end, level or "tinh")
        if place:
            body, end = f"{body} {place}", place_end
        return body, end
    return best_phrase(folded, pos, NAMED_BODY_KEYS)


def issuer_level(issuer: str | None) -> str | None:
    """government, ministry, province, district, commune or other."""
    if not issuer:
        return None
    key = fold_key(issuer)
    if key in ("chinh phu", "thu tuong chinh phu"):
        return "government"
    if key.startswith(("bo ", "van phong chinh phu", "thanh tra chinh phu", "ngan hang nha nuoc",
                       "uy ban dan toc", "bao hiem xa hoi viet nam", "tong cuc")):
        return "ministry"
    local = re.search(rf"(?:nhan dan|uy) ({'|'.join(fold(level) for level in LEVELS)})\b(.*)", key)
    if local:
        level, place = local.groups()
        if level == "tinh" or level == "thanh pho" and match_province(place or "-") in CENTRAL_CITIES:
            return "province"
        if level in _DISTRICT_KEYS:
            return "district"
        return "commune"
    if key.startswith("so "):
        return "province"
    return "other"
