"""What the stages know of Vietnamese, written once: the layer under `diacritics/`
and `extractors/`, which import it; it imports no stage.

- `folding`: text without its marks, every offset kept (`strip_marks`, `fold`).
- `syllables`: the shape of a syllable, its tone mark's placements, the valid syllables.
- `encodings`: the legacy encodings (TCVN3, VNI, Windows-1258) read into Unicode.
- `gazetteer`: provinces, districts and the levels of administrative units.
- `bodies`: document types, issuing bodies, kinds of bodies and the titles of officials.
- `abbreviations`: UBND, HĐND, the codes of document symbols (QĐ-UBND, TT-BYT).
- `names`: the names of people (surnames, middle and given names).
- `laws`: the names of Vietnamese laws.
"""
