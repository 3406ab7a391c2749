"""Line-level rules shared by the protocol and the savings-form parsers (DOMAIN §7)."""

from __future__ import annotations

import re

# Bullet glyphs seen in the old system's extractions (§7.6): "•", "·", dash/en dash, the
# replacement character left by a lost symbol font, and "o" for sub-bullets.
BULLET_RE = re.compile(r"^[•·\-–\ufffdo▪■]\s+(?P<text>\S.*)$")
# Numbered list entries are followed by a run of spaces (a tab stop), unlike a date such as
# "18. februar 2014." that happens to start a line.
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\.\s{2,}(?P<text>\S.*)$")
SENTENCE_END = (".", "!", "?", ":", ";")
# Put by the parser in a cell's lines where a page footer was removed: a page break.
PAGE_BREAK = "\f"
# A line that ends in a hyphen or slash after a letter or digit was broken there ("koch-" /
# "udvalget", "bord/" / "stand"): it is joined without a space and keeps the hyphen, unless
# the next line starts with a conjunction ("Erhvervs-" / "og Beskæftigelse").
HYPHEN_END_RE = re.compile(r"\w[-/]$")
SUSPENDED_HYPHEN_NEXT = ("og ", "eller ", "samt ", "og/eller ")


def is_blank(raw: str) -> bool:
    return raw.strip() == ""


def strip_page_break(raw: str) -> str:
    """The first line of a page carries one leading space (§7.3); labels never start indented."""
    return raw.rstrip()[1:] if raw.startswith(" ") and not raw.startswith("  ") else raw.rstrip()


def join_narrow(
    fragments: list[str], known: tuple[str, ...] = (), keeps_trailing: bool = True
) -> str:
    """Join lines of the narrow label column (decision headings, labels).

    An extraction that keeps trailing spaces (`keeps_trailing`) keeps the space after a word
    when it wraps a line at a word boundary, so a fragment without a trailing space was broken
    mid-word ("Beskæftigelsesudvalge" + "t") or in a date ("13-05-" + "2015") and is joined
    without a space. Without that information a wrap is a word boundary, unless the line ends
    in a hyphen before a digit (a term or date). In both cases a hyphen before a letter
    ("Erhvervs-" + "og"), a next fragment starting upper-case or a digit after a word gets a
    space, and when exactly one of the two joins continues a `known` name, that one wins.
    """
    out = ""
    trailing = False
    for raw in fragments:
        piece = raw.strip()
        if not piece:
            continue
        if not out:
            out = piece
            trailing = raw.rstrip("\n") != raw.rstrip()
            continue
        spaced, glued = f"{out} {piece}", out + piece
        fits = [c for c in (spaced, glued) if any(continues(name, c) for name in known)]
        if len(fits) == 1:
            out = fits[0]
        elif (
            trailing
            or (out.endswith("-") and piece[0].isalpha())
            or piece[0].isupper()
            or (piece[0].isdigit() and not out.endswith("-"))
            or (not keeps_trailing and not out.endswith("-"))
        ):
            out = spaced
        else:
            out = glued
        trailing = raw.rstrip("\n") != raw.rstrip()
    return out


def continues(name: str, text: str) -> bool:
    """True if `text` (a heading without "Beslutning") is a start of `name` or runs past it
    into " den …"; compared word by word, so a glued word does not count."""
    if text.startswith(name + " ") or text == name:
        return True
    words, name_words = text.split(" "), name.split(" ")
    if len(words) > len(name_words):
        return False
    return words[:-1] == name_words[: len(words) - 1] and name_words[len(words) - 1].startswith(
        words[-1]
    )


