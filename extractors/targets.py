"""Percentage targets that a document assigns ("đạt tỷ lệ tối thiểu 70% …").

A percentage is a target when its sentence, or the lead-in line of the list it
stands in, assigns it ("chỉ tiêu", "phải đạt", "bảo đảm", "tối thiểu" …) and
it is not a reported result, a rate or a fee. Rows of a table (tab-separated,
or spaced as OCR writes them) whose heading speaks of targets give one target
each, with the count beside the percentage (the appendix tables of provincial
decisions).
"""

from __future__ import annotations

import re

from .dates import find_dates
from .folding import squash
from .model import Target

_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)[ \t]*%")
_TARGET_CUES = re.compile(
    r"(?<![a-z])(?:ch\S\s+ti\S{1,2}u|m\S{1,2}c\s+ti\S{1,2}u|ph\S{1,2}i|[dp]\S{1,2}t|t\S{1,2}\s+thi\S{1,2}u|"
    r"\S{1,2}t\s+nh\S{1,2}t|tr\S\s+l\S{1,2}n|ph\S{1,2}n\s+[dp]\S{1,2}u|b\S{1,2}o\s+[dp]\S{1,2}m|"
    r"[dp]\S{1,2}m\s+b\S{1,2}o|c\S{1,2}ng\s+c\S{1,2}p)(?![a-z])"
)
# Percentages that report, rate or charge rather than assign.
_NOT_TARGET = re.compile(
    r"(?<![a-z])(?:chi\S{1,2}m|[dp]\S\s+[dp]\S{1,2}t|[dp]\S{1,2}t\s+[dp]\S{1,2}\S?c|k\S{1,2}t\s+qu\S|"
    r"r\S{1,2}t\s+th\S{1,2}p|m\S{1,2}c\s+[dp]\S{1,2}ng|l\S\s+ph\S|thu\S{1,2}\s+su\S{1,2}t|l\S{1,2}i\s+su\S{1,2}t|"
    r"gi\S{1,2}m\s+tr\S|so\s+v\S{1,2}i|th\S{1,2}c\s+t\S)(?![a-z])[^%]*$"
)
# The words right before a percentage, in their order: a verb ("phải đạt", "là"),
# "tỷ lệ", and a comparator ("từ", "tối thiểu", "không quá" …).
_BEFORE_NUMBER = re.compile(
    r"(?:\s+(?:ph\S{1,2}i\s+)?[dp]\S{1,2}t|\s+l\S|\s+b\S{1,2}ng)?(?:\s+t\S\s+l\S)?"
    r"(?:\s+(?:(?P<at_least>t\S{1,2}\s+thi\S{1,2}u|\S{1,2}t\s+nh\S{1,2}t|tr\S{1,2}n|t\S|"
    r"kh\S{1,2}ng\s+(?:th\S{1,2}p\s+h\S{1,2}n|\S{1,2}t\s+h\S{1,2}n|d\S{1,2}\S?i))|"
    r"(?P<at_most>t\S{1,2}\s+[dp]a|kh\S{1,2}ng\s+(?:v\S{1,2}\S?t\s+)?qu\S|d\S{1,2}\S?i))(?:\s+l\S)?)?\s*$"
)
_AFTER_AT_LEAST = re.compile(r"\s*tr\S\s+l\S{1,2}n")
_AFTER_AT_MOST = re.compile(r"\s*tr\S\s+xu\S{1,2}ng")
_ANNUAL = re.compile(
    r"t\S{1,2}ng\s+$"
)
_ANNUAL_AFTER = re.compile(r"[^.;%]{0,40}(?:h\S{1,2}ng\s+n\S{1,2}m|c\S{1,2}c\s+n\S{1,2}m\s+ti\S{1,2}p|m\S{1,2}i\s+n\S{1,2}m)")
_YEAR = re.compile(r"n\S{1,2}m\s+((?:19|20)\d\d)(?!\d)")
# Where an item or sentence begins: a list mark, a blank line, a line after a
# colon, or the end of the previous sentence (PDF text has no blank lines).
_ITEM_START = re.compile(
    r"(?:\n[ \t]*(?:[-+•]|\d{1,2}[.)]|[a-zđ][)])[ \t]|\n[ \t]*\n|(?<=:)[ \t]*\n|(?<=\.)[ \t]*\n|(?<=[a-z0-9)]\.)[ \t]+)"
)
_CLAUSE_END = re.compile(r"[;.](?:\s|$)|\n[ \t]*\n|\n[ \t]*[-+•]|\s+v\S\s+t\S{1,2}ng\s+\d|\)|,\s+th\S{1,2}i\s+gian")
_LEAD_IN = re.compile(r"(?m)^[^\n]*:[ \t]*$")
# "… cho <subject> năm 2022", "Đối với <subject>:", "… của <subject> phải đạt".
_SUBJECT_KEYWORD = re.compile(r"(?<![a-z])(?=(?:[dp]\S{1,2}i\s+v\S{1,2}i|cho|c[uitl]{1,2}a|giao)\s)")
_SUBJECT_AFTER = re.compile(
    r"(?:[dp]\S{1,2}i\s+v\S{1,2}i|cho|c[uitl]{1,2}a|giao)\s+(?P<subject>[^:()%]{3,200}?)"
    r"(?=\s*(?::|\(|\s(?:t\S\s+)?n\S{1,2}m\s+\d|\sn\S{1,2}\S?\s+sau|\sph\S{1,2}i\s|\s[dp]\S{1,2}t\s|"
    r"\s[dp]\S{1,2}\S?c\s+giao|\str\S{1,2}n\s+[dp]\S{1,2}a\s+b\S{1,2}n|$))"
)
# "<subject> được giao / thực hiện / phải đạt / phấn đấu / bảo đảm …".
_SUBJECT_BEFORE_VERB = re.compile(
    r"(?P<subject>[^:;()%\n]+?)\s+(?:[dp]\S{1,2}\S?c\s+giao|th\S{1,2}c\s+hi\S{1,2}n|ph\S{1,2}i|"
    r"ph\S{1,2}n\s+[dp]\S{1,2}u|c\S{1,2}n\s+[dp]\S{1,2}t|[dp]\S{1,2}t|b\S{1,2}o\s+[dp]\S{1,2}m|[dp]\S{1,2}m\s+b\S{1,2}o)(?![a-z])"
)
# Openings that are not part of the subject: "Trong năm 2022, ", "Theo Quyết định …, ".
_OPENING = re.compile(
    r"^(?:\W*(?:ph\S{1,2}n\s+[dp]\S{1,2}u\s+)?(?:trong|[dp]\S{1,2}n(?:\s+h\S{1,2}t)?|t\S)\s+n\S{1,2}m\s+\d{4}\s*,\s*|\W*theo\s[^,]*,\s*)"
)
_LIST_MARK = re.compile(r"[\s\-+•]*(?:\d{1,2}[.)]|[a-zđ][)])?\s*")


