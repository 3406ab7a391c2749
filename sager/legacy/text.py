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


def is_blank(raw: str) -> bool:
    return raw.strip() == ""


def strip_page_break(raw: str) -> str:
    """The first line of a page carries one leading space (§7.3); labels never start indented."""
    return raw.rstrip()[1:] if raw.startswith(" ") and not raw.startswith("  ") else raw.rstrip()


def join_narrow(fragments: list[str]) -> str:
    """Join lines of the narrow label column (decision headings, labels).

    The extraction keeps the space after a word when it wraps a line at a word boundary, so a
    fragment without a trailing space was broken mid-word ("Beskæftigelsesudvalge" + "t") or in
    a date ("13-05-" + "2015") and is joined without a space. If trailing spaces were lost,
    a hyphen before a letter ("Erhvervs-" + "og") or a next fragment starting upper-case still
    gets a space.
    """
    out = ""
    trailing = False
    for raw in fragments:
        piece = raw.strip()
        if not piece:
            continue
        if not out:
            out = piece
        elif trailing or (out.endswith("-") and piece[0].isalpha()) or piece[0].isupper():
            out = f"{out} {piece}"
        else:
            out += piece
        trailing = raw.rstrip("\n") != raw.rstrip()
    return out


def format_text(lines: list[str]) -> str:
    """Turn the raw lines of one cell into paragraphs ("\\n\\n") and list entries ("\\n").

    Rules (§7.3, §7.6, §7.23): lines inside a paragraph are joined by one space; an empty or
    whitespace-only line ends a paragraph, except an empty line inside a wrapped sentence (the
    next line starts lower-case and the text so far has no sentence end); a bullet glyph, a
    numbered entry or - for a lost glyph - a leading space after a break or after another list
    entry starts a list entry; any other leading space is a page break and is dropped.
    """
    entries: list[dict] = []  # {"kind": "para"|"item", "prefix": str, "parts": [str]}
    pending_break = False
    break_only_empty = True
    for raw in lines:
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
        elif current and not pending_break:
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
