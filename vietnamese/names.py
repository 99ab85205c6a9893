"""The names of people: surnames, middle names and given names (data/person_names.txt)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def person_names() -> dict[str, list[str]]:
    """The sections of person_names.txt: "surnames", "middle names", "given names"."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in resources.files("vietnamese").joinpath("data/person_names.txt").read_text("utf-8").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif not line.startswith("#"):
            current.extend(line.split())
    return sections


SURNAMES = person_names()["surnames"]