def _number(value: str) -> float:
    number = float(value.replace(",", "."))
    return int(number) if number.is_integer() else number


def _comparator(folded: str, clause_start: int, start: int, end: int) -> str:
    before = _BEFORE_NUMBER.search(folded, max(clause_start, start - 40), start)
    if _AFTER_AT_LEAST.match(folded, end) or (before and before.group("at_least")):
        return ">="
    if _AFTER_AT_MOST.match(folded, end) or (before and before.group("at_most")):
        return "<="
    return "="


def _item_start(folded: str, pos: int, floor: int) -> int:
    starts = [m.end() for m in _ITEM_START.finditer(folded, floor, pos)]
    return starts[-1] if starts else floor


def _clause_end(folded: str, pos: int) -> int:
    m = _CLAUSE_END.search(folded, pos)
    return m.start() if m else len(folded)


def _clean(text: str) -> str | None:
    cleaned = squash(text).strip(" ,;:.-")
    return cleaned or None


def _lead_in(text: str, folded: str, pos: int) -> tuple[int, int] | None:
    """The line ending in ":" that introduces the list a target stands in."""
    found = None
    for m in _LEAD_IN.finditer(folded, max(0, pos - 1500), pos):
        found = m
    if not found:
        return None
    # A lead-in may wrap over several lines: it starts where its item starts.
    return _item_start(folded, found.start(), max(0, found.start() - 600)), found.end()


def _core_start(folded: str, start: int, pos: int) -> int:
    """Where the words of an item begin, after its list mark and an opening phrase."""
    head = _LIST_MARK.match(folded, start, pos)
    start = head.end() if head else start
    opening = _OPENING.match(folded[start:pos])
    return start + opening.end() if opening else start


