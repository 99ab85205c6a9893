"""Where documents come from: the provinces, their districts, and the levels of
administrative units (tỉnh, huyện, xã …)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .folding import fold, fold_key

# The 63 provinces and centrally-run cities (and Huế, a city since 2025), one per line.
PROVINCES = resources.files("vietnamese").joinpath("data/provinces.txt").read_text("utf-8").splitlines()
# Provinces that are cities under central authority ("thành phố Hà Nội").
CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
# Each province by its folded key, and the other ways its name is written.
PROVINCE_KEYS = {fold_key(p): p for p in PROVINCES}
PROVINCE_KEYS["ba ria vung tau"] = "Bà Rịa - Vũng Tàu"
PROVINCE_KEYS["tp ho chi minh"] = "Hồ Chí Minh"
PROVINCE_KEYS["thanh pho ho chi minh"] = "Hồ Chí Minh"

# The levels of administrative units: province, district, commune ("thành phố" is a
# centrally-run city, or a city within a province).
PROVINCE_LEVELS = ("tỉnh", "thành phố")
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_LEVELS = ("xã", "phường", "thị trấn")
LEVELS = tuple(dict.fromkeys(PROVINCE_LEVELS + DISTRICT_LEVELS + COMMUNE_LEVELS))
# Each level by its folded form, and "tp", its abbreviation.
LEVEL_KEYS = {fold(level): level for level in LEVELS} | {"tp": "thành phố"}


@cache
def districts() -> list[tuple[str, str, str]]:
    """The districts before the 2025 reform (data/districts.txt): (province, level, name),
    ("Hà Nội", "thị xã", "Sơn Tây")."""
    found = []
    for line in resources.files("vietnamese").joinpath("data/districts.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            province, district = line.split("\t")
            level = next((level for level in DISTRICT_LEVELS if district.lower().startswith(level + " ")), None)
            if level is None:
                raise ValueError(f"unknown kind of district: {district}")
            found.append((province, level, district[len(level) + 1:]))
    return found


@cache
def place_syllables() -> frozenset[str]:
    """The syllables of the names of provinces and districts, lowercase with their
    marks, some of which no other Vietnamese word spells (Đắk, Lắk, Kạn, Krông)."""
    names = [p for p in PROVINCES if p] + [name for _, _, name in districts()]
    return frozenset(w for name in names for w in re.split(r"[\s-]+", name.lower()) if w.isalpha())
