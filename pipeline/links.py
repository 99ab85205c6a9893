"""Citations resolved to the documents of the same archive, and the citation graph.

A citation names a document by its number and symbol ("61/2018/NĐ-CP"), or a
law by its type, name and date ("Luật Tổ chức chính quyền địa phương ngày
19/6/2015"). Numbers are compared after folding away the noise of extraction
and OCR (QD for QĐ, stray spaces, O for 0, l for 1); a number one character off
still matches when the date, type and issuer agree and no other document fits.
Numbers repeat across issuers and years (every province has a 1042/QĐ-UBND),
so the date, type and issuer must never disagree; such a number also needs the
date or the issuer to confirm it; and a citation that fits two documents is
left unresolved: a wrong link is worse than none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from vietnamese.folding import fold, fold_key

NAME_SIMILARITY = 90  # rapidfuzz ratio from which a law's name is its title
GENERIC_TYPES = {"van ban", ""}  # "văn bản" names no type: it fits any
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "L": "1", "I": "1", "|": "1"})
_LEADING_NUMBER = re.compile(r"[0-9OLI|]*[0-9][0-9OLI|]*")


def number_key(number: str | None) -> str:
    """A document number without the noise extraction and OCR add: 1O42 /QD–UBND → 1042/QD-UBND."""
    if not number:
        return ""
    key = re.sub(r"\s+", "", fold(number).upper())
    key = re.sub(r"[–—_.]", "-", key)
    leading = _LEADING_NUMBER.match(key)  # letters OCR read for digits, only in the number itself
    return key[:leading.end()].translate(_DIGIT_LOOKALIKES) + key[leading.end():] if leading else key


def _type_key(doc_type: str | None) -> str:
    return fold_key(doc_type or "")


def _name_key(name: str | None, doc_type: str | None) -> str:
    """A law's name or title without its type word: "Luật Tổ chức …" and "TỔ CHỨC …" compare equal."""
    key, prefix = fold_key(name or ""), _type_key(doc_type)
    return key[len(prefix):].strip() if prefix and key.startswith(prefix + " ") else key


def _dates_agree(cited: str | None, issued: str | None) -> bool:
    """Both dates known and the same as far as both go (2022-05 agrees with 2022-05-07), or one unknown."""
    if not cited or not issued:
        return True
    return cited.startswith(issued) or issued.startswith(cited)


def _issuers_agree(cited: str | None, issued: str | None) -> bool:
    """One names the other, maybe shorter ("Ủy ban nhân dân tỉnh" of "… tỉnh Hải Dương"), or one unknown."""
    a, b = fold_key(cited or ""), fold_key(issued or "")
    return not a or not b or a in b or b in a


def _types_agree(cited: str | None, issued: str | None) -> bool:
    a, b = _type_key(cited), _type_key(issued)
    return a in GENERIC_TYPES or b in GENERIC_TYPES or a == b


def _repeats(key: str) -> bool:
    """Whether documents of other bodies or years may carry the same number: numbers without
    a year restart every year, and every province has its UBND and HĐND ("12/2024/NQ-HĐND")."""
    return not re.search(r"/(?:19|20)\d\d/", key) or bool(re.search(r"UBND|HDND", key))


