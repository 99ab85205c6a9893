"""The names of Vietnamese laws (data/law_names.txt, built from the legal corpus by
`make law-names`): what lets a damaged or abbreviated law name be spelt right."""

from __future__ import annotations

from functools import cache
from importlib import resources

LAW_NAMES = "data/law_names.txt"


@cache
def law_names() -> list[str]:
    """Every law name of the list, as written."""
    text = resources.files("vietnamese").joinpath(LAW_NAMES).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]
