"""Passes over a page's blocks after the walk, in place: tables written as text, an
episode table's premiere row, infobox fields, reader comments kept as plain text; and
the byline and dateline texts that state the page's own dates."""

from __future__ import annotations

import re
from typing import Any

from scraper.parse.blocks import Block

# A text table's separator row ("---|---|", "| :--- | ---: |"): its dash groups are columns.
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _text_tables(blocks: list[Block]) -> None:
    """Tables written as text (a page that stores a table as "Title |", "Date |",
    "---|---|", then a paragraph a cell or a row) become table rows, in place: each row
    is one block with its cells and the table's header, as an HTML table's would be."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.chrome or "---" not in block.text or not _TABLE_RULE.fullmatch(block.text.strip()):
            index += 1
            continue
        columns = len([g for g in block.text.strip().strip("|").split("|") if "-" in g])
        if columns < 2:
            index += 1
            continue
        # The header: one block of all the labels, or one block a label just above.
        start = index - 1
        header: list[str] = []
        if start >= 0 and len(_cells(blocks[start].text)) == columns:
            header = _cells(blocks[start].text)
        else:
            start = index - columns
            if start >= 0 and all(b.text.rstrip().endswith("|") for b in blocks[start:index]):
                header = [_cells(b.text)[0] for b in blocks[start:index]]
        if not header:
            index += 1
            continue
        rows: list[Block] = [Block(" | ".join(["", *header]).strip(), role="table_header",
                                   cells=tuple(header))]  # fmt: skip
        end, pending = index + 1, []
        while end < len(blocks) and blocks[end].text.rstrip().endswith("|"):
            pending.extend(_cells(blocks[end].text))
            end += 1
            if len(pending) >= columns:
                cells = tuple(pending[:columns])
                rows.append(Block("| " + " | ".join(cells), role="table_cell", cells=cells,
                                  header=tuple(header)))  # fmt: skip
                pending = []
        if len(rows) < 2:
            index += 1
            continue
        # Keep the block count (videos and rails point at blocks by index): the rows
        # take the first places, and the rest become empty separators.
        span = end - start
        filler = [Block("", role="body")] * (span - len(rows))
        blocks[start:end] = rows + filler
        index = start + span


# An episode table's columns: the episode's number ("No.", "#", "No. in season") and its
# air date ("Original air date", "Release date", "Air date", "First aired").
_EPISODE_NUMBER = re.compile(
    r"(?:no\.?|#|ep\.?|episode(?:\s+(?:no\.?|number|#))?)(?:\s+(?:in\s+season|overall))?",
    re.IGNORECASE,
)
_IN_SEASON = re.compile(r".*\bin\s+season\b", re.IGNORECASE)
_AIR_DATE = re.compile(
    r"(?:original\s+|us\s+|u\.s\.\s+|uk\s+)?(?:air|release|broadcast|premiere|streaming)\s+date"
    r"|(?:first\s+|originally\s+)?(?:aired|released|broadcast)",
    re.IGNORECASE,
)


def _episode_tables(blocks: list[Block]) -> None:
    """An episode table's row for episode 1 dates the season's premiere: it becomes a
    field of its date column ("Original air date | October 16, 2025"), in place. The
    other rows stay rows: a later episode's date is no premiere."""
    for index in range(len(blocks) - 1):
        header = blocks[index]
        if header.role != "table_header" or len(header.cells) < 2:
            continue
        numbers = [i for i, c in enumerate(header.cells) if _EPISODE_NUMBER.fullmatch(c)]
        dates = [i for i, c in enumerate(header.cells) if _AIR_DATE.fullmatch(c)]
        if not numbers or not dates:
            continue
        in_season = [i for i in numbers if _IN_SEASON.match(header.cells[i])]
        number = (in_season or numbers)[0]
        row = blocks[index + 1]
        if row.role != "table_cell" or len(row.cells) != len(header.cells):
            continue
        if row.cells[number] != "1" or not row.cells[dates[0]]:
            continue
        label, value = header.cells[dates[0]], row.cells[dates[0]]
        blocks[index + 1] = Block(f"{label} | {value}", role="field", label=label,
                                  cells=(label, value))  # fmt: skip


# A table of moves: a column of the dates left ("Was", "Old date", "Previous") beside
# one of the dates moved to ("Now", "New date").
_LEFT_COLUMN = re.compile(
    r"(?:was|old|previous(?:ly)?|original(?:ly)?|former|from)(?:\s+(?:release\s+)?date)?",
    re.IGNORECASE,
)
_NEW_COLUMN = re.compile(r"(?:now|new|to|moved\s+to)(?:\s+(?:release\s+)?date)?", re.IGNORECASE)


def _moves_tables(blocks: list[Block]) -> None:
    """A table of moves' rows drop the cell of the date left, in place ("| No Time to Die
    | Apr 2, 2021 | Oct 8, 2021" under "Title | Was | Now" reads "| No Time to Die | Oct 8,
    2021"): the row dates the work where it now stands; the old date is no date of it."""
    for index, block in enumerate(blocks):
        header = block.header
        if block.role != "table_cell" or len(header) != len(block.cells):
            continue
        left = [i for i, c in enumerate(header) if _LEFT_COLUMN.fullmatch(c.strip())]
        if not left or not any(_NEW_COLUMN.fullmatch(c.strip()) for c in header):
            continue
        kept = [c for i, c in enumerate(block.cells) if i not in left]
        blocks[index] = block._replace(text="| " + " | ".join(kept))


