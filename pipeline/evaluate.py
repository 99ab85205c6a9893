"""Scoring an output folder against gold annotations (`decrees eval`).

A gold file is JSON in the shape of tests/data/gold/*.json; it is paired with
the output document whose source file has the same name stem, so a gold file
for "x.txt" also scores "x.pdf". Header fields are scored by exact match.
Cited documents and targets are matched one to one and scored by precision,
recall and F1:
- a legal basis matches on (type, number, date);
- a reference on (role, number);
- a target on (value, comparator, year), the closest subject winning ties.
Issuer, name, subject and metric are then scored on the matched pairs.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from vietnamese.abbreviations import ABBREVIATIONS
from vietnamese.folding import fold_key

from .output import FORMULA_STARTS
from .tables import HEADER_FIELDS

# A body's name written with these abbreviations is the same body (folded: "ubnd" -> "uy ban nhan dan").
_ABBREVIATIONS = {fold_key(short): fold_key(ABBREVIATIONS[short]) for short in ("UBND", "HĐND", "TP")}


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _number_key(value: object) -> str:
    return re.sub(r"\s+", "", _text(value) or "")


def _body_key(value: object) -> str:
    words = fold_key(_text(value) or "").split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _value(value: object) -> float | None:
    return None if _text(value) is None else float(value)  # type: ignore[arg-type]


def _similar(a: object, b: object, threshold: float = 70) -> bool:
    return fuzz.token_set_ratio(fold_key(_text(a) or ""), fold_key(_text(b) or "")) >= threshold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    # None where there is nothing to score (no item predicted, no item in gold): not 100%.
    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        items = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / items if items else None


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _shown(value: float | None, form: str = ".1%") -> str:
    return f"{'n/a' if value is None else format(value, form):>10}"


@dataclass
class Report:
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in HEADER_FIELDS})
    sets: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ("legal_bases", "references", "targets")})
    details: dict[str, Accuracy] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)

    def detail(self, label: str, name: str, gold: object, predicted: object, ok: bool) -> None:
        self.details.setdefault(name, Accuracy()).add(ok)
        if not ok:
            self.mistakes.append(f"{label}: {name} {predicted!r} != gold {gold!r}")

    @property
    def header_accuracy(self) -> float | None:
        right = sum(a.right for a in self.fields.values())
        total = sum(a.total for a in self.fields.values())
        return right / total if total else None

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "missing": self.missing,
            "header_accuracy": _rounded(self.header_accuracy),
            "fields": {k: _rounded(v.value) for k, v in self.fields.items()},
            "sets": {k: {"precision": _rounded(v.precision), "recall": _rounded(v.recall), "f1": _rounded(v.f1),
                         "tp": v.tp, "fp": v.fp, "fn": v.fn} for k, v in self.sets.items()},
            "details": {k: _rounded(v.value) for k, v in self.details.items()},
            "mistakes": self.mistakes,
        }

    def table(self) -> str:
        lines = [f"documents scored: {self.documents}" + (f" (no output for: {', '.join(self.missing)})" if self.missing else "")]
        lines.append(f"{'header field':<22}{'accuracy':>10}")
        for name, acc in self.fields.items():
            lines.append(f"{name:<22}{_shown(acc.value)}   ({acc.right}/{acc.total})")
        lines.append(f"{'all header fields':<22}{_shown(self.header_accuracy)}")
        lines.append("")
        lines.append(f"{'items':<22}{'precision':>10}{'recall':>10}{'F1':>10}")
        for name, c in self.sets.items():
            lines.append(f"{name:<22}{_shown(c.precision)}{_shown(c.recall)}{_shown(c.f1, '.3f')}"
                         f"   (tp {c.tp}, fp {c.fp}, fn {c.fn})")
        lines.append("")
        lines.append(f"{'on matched items':<22}{'accuracy':>10}")
        for name, acc in sorted(self.details.items()):
            lines.append(f"{name:<22}{_shown(acc.value)}   ({acc.right}/{acc.total})")
        return "\n".join(lines)


def _cell(value: str) -> str:
    """A CSV cell as written before its formula guard (SCHEMA.md: a leading apostrophe)."""
    return value[1:] if value[:1] == "'" and value[1:2] in FORMULA_STARTS else value


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: _cell(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def _match(gold: list[dict], predicted: list[dict], key, score=lambda g, p: 0.0) -> list[tuple[dict, dict]]:
    """Pair gold and predicted items with equal keys, the best-scoring first."""
    free = list(predicted)
    pairs = []
    for g in gold:
        candidates = [p for p in free if key(p) == key(g)]
        if candidates:
            best = max(candidates, key=lambda p: score(g, p))
            free.remove(best)
            pairs.append((g, best))
    return pairs


def _score_set(report: Report, name: str, gold: list[dict], predicted: list[dict], key, score, label: str):
    pairs = _match(gold, predicted, key, score)
    counts = report.sets[name]
    counts.tp += len(pairs)
    counts.fp += len(predicted) - len(pairs)
    counts.fn += len(gold) - len(pairs)
    matched_gold = [id(g) for g, _ in pairs]
    matched_pred = [id(p) for _, p in pairs]
    for g in gold:
        if id(g) not in matched_gold:
            report.mistakes.append(f"{label}: {name} missed {key(g)}")
    for p in predicted:
        if id(p) not in matched_pred:
            report.mistakes.append(f"{label}: {name} extra {key(p)}")
    return pairs


def evaluate(gold_dir: Path, out_dir: Path) -> Report:
    """Score the outputs in `out_dir` against every gold JSON file in `gold_dir`."""
    report = Report()
    documents = {Path(d["source_path"]).stem: d for d in _read_csv(out_dir / "documents.csv")}
    by_doc: dict[str, dict[str, list[dict]]] = {}
    for name in ("legal_bases", "references", "targets"):
        for row in _read_csv(out_dir / f"{name}.csv"):
            by_doc.setdefault(row["doc_id"], {}).setdefault(name, []).append(row)
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = Path(gold.get("file", gold_path.name)).stem
        document = documents.get(stem)
        if document is None:
            report.missing.append(stem)
            report.mistakes.append(f"{stem}: no output document (none whose source file is named {stem}.*)")
            continue
        report.documents += 1
        rows = by_doc.get(document["doc_id"], {})
        for name in HEADER_FIELDS:
            ok = _text(gold.get(name)) == _text(document.get(name))
            report.fields[name].add(ok)
            if not ok:
                report.mistakes.append(f"{stem}: {name} {document.get(name)!r} != gold {gold.get(name)!r}")

        bases = _score_set(
            report, "legal_bases", gold.get("legal_bases", []), rows.get("legal_bases", []),
            key=lambda r: (_text(r.get("doc_type")), _number_key(r.get("number")), _text(r.get("date"))),
            score=lambda g, p: 0.0, label=stem,
        )
        for g, p in bases:
            if _text(g.get("issuer")):
                report.detail(stem, "basis issuer", g["issuer"], p.get("issuer"),
                              _body_key(g["issuer"]) == _body_key(p.get("issuer")))
            if _text(g.get("name")):
                report.detail(stem, "basis name", g["name"], p.get("name"),
                              fold_key(g["name"]) == fold_key(p.get("name") or ""))

        gold_refs = (
            [dict(r, role="proposal") for r in gold.get("proposals", [])]
            + [dict(r, role="replaces") for r in gold.get("replaces", [])]
            + [dict(r, role="reference") for r in gold.get("other_references", [])]
        )
        refs = _score_set(
            report, "references", gold_refs, rows.get("references", []),
            key=lambda r: (r.get("role"), _number_key(r.get("number"))), score=lambda g, p: 0.0, label=stem,
        )
        for g, p in refs:
            if _text(g.get("date")):
                report.detail(stem, "reference date", g["date"], p.get("date"), _text(g["date"]) == _text(p.get("date")))
            if _text(g.get("issuer")):
                report.detail(stem, "reference issuer", g["issuer"], p.get("issuer"),
                              _body_key(g["issuer"]) == _body_key(p.get("issuer")))

        targets = _score_set(
            report, "targets", gold.get("targets", []), rows.get("targets", []),
            key=lambda r: (_value(r.get("value")), r.get("comparator"), int(r["year"]) if _text(r.get("year")) else None),
            score=lambda g, p: fuzz.token_set_ratio(fold_key(g.get("subject") or ""), fold_key(p.get("subject") or "")),
            label=stem,
        )
        for g, p in targets:
            report.detail(stem, "target subject", g.get("subject"), p.get("subject"),
                          _similar(g.get("subject"), p.get("subject")))
            if _text(g.get("metric")):
                report.detail(stem, "target metric", g.get("metric"), p.get("metric"),
                              _similar(g.get("metric"), p.get("metric")))
            for name in ("annual_increase", "procedures_count"):
                report.detail(stem, f"target {name}", g.get(name), p.get(name),
                              _value(g.get(name)) == _value(p.get(name)))
    return report