def _subject_before_verb(text: str, folded: str, start: int, pos: int) -> str | None:
    verb = _SUBJECT_BEFORE_VERB.match(folded, start, pos)
    # "Tỷ lệ hồ sơ … phải đạt": the words before the verb name the metric, not who.
    if verb and len(verb.group("subject").split()) <= 12 and not re.match(r"t\S\s+l\S(?![a-z])", verb.group("subject")):
        return _clean(text[start:verb.end("subject")])
    return None


def _subject_after_keyword(text: str, folded: str, start: int, pos: int) -> str | None:
    for keyword in reversed(list(_SUBJECT_KEYWORD.finditer(folded, start, pos))):
        m = _SUBJECT_AFTER.match(folded, keyword.start(), pos)
        if m:
            return _clean(text[m.start("subject"):m.end("subject")])
    return None


def _subject(text: str, folded: str, start: int, pos: int, lead_in: bool = False) -> str | None:
    """Who must reach the target, read from folded[start:pos].

    In an item the subject usually opens the sentence ("UBND cấp xã được giao …");
    a lead-in line names it after "cho" or "đối với" ("Giao chỉ tiêu … cho các sở …:").
    """
    start = _core_start(folded, start, pos)
    readers = (_subject_after_keyword, _subject_before_verb) if lead_in else (_subject_before_verb, _subject_after_keyword)
    for read in readers:
        subject = read(text, folded, start, pos)
        if subject:
            return subject
    return None


def _lowercase_first(phrase: str | None) -> str | None:
    return phrase[0].lower() + phrase[1:] if phrase else None


def _metric(text: str, folded: str, start: int, pos: int, end: int) -> str | None:
    """What is measured: the words after the percentage, or the rate named before it
    ("Tỷ lệ hồ sơ … của … phải đạt X%", "tỷ lệ … đạt trên 80%")."""
    comparator_after = _AFTER_AT_LEAST.match(folded, end) or _AFTER_AT_MOST.match(folded, end)
    after_start = comparator_after.end() if comparator_after else end
    after = _clean(text[after_start:_clause_end(folded, end)])
    clause_start = max(start, folded.rfind(":", start, pos) + 1, folded.rfind(";", start, pos) + 1)
    core = _core_start(folded, clause_start, pos)
    before = folded[core:pos]
    rate = re.match(r"\W*t\S\s+l\S\s+\S", before)
    if rate:
        stop = re.search(r"\s(?:[dp]\S{1,2}i\s+v\S{1,2}i|c[uitl]{1,2}a)\s", before)
        if not stop:
            stop = _BEFORE_NUMBER.search(before)
        if stop:
            return _lowercase_first(_clean(text[core:core + stop.start()]))
    if after and re.search(r"(?<![a-z])t\S\s+l\S(?![a-z])", before):
        return "tỷ lệ " + after
    return after


def _year(folded: str, start: int, end: int) -> int | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(folded, start, end)]
    if years:
        return years[-1]
    dates = find_dates(folded, start, end)
    return int(dates[0].iso[:4]) if dates else None


# A table row that OCR wrote with spaces (and the rules as "|"): index, name,
# count, percentage ("9 |UBND huyện Đà Bắc |192 |55%").
_SPACED_ROW = re.compile(
    r"(?m)^[ \t|:\[\]]*(?P<index>\d{1,3})?[ \t|:\[\].]*(?P<name>[^\W\d_][^\n%|\d]{1,60}?)[ \t|_\]]+"
    r"(?P<count>\d{1,6})[ \t|\]]+(?P<percent>\d{1,3}(?:[.,]\d{1,2})?[ \t]*%)[ \t|\]]*$"
)
MIN_SPACED_ROWS = 3  # rows in a run before spaced lines are taken for a table
# Rows this many line breaks apart or fewer are in the same table: OCR leaves
# blank lines, lines it could not read and section headings ("II. UBND các
# huyện") between rows.
ROW_GAP = 6


def _apart(text: str, end: int, start: int) -> bool:
    return text.count("\n", end, start) > ROW_GAP