class Archive:
    """The documents of one output, indexed to resolve citations (rows as in documents.csv)."""

    def __init__(self, documents: list[dict]) -> None:
        self.by_id = {row["doc_id"]: row for row in documents}
        self.by_number: dict[str, list[dict]] = defaultdict(list)
        self.by_date: dict[str, list[dict]] = defaultdict(list)
        for row in documents:
            if row.get("number"):
                self.by_number[number_key(row["number"])].append(row)
            if row.get("issue_date"):
                self.by_date[row["issue_date"]].append(row)

    def resolve(self, citation: dict) -> str | None:
        """The doc_id of the document that a citation row (legal_bases.csv, references.csv) names, if unique."""
        if citation.get("number"):
            found = self._by_number(citation)
        elif citation.get("name") and citation.get("date"):
            found = self._by_name(citation)
        else:
            return None
        found = [d for d in found if d["doc_id"] != citation.get("doc_id")]
        if len(found) > 1:  # the one issued on the very day, if only one was
            found = [d for d in found if d.get("issue_date") == citation.get("date")]
        return found[0]["doc_id"] if len(found) == 1 else None

    def _by_number(self, citation: dict) -> list[dict]:
        key = number_key(citation["number"])
        agree = [d for d in self.by_number.get(key, [])
                 if _dates_agree(citation.get("date"), d.get("issue_date"))
                 and _types_agree(citation.get("doc_type"), d.get("doc_type"))
                 and _issuers_agree(citation.get("issuer"), d.get("issuer"))
                 and (not _repeats(key) or self._confirmed(citation, d))]
        if agree or not citation.get("date"):
            return agree
        # A damaged number: one character off, and everything else agrees, to the day.
        return [d for d in self.by_date.get(citation["date"], [])
                if d.get("number") and Levenshtein.distance(key, number_key(d["number"]), score_cutoff=1) <= 1
                and _type_key(citation.get("doc_type")) == _type_key(d.get("doc_type"))
                and _issuers_agree(citation.get("issuer"), d.get("issuer"))]

    def _confirmed(self, citation: dict, document: dict) -> bool:
        """Whether something besides the number says it is this document: the date, the issuer
        named in full, or the issuer of the citing document (a body citing its own decisions)."""
        citing = self.by_id.get(citation.get("doc_id"), {})
        return bool(citation.get("date") and document.get("issue_date")
                    or any(issuer and document.get("issuer") and fold_key(issuer) == fold_key(document["issuer"])
                           for issuer in (citation.get("issuer"), citing.get("issuer"))))

    def _by_name(self, citation: dict) -> list[dict]:
        name = _name_key(citation["name"], citation.get("doc_type"))
        return [d for d in self.by_date.get(citation["date"], [])
                if _type_key(d.get("doc_type")) == _type_key(citation.get("doc_type"))
                and fuzz.ratio(name, _name_key(d.get("title"), d.get("doc_type"))) >= NAME_SIMILARITY]


def add_cited_doc_ids(documents: list[dict], legal_bases: list[dict], references: list[dict]) -> list[dict]:
    """Fill `cited_doc_id` in every citation row; return the rows of links.csv (one per resolved citation)."""
    archive = Archive(documents)
    links = []
    for role, rows in (("basis", legal_bases), (None, references)):
        for row in rows:
            row["cited_doc_id"] = archive.resolve(row)
            if row["cited_doc_id"]:
                links.append({**row, "role": role or row["role"]})
    return links


_NODE_KEYS = ["doc_type", "number", "issue_date", "issuer", "title", "source_path"]
_EDGE_KEYS = ["role", "raw", "page"]


def graphml(documents: list[dict], links: list[dict]) -> str:
    """The citation graph in GraphML (networkx, Gephi and Cytoscape read it):
    a node per document, an edge from the citing to the cited document per link."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    lines += [f'<key id="{k}" for="node" attr.name="{k}" attr.type="string"/>' for k in _NODE_KEYS]
    lines += [f'<key id="e_{k}" for="edge" attr.name="{k}" attr.type="string"/>' for k in _EDGE_KEYS]
    lines.append('<graph id="citations" edgedefault="directed">')

    def data(prefix: str, keys: list[str], row: dict) -> str:
        return "".join(f'<data key="{prefix}{k}">{escape(str(row[k]))}</data>'
                       for k in keys if row.get(k) not in (None, ""))

    for row in documents:
        lines.append(f'<node id={quoteattr(row["doc_id"])}>{data("", _NODE_KEYS, row)}</node>')
    for link in links:
        lines.append(f'<edge source={quoteattr(link["doc_id"])} target={quoteattr(link["cited_doc_id"])}>'
                     f'{data("e_", _EDGE_KEYS, link)}</edge>')
    lines += ["</graph>", "</graphml>", ""]
    return "\n".join(lines)
