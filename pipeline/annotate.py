"""What the output tables learn from the whole output and from the text before
restoration: which document each citation names (`cited_doc_id`, links,
citations.graphml), which items hold words the tool changed (`changed_words`,
`changed_fields`, changes), the source texts and the review pages.

The writer calls `annotate` on its rows before typing them into tables, and
`write_companions` is one more of its writers.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .document import Document
from .links import add_cited_doc_ids, graphml
from .provenance import Change, touches, word_changes
from .review import review_pages

if TYPE_CHECKING:
    from .outfolder import OutputFolder
    from .output import RunOutputs

REVIEW_INPUTS = ".decrees/review.json"  # the digest of each review page's inputs, as last written


def annotate(documents: list[Document], rows: dict[str, list[dict]]) -> dict[str, list[Change]]:
    """Fill cited_doc_id, changed_words and changed_fields in `rows` (by table name); add the rows of
    the links and changes tables; return each document's changed words by doc_id."""
    changes = {d.doc_id: word_changes(d.source_text, d.text) for d in documents}
    for name in ("legal_bases", "references", "targets"):
        for row in rows[name]:
            row["changed_words"] = touches(row["start"], row["end"], changes.get(row["doc_id"], []))
    headers = {d.doc_id: d.extraction.header.spans for d in documents}
    for row in rows["documents"]:  # header fields whose span holds a changed word, e.g. "issuer signer"
        doc_changes = changes.get(row["doc_id"], [])
        row["changed_fields"] = " ".join(f for f, (s, e) in headers.get(row["doc_id"], {}).items()
                                         if touches(s, e, doc_changes)) or None
    rows["links"] = add_cited_doc_ids(rows["documents"], rows["legal_bases"], rows["references"])
    texts = {d.doc_id: (d.text, d.source_text) for d in documents}
    rows["changes"] = [
        {"doc_id": doc_id, "start": c.start, "end": c.end, "source_start": c.source_start,
         "source_end": c.source_end, "kind": c.kind, "text": texts[doc_id][0][c.start:c.end],
         "source_text": texts[doc_id][1][c.source_start:c.source_end]}
        for doc_id, doc_changes in changes.items() for c in doc_changes]
    return changes


def write_companions(folder: OutputFolder, run: RunOutputs) -> None:
    """text/DOC_ID.source.txt (where the tool changed words), citations.graphml and,
    unless switched off, the review pages."""
    for document in run.documents:
        if run.changes.get(document.doc_id):  # otherwise text/DOC_ID.txt is the source text already
            folder.write(f"text/{document.doc_id}.source.txt", document.source_text.encode("utf-8"))
    folder.write("citations.graphml", graphml(run.rows["documents"], run.rows["links"]).encode("utf-8"))
    if not run.review:
        return
    # A page is rendered again only where what it is made from, or what made the results, changed.
    try:
        last = json.loads(folder.owned_text(REVIEW_INPUTS) or "{}")
    except ValueError:
        last = {}
    inputs = {}
    for page in review_pages(run.documents, run.rows, run.changes, run.producer):
        inputs[page.path] = page.inputs
        if not page.inputs or last.get(page.path) != page.inputs or not folder.keep(page.path):
            folder.write(page.path, page.render().encode("utf-8"))
    folder.write(REVIEW_INPUTS, json.dumps(inputs, sort_keys=True).encode("utf-8"))
