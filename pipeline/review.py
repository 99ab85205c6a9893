"""Review pages: each document's final text with every extracted value marked
at its span and labelled, so that a reader can check the dataset by eye.

`OUT/review/DOC_ID.html` shows the text page by page; each extracted item is a
highlighted element with its field label (`data-label`, shown by CSS); a
resolved citation links to the cited document's page; words that restoration
or OCR correction changed are marked apart from the document's own words (the
document's spelling on hover); lines with words OCR was unsure of are marked.
`OUT/review/index.html` lists the documents. Pages are static HTML with their
style inline: they open from the file system, offline.

Elements must nest while marked stretches overlap (a target inside a
reference, a changed word inside an issuer, a line crossing an item), so the
text is cut at every boundary and, at each cut, the open elements are closed
and reopened as little as possible: items outermost, then lines, then words.
An item cut by another item it crosses stays one item: its pieces share
`data-item`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from html import escape

from .document import PAGE_BREAK, Document
from .provenance import Change, to_final, touches

HEADER_LABELS = {
    "doc_type": "type", "number": "number", "issue_date": "date", "place": "place", "issuer": "issuer",
    "title": "title", "signer": "signer", "signer_title": "signer title", "symbol": "symbol",
}
ITEM, LINE, WORD = 0, 1, 2  # nesting order: items outermost


@dataclass(frozen=True)
class Mark:
    """One marked stretch of the text and the element that shows it."""

    start: int
    end: int
    layer: int
    tag: str
    attributes: str  # already escaped
    item: int | None = None  # items: their number, shared by the pieces of an item that is cut
    label: str = ""  # items: the field, as shown
    cited: str | None = None  # citations: the doc_id of the cited document in the output

    def open(self, first_piece: bool) -> str:
        if self.item is None:
            return f"<{self.tag} {self.attributes}>"
        anchor = f'id="item-{self.item}" ' if first_piece else ""
        return f'<{self.tag} {anchor}data-item="{self.item}" {self.attributes}>'

    def close(self) -> str:
        return f"</{self.tag}>"


def _attributes(**values: object) -> str:
    return " ".join(f'{name.rstrip("_").replace("_", "-")}="{escape(str(value))}"' for name, value in values.items()
                    if value not in (None, ""))


def _item_marks(document: Document, rows: dict[str, list[dict]]) -> list[Mark]:
    marks: list[Mark] = []
    values = rows["document"][0] if rows["document"] else {}
    for field, (start, end) in document.extraction.header.spans.items():
        label = HEADER_LABELS.get(field, field)
        marks.append(Mark(start, end, ITEM, "mark", _attributes(
            class_=f"item f-{field}", data_label=label, title=f"{label}: {values.get(field) or ''}"), len(marks),
            label))
    for kind, label in (("legal_bases", "legal basis"), ("references", "reference")):
        for row in rows[kind]:
            name = label if kind == "legal_bases" else f"{label} ({row['role']})"
            value = " ".join(str(row[k]) for k in ("doc_type", "number", "name", "date") if row.get(k))
            cited = row.get("cited_doc_id")
            tag, link = ("a", {"href": f"{cited}.html"}) if cited else ("mark", {})
            marks.append(Mark(row["start"], row["end"], ITEM, tag, _attributes(
                class_=f"item f-{kind}" + (" resolved" if cited else ""), data_label=name,
                title=f"{name}: {value}" + (" → in this archive" if cited else ""), **link), len(marks), name, cited))
    for row in rows["targets"]:
        label = f"target {row['comparator']}{row['value']:g}%" + (f" {row['year']}" if row.get("year") else "")
        marks.append(Mark(row["start"], row["end"], ITEM, "mark", _attributes(
            class_="item f-targets", data_label=label, title=f"{label}: {row.get('subject') or ''}"), len(marks),
            label))
    return marks


def _line_marks(document: Document, changes: list[Change]) -> list[Mark]:
    """Lines holding words OCR was unsure of, in the final text."""
    if not document.doubtful:
        return []
    counts: dict[int, int] = {}
    for start in to_final([start for start, _ in document.doubtful], changes):
        line_start = document.text.rfind("\n", 0, start) + 1
        counts[line_start] = counts.get(line_start, 0) + 1
    marks = []
    for line_start, count in sorted(counts.items()):
        line_end = document.text.find("\n", line_start)
        line_end = len(document.text) if line_end < 0 else line_end
        marks.append(Mark(line_start, line_end, LINE, "span", _attributes(
            class_="doubtful", title=f"OCR was unsure of {count} word(s) on this line")))
    return marks


def _word_marks(document: Document, changes: list[Change]) -> list[Mark]:
    return [Mark(c.start, c.end, WORD, "span", _attributes(
        class_=f"changed {c.kind}",
        title=f"{c.kind} by the tool; the document has: {document.source_text[c.source_start:c.source_end]}"))
        for c in changes if c.end > c.start]


def render_marked(text: str, offset: int, marks: Iterable[Mark]) -> str:
    """`text` (which starts at `offset` in the document) as HTML with `marks` as nested elements."""
    end = offset + len(text)
    marks = [m for m in marks if m.start < end and m.end > offset and m.end > m.start]
    cuts = sorted({offset, end} | {max(m.start, offset) for m in marks} | {min(m.end, end) for m in marks})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(max(mark.start, offset), []).append(mark)
    opened: set[int] = set()  # items already begun (their later pieces carry no anchor)
    html, stack, active = [], [], []
    for here, there in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > here] + starting.get(here, [])
        wanted = sorted(active, key=lambda m: (m.layer, m.start, -m.end))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        html += [m.close() for m in reversed(stack[keep:])]
        for mark in wanted[keep:]:
            html.append(mark.open(mark.item not in opened))
            opened.add(mark.item)
        stack = wanted
        html.append(escape(text[here - offset:there - offset]))
    html += [m.close() for m in reversed(stack)]
    return "".join(html)


STYLE = """
body{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;
 color:#1b1b1b;line-height:1.5}
body.wide{max-width:none} body.wide td:nth-child(5){min-width:14rem}
h1{font-size:1.3rem} h2{font-size:1rem;border-bottom:1px solid #aaa;margin-top:2rem;color:#444}
table{border-collapse:collapse;font-size:.9rem} td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top;text-align:left}
.text{white-space:pre-wrap;font-size:1rem;line-height:2.1}
.item{border-radius:.3em;padding:.1em .15em;color:inherit;text-decoration:none}
.item::after{content:attr(data-label);font-size:.62em;font-weight:bold;text-transform:uppercase;margin-left:.3em;
 padding:0 .25em;border-radius:.25em;background:#fff8;vertical-align:middle}
.f-number,.f-symbol,.f-doc_type{background:#7aecec} .f-issue_date{background:#bfe1d9} .f-place{background:#c7e9b4}
.f-issuer{background:#aa9cfc} .f-title{background:#ddd6a8} .f-signer,.f-signer_title{background:#f0b6ff}
.f-legal_bases{background:#9fe59f} .f-references{background:#ffd59a} .f-targets{background:#feca74;outline:2px solid #e4a11b}
a.resolved{box-shadow:inset 0 -2px #1a5fb4} a.resolved::before{content:"↗";color:#1a5fb4}
.changed{color:#b3001b;text-decoration:underline dotted #b3001b 2px;text-underline-offset:3px}
.changed.corrected{text-decoration-style:wavy}
.doubtful{background:repeating-linear-gradient(90deg,#fff3b0 0 6px,#fff8d6 6px 12px)}
.legend span,.legend mark{margin-right:.8rem} summary{cursor:pointer;margin:1rem 0;color:#1a5fb4}
"""


def _page(title: str, body: str, wide: bool = False) -> str:
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"{'<body class=wide>' if wide else '<body>'}\n{body}\n</body></html>\n")


def describe(row: dict) -> str:
    """A document in a few words: type, number, date (documents.csv row)."""
    words = [row.get("doc_type") or "Document", row.get("number") or "", row.get("issue_date") or ""]
    return " ".join(w for w in words if w) or row["doc_id"]


LEGEND = ('<p class="legend"><mark class="item f-issuer" data-label="field">extracted value</mark> '
          '<a class="item f-legal_bases resolved" data-label="citation">in this archive</a> '
          '<span class="changed restored">marks restored</span> <span class="changed corrected">word corrected</span> '
          '<span class="doubtful">line OCR was unsure of</span></p>')


def _page_note(document: Document, number: int) -> str:
    """How the page's text was read, and why (pages.csv)."""
    if number <= len(document.page_decisions):
        decision = document.page_decisions[number - 1]
        return f"{decision.get('decision')}" + (f": {decision['reason']}" if decision.get("reason") else "")
    return document.page_sources[number - 1] if number <= len(document.page_sources) else "text"


SHOWN_VALUE = 110  # characters of an item's text in the table of items


def _item_table(document: Document, items: list[Mark], changes: list[Change], documents: dict[str, dict]) -> str:
    """Every extracted item in text order: its field, its text (a link to it), page, whether the
    tool changed words in it, and the cited document where it is in the output."""
    lines = []
    for mark in sorted(items, key=lambda m: m.start):
        text = " ".join(document.text[mark.start:mark.end].split())
        text = text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + "…"
        cited = (f'<a href="{escape(mark.cited)}.html">{escape(describe(documents.get(mark.cited, {"doc_id": mark.cited})))}</a>'
                 if mark.cited else "")
        lines.append(f'<tr><td>{escape(mark.label)}</td><td><a href="#item-{mark.item}">{escape(text)}</a></td>'
                     f"<td>{document.page_of(mark.start)}</td><td>{'yes' if touches(mark.start, mark.end, changes) else ''}</td>"
                     f"<td>{cited}</td></tr>")
    return (f"<details><summary>{len(items)} extracted items, as a table</summary><table><tr><th>field</th>"
            f"<th>text</th><th>page</th><th>words changed by the tool</th><th>in this archive</th></tr>"
            f"{''.join(lines)}</table></details>")


def document_page(document: Document, rows: dict[str, list[dict]], changes: list[Change],
                  cited_by: list[dict], documents: dict[str, dict]) -> str:
    """The review page of one document. `rows` holds its rows of each table ("document", "legal_bases",
    "references", "targets"); `cited_by` the links.csv rows that cite it; `documents` every row by doc_id."""
    row = rows["document"][0] if rows["document"] else {"doc_id": document.doc_id}
    facts = [("file", document.source_path), ("pages", f"{document.pages} ({document.text_source})"),
             ("quality", row.get("quality", "")), ("words changed by the tool", len(changes))]
    facts += [(HEADER_LABELS[k], row.get(k)) for k in HEADER_LABELS if row.get(k)]
    body = [f'<p><a href="index.html">← all documents</a></p><h1>{escape(describe(row))}</h1>',
            "<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in facts) + "</table>"]
    if cited_by:
        body.append("<h2>Cited by documents in this archive</h2><ul>" + "".join(
            f'<li><a href="{escape(link["doc_id"])}.html">{escape(describe(documents.get(link["doc_id"], link)))}</a>'
            f' ({escape(str(link["role"]))}): {escape(str(link.get("raw") or ""))}</li>' for link in cited_by) + "</ul>")
    items = _item_marks(document, rows)
    body.append(_item_table(document, items, changes, documents))
    body.append(LEGEND)
    starts = document.page_starts or [0]
    on_page: list[list[Mark]] = [[] for _ in starts]  # a mark that crosses a page break is on both pages
    for mark in items + _line_marks(document, changes) + _word_marks(document, changes):
        for page in range(document.page_of(mark.start), document.page_of(max(mark.start, mark.end - 1)) + 1):
            on_page[page - 1].append(mark)
    for number, start in enumerate(starts, 1):
        end = starts[number] - len(PAGE_BREAK) if number < len(starts) else len(document.text)
        body.append(f'<h2 id="page-{number}">Page {number} <small>({escape(_page_note(document, number))})</small></h2>'
                    f'<div class="text">{render_marked(document.text[start:end], start, on_page[number - 1])}</div>')
    return _page(describe(row), "\n".join(body))


INDEX_COLUMNS = ["file", "type", "number", "date", "issuer", "bases", "references", "targets", "cited by",
                 "quality", "changed words", "pages failed"]


def index_page(documents: list[dict], counts: dict[str, dict[str, int]], errors: list[dict]) -> str:
    """The list of documents, with counts per document, and the files that failed."""
    rows = []
    for row in documents:
        c = counts.get(row["doc_id"], {})
        cells = [f'<a href="{escape(row["doc_id"])}.html">{escape(row["source_path"])}</a>'] + [
            escape(str(v if v is not None else "")) for v in (
                row.get("doc_type"), row.get("number"), row.get("issue_date"), row.get("issuer"),
                c.get("legal_bases", 0), c.get("references", 0), c.get("targets", 0), c.get("cited_by", 0),
                row.get("quality"), c.get("changes", 0), c.get("failed_pages", 0))]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    links = sum(c.get("cited_by", 0) for c in counts.values())
    changed = sum(c.get("changes", 0) for c in counts.values())
    body = [f"<h1>{len(documents)} documents</h1>",
            f"<p>{links} citations name a document of this output (links.csv, citations.graphml); "
            f"{changed} words were changed by diacritic restoration or OCR correction (changes.csv). "
            "Open a document to check each extracted value at its place in the text.</p>", "<table><tr>" + "".join(f"<th>{c}</th>" for c in INDEX_COLUMNS)
            + "</tr>" + "".join(rows) + "</table>"]
    if errors:
        body.append(f"<h2>{len(errors)} files not extracted</h2><table><tr><th>file</th><th>stage</th><th>error</th>"
                    "<th>message</th></tr>" + "".join(
                        "<tr>" + "".join(f"<td>{escape(str(e.get(k) or ''))}</td>" for k in
                                         ("source_path", "stage", "error", "message")) + "</tr>" for e in errors)
                    + "</table>")
    return _page("Documents", "\n".join(body), wide=True)


@dataclass(frozen=True)
class ReviewPage:
    path: str  # under the output folder
    inputs: str  # a digest of everything the page is made from: equal digests, equal pages ("": unknown)
    render: Callable[[], str]  # the page's HTML


def review_pages(documents: list[Document], tables: dict[str, list[dict]], changes: dict[str, list[Change]],
                 producer: str = "") -> Iterator[ReviewPage]:
    """Every review page, to be rendered where its inputs changed. `tables` holds the annotated
    rows of each table by name without .csv (documents, legal_bases, references, targets, links, errors).
    `producer` names the code and settings that made the results (the cache's fingerprint); without
    it, the pages' digests are empty: render them all."""

    def digest(*inputs: object) -> str:
        return hashlib.sha256(repr((producer, inputs)).encode("utf-8", "surrogatepass")).hexdigest() if producer else ""

    by_doc: dict[str, dict[str, list[dict]]] = {d.doc_id: {k: [] for k in ("document", "legal_bases", "references",
                                                                             "targets", "cited_by")}
                                                 for d in documents}
    for name, key, column in (("documents", "document", "doc_id"), ("legal_bases", "legal_bases", "doc_id"),
                              ("references", "references", "doc_id"), ("targets", "targets", "doc_id"),
                              ("links", "cited_by", "cited_doc_id")):
        for row in tables.get(name, []):
            if row[column] in by_doc:
                by_doc[row[column]][key].append(row)
    rows_by_id = {row["doc_id"]: row for row in tables["documents"]}
    for document in documents:
        rows, own_changes = by_doc[document.doc_id], changes.get(document.doc_id, [])
        linked = {row.get("cited_doc_id") for kind in ("legal_bases", "references") for row in rows[kind]}
        linked |= {link["doc_id"] for link in rows["cited_by"]}  # their rows describe them on the page
        inputs = digest(document, rows, own_changes, [rows_by_id.get(doc_id) for doc_id in sorted(linked - {None})])
        yield ReviewPage(f"review/{document.doc_id}.html", inputs, partial(
            document_page, document, rows, own_changes, rows["cited_by"], rows_by_id))
    failed = {d.doc_id: sum(p.get("decision") == "failed" for p in d.page_decisions) for d in documents}
    counts = {doc_id: {**{k: len(v) for k, v in rows.items()}, "changes": len(changes.get(doc_id, [])),
                       "failed_pages": failed[doc_id]} for doc_id, rows in by_doc.items()}
    index = partial(index_page, tables["documents"], counts, tables.get("errors", []))
    yield ReviewPage("review/index.html", digest(tables["documents"], counts, tables.get("errors", [])), index)