def format_text(lines: list[str]) -> str:
    """Turn the raw lines of one cell into paragraphs ("\\n\\n") and list entries ("\\n").

    Rules (§7.3, §7.6, §7.23): lines inside a paragraph are joined by one space; an empty or
    whitespace-only line ends a paragraph, except an empty line inside a wrapped sentence (the
    next line starts lower-case and the text so far has no sentence end); a bullet glyph, a
    numbered entry or - for a lost glyph - a leading space after a break or after another list
    entry starts a list entry; any other leading space is a page break and is dropped. In a
    cell without any blank line (an extraction that drops the space between paragraphs) a
    paragraph ends where the next word would have fitted on the line (`ends_paragraph`).
    """
    entries: list[dict] = []  # {"kind": "para"|"item", "prefix": str, "parts": [str]}
    pending_break = False
    break_only_empty = True
    page_break = False
    marked = lines
    lines = [raw for raw in lines if raw != PAGE_BREAK]
    # Only a cell without any blank line between its text lines can have lost its paragraph
    # breaks; where blank lines separate paragraphs, a line break is never one - except at a
    # page break, where a paragraph can end without any space after it.
    texts = [i for i, raw in enumerate(lines) if raw.strip()]
    inner_blank = bool(texts) and any(not lines[i].strip() for i in range(texts[0], texts[-1]))
    full_width = line_width(lines)
    width = 0 if inner_blank else full_width
    previous = ""
    for raw in marked:
        if raw == PAGE_BREAK:
            page_break = True
            continue
        raw = raw.rstrip()
        if raw.strip() == "":
            if entries:
                pending_break = True
                break_only_empty = break_only_empty and raw == ""
            continue
        stripped = raw.strip()
        current = entries[-1] if entries else None
        bullet = BULLET_RE.match(stripped)
        numbered = NUMBERED_RE.match(stripped)
        indented = raw.startswith(" ")
        prev_text = " ".join(current["parts"]) if current else ""
        if bullet and not (stripped.startswith("-") and stripped.rstrip() == "-"):
            entries.append({"kind": "item", "prefix": "- ", "parts": [bullet["text"].strip()]})
        elif numbered:
            prefix = f"{numbered['num']}. "
            entries.append({"kind": "item", "prefix": prefix, "parts": [numbered["text"].strip()]})
        elif (
            indented
            and current
            and (pending_break or current["kind"] == "item" or prev_text.endswith(":"))
            and not is_page_break_continuation(current, stripped, pending_break)
        ):
            # A lost bullet glyph: the leading space is all that is left of it.
            entries.append({"kind": "item", "prefix": "- ", "parts": [stripped]})
        elif (
            current
            and not pending_break
            and HYPHEN_END_RE.search(previous)
            and stripped[0].isalnum()
            and not (previous.endswith("-") and stripped.startswith(SUSPENDED_HYPHEN_NEXT))
        ):
            current["parts"][-1] += stripped  # a line broken at a hyphen
        elif (
            current
            and not pending_break
            and not ends_paragraph(
                previous,
                stripped,
                full_width if page_break else width,
                current["kind"] == "item",
            )
        ):
            current["parts"].append(stripped)
        elif (
            current
            and break_only_empty
            and stripped[0].islower()
            and not prev_text.endswith(SENTENCE_END)
        ):
            current["parts"].append(stripped)  # empty line inside a wrapped sentence (§7.6)
        else:
            entries.append({"kind": "para", "prefix": "", "parts": [stripped]})
        pending_break = False
        break_only_empty = True
        page_break = False
        previous = stripped
    out = ""
    previous_kind = None
    for entry in entries:
        text = entry["prefix"] + " ".join(entry["parts"])
        if not out:
            out = text
        elif entry["kind"] == "item" and previous_kind == "item":
            out += "\n" + text
        else:
            out += "\n\n" + text
        previous_kind = entry["kind"]
    return out


def line_width(lines: list[str]) -> int:
    """The cell's full line length in characters: the longest line, ignoring lines much longer
    than most (the extraction can glue two lines at a hyphen)."""
    lengths = sorted(len(raw.strip()) for raw in lines if raw.strip())
    if not lengths:
        return 0
    typical = lengths[int(0.75 * (len(lengths) - 1))]
    return max(n for n in lengths if n <= 1.25 * typical)


def ends_paragraph(line: str, following: str, width: int, in_list: bool = False) -> bool:
    """A paragraph break that left no blank line (an extraction that drops the space between
    paragraphs): the next line starts a sentence, and its first word would have fitted on
    this line, so the line did not wrap; the line ends a sentence, ends a list entry or is
    short (a heading)."""
    if not line or not (following[0].isupper() or following[0].isdigit() or following[0] in '”"'):
        return False
    if len(line) + 1 + len(following.split()[0]) > width:
        return False
    return in_list or line.endswith((*SENTENCE_END, "”", ")")) or len(line) < 0.6 * width


def is_page_break_continuation(current: dict, stripped: str, pending_break: bool) -> bool:
    """Tell a page-break space from a lost bullet glyph on a line right after a list entry.

    It is a page break when the sentence goes on (lower-case start, no sentence end before)
    and the line before it was full width, i.e. did not end early the way an entry's last line
    does ("… uddannelse og" / "erhverv" / " vejlede …" is a new entry).
    """
    parts = current["parts"]
    if pending_break or not stripped[0].islower() or " ".join(parts).endswith(SENTENCE_END):
        return False
    if len(parts) < 2:
        return current["kind"] == "para"
    return len(parts[-1]) >= 0.8 * max(len(part) for part in parts)


def normalise_ws(text: str) -> str:
    """Collapse all whitespace; used to compare texts independent of paragraph layout."""
    return " ".join(text.split())