def _rows(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, cells) of each table row: tab-separated lines, and runs of
    lines shaped like rows that OCR wrote with spaces."""
    rows = [(m.start(), m.end(), m.group().split("\t")) for m in re.finditer(r"(?m)^[^\n]*\t[^\n]*$", text)]
    run: list[tuple[int, int, list[str]]] = []
    for m in _SPACED_ROW.finditer(text):
        if "\t" in m.group():
            continue  # a tab-separated row, taken above
        if run and _apart(text, run[-1][1], m.start()):
            rows += run if len(run) >= MIN_SPACED_ROWS else []
            run = []
        run.append((m.start(), m.end(), [m.group("index") or "", m.group("name"), m.group("count"), m.group("percent")]))
    rows += run if len(run) >= MIN_SPACED_ROWS else []
    return sorted(rows)


def _table_targets(text: str, folded: str, default_year: int | None) -> list[Target]:
    targets = []
    header_cells: list[str] | None = None
    context_has_target = False
    previous_end = None
    for start, end, cells in _rows(text):
        if previous_end is None or _apart(text, previous_end, start):  # a new table
            header_cells = None
            context = folded[max(0, start - 600):start]
            context_has_target = bool(re.search(r"ch\S\s+ti\S{1,2}u|m\S{1,2}c\s+ti\S{1,2}u", context))
        previous_end = end
        percent_col = next((i for i, c in enumerate(cells) if _PERCENT.search(c)), None)
        if percent_col is None:
            if header_cells is None and any("%" in c or "t" in c.lower() for c in cells):
                header_cells = cells
            continue
        value = _number(_PERCENT.search(cells[percent_col]).group(1))
        subject = next((c.strip() for c in cells[1:] if re.search(r"[^\W\d_]{2}", c)), None)
        counts = [c.strip() for i, c in enumerate(cells) if i not in (0, percent_col) and re.fullmatch(r"\s*\d+\s*", c)]
        metric = None
        if header_cells and percent_col < len(header_cells):
            heading = _clean(header_cells[percent_col])
            metric = heading[0].lower() + heading[1:] if heading else None
        header_folded = " ".join(header_cells or []).lower()
        targets.append(Target(
            subject=subject,
            metric=metric,
            value=value,
            comparator=">=" if context_has_target or "chỉ tiêu" in header_folded else "=",
            year=_year(folded, start, end) or default_year,
            annual_increase=None,
            procedures_count=int(counts[0]) if counts else None,
            raw=text[start:end],
            start=start,
            end=end,
        ))
    return targets


def extract_targets(text: str, folded: str, default_year: int | None) -> list[Target]:
    """Every percentage target in the document, in order."""
    targets = _table_targets(text, folded, default_year)
    table_spans = [(t.start, t.end) for t in targets]
    previous: Target | None = None
    for m in _PERCENT.finditer(text):
        if any(s <= m.start() < e for s, e in table_spans):
            continue
        item_start = _item_start(folded, m.start(), max(0, m.start() - 600))
        before = folded[item_start:m.start()]
        if previous and previous.start == item_start and _ANNUAL.search(before) and _ANNUAL_AFTER.match(folded, m.end()):
            previous.annual_increase = _number(m.group(1))
            continue
        lead = _lead_in(text, folded, item_start)
        lead_cues = lead and _TARGET_CUES.search(folded, *lead) and re.search(
            r"ch\S\s+ti\S{1,2}u|m\S{1,2}c\s+ti\S{1,2}u|giao", folded[lead[0]:lead[1]]
        )
        if _NOT_TARGET.search(before[-60:]) or not (_TARGET_CUES.search(before) or lead_cues):
            continue
        end = _clause_end(folded, m.end())
        clause_start = max(item_start, folded.rfind(";", item_start, m.start()) + 1)
        subject = _subject(text, folded, clause_start, m.start()) or _subject(text, folded, item_start, m.start())
        year = _year(folded, item_start, end)
        if lead:
            subject = subject or _subject(text, folded, lead[0], lead[1], lead_in=True)
            year = year or _year(folded, lead[0], lead[1])
        target = Target(
            subject=subject,
            metric=_metric(text, folded, item_start, m.start(), m.end()),
            value=_number(m.group(1)),
            comparator=_comparator(folded, item_start, m.start(), m.end()),
            year=year or default_year,
            annual_increase=None,
            procedures_count=None,
            # The span is the whole item, so that a reader sees the subject,
            # comparator and metric that the value was read with.
            raw=text[item_start:end],
            start=item_start,
            end=end,
        )
        targets.append(target)
        previous = target
    targets.sort(key=lambda t: t.start)
    return targets