# An infobox row's label: short, no sentence, no digits ("Premiere", "Original run:").
_INFOBOX_LABEL = re.compile(r"[A-Za-z][\w'\u2019 ./&()-]{0,38}:?")


def _infobox_fields(blocks: list[Block]) -> None:
    """An infobox's blocks become fields, in place: a row of cells is one already; a
    label (a heading, or a line ending in a colon) over its value is one field
    ("Premiere | February 20, 2025"), as a dt/dd pair is. Anything else in the box
    is read as body text."""
    index, count = 0, len(blocks)
    while index < count:
        block = blocks[index]
        if block.role != "infobox":
            index += 1
            continue
        if len(block.cells) >= 2:
            blocks[index] = block._replace(role="field", label=block.cells[0], heading=False)
            index += 1
            continue
        following = blocks[index + 1] if index + 1 < count else None
        if (
            following is not None
            and following.role == "infobox"
            and not following.heading
            and not following.cells
            and (block.heading or block.text.endswith(":"))
            and _INFOBOX_LABEL.fullmatch(block.text)
        ):
            label = block.text.rstrip(":").strip()
            cells = (label, following.text)
            # Keep the block count (videos and rails point at blocks by index).
            blocks[index] = Block(f"{label} | {following.text}", role="field", label=label,
                                  cells=cells)  # fmt: skip
            blocks[index + 1] = Block("", role="body")
            index += 2
            continue
        # (a box's own headings, "Information", "Chronology", head no passage)
        blocks[index] = block._replace(role="body", heading=False)
        index += 1


# A fact card's label as a line of its own: a short name, no digit, no sentence
# ("Release Date", "Director", "Writers", "Runtime:").
_CARD_LABEL = re.compile(r"[A-Z][A-Za-z'\u2019&/-]*(?:\s+[A-Za-z'\u2019&/()-]+){0,2}:?")


def _card_pair(blocks: list[Block], index: int) -> bool:
    """blocks[index] is a card's label line and the next block its value."""
    if index + 1 >= len(blocks):
        return False
    label, value = blocks[index], blocks[index + 1]
    return (
        label.role == "body"
        and value.role == "body"
        and not (label.heading or value.heading or label.chrome or value.chrome)
        and not (label.cells or value.cells)
        and _CARD_LABEL.fullmatch(label.text.strip()) is not None
        and 0 < len(value.text) <= 100
        and not value.text.rstrip().endswith((".", "?", "!"))
    )


def _card_fields(blocks: list[Block]) -> None:
    """A fact card written as plain lines, each label over its value ("Release Date",
    "May 1, 2025", "Director", "Paul Feig"), is read as an infobox's fields, in place:
    two or more pairs in a row make a card (one short line over another is a title over
    its date, no card), and some value in it is no name (a column of names, a cast list's
    "Joe Locke" over "Kit Connor", is no card). A value is its label's field, not a
    byline's stamp."""
    index = 0
    while index + 1 < len(blocks):
        end = index
        while _card_pair(blocks, end):
            end += 2
        pairs = range(index, end, 2)
        # (most places start no pair: the values are looked at only under two or more)
        if len(pairs) < 2 or all(
            _CARD_LABEL.fullmatch(blocks[at + 1].text.strip()) for at in pairs
        ):
            index = max(index + 1, end - 1)
            continue
        for at in pairs:
            label = blocks[at].text.strip().rstrip(":").strip()
            value = blocks[at + 1].text.strip()
            # Keep the block count (videos and rails point at blocks by index).
            blocks[at] = Block(f"{label} | {value}", role="field", label=label,
                               cells=(label, value))  # fmt: skip
            blocks[at + 1] = Block("", role="body")
        index = end


# A reader comment's opening line when a page keeps its comments as plain text:
# "• Jo says:", "3. Sam says:", "jdoe commented:" (a "Reply" button follows).
_COMMENT_OPENING = re.compile(
    r"\W*(?:\d{1,4}\.\s*)?[\w .'\u2019@-]{1,40}?\s+(?:says|wrote|commented)(?:\s+on\b.*)?:",
    re.IGNORECASE,
)
_COMMENT_BUTTONS = re.compile(r"\W*(?:reply|report|like|flag|permalink)\W*", re.IGNORECASE)


def _text_comments(blocks: list[Block]) -> None:
    """Reader comments kept as plain paragraphs, with no class naming them: from the
    first "<name> says:" line that a "Reply" button soon follows,
    every block to the end is a comment (comment sections close a page)."""
    openings = [i for i, b in enumerate(blocks) if b.text[-1:] == ":" and len(b.text) <= 120]
    for index in openings:
        block = blocks[index]
        if block.chrome or not _COMMENT_OPENING.fullmatch(block.text):
            continue
        if not any(_COMMENT_BUTTONS.fullmatch(b.text) for b in blocks[index + 1 : index + 6]):
            continue
        for at in range(index, len(blocks)):
            if not blocks[at].chrome:
                blocks[at] = blocks[at]._replace(chrome=True, role="comment")
        return


def _stamps(blocks: list[Block]) -> Any:
    """The texts of the byline and dateline blocks and dateline prefixes, top first."""
    for block in blocks[:60]:
        if block.role in ("byline", "dateline"):
            yield block.text
        elif block.dateline:
            yield block.text[: block.dateline]
