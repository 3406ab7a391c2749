"""Active content taken out of PDFs that others upload and we pass on (bilag).

An attachment is shown to members and the public, alone and inside the merged agenda and
protocol PDFs. Whatever a viewer runs or opens by itself must not come along: JavaScript,
actions that launch programs, open web addresses, send form data or fetch other files, embedded
files, XFA forms and multimedia. Text, pictures and internal links stay.

The cleaning works on a PdfReader's objects in memory (pypdf keeps each object it has read), so
a PdfWriter that clones or appends from the reader afterwards copies only what is left; the
removed objects are no longer reachable and are not written.
"""

import re

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# The one action kind kept: a jump inside the document (a table of contents, "see page 4").
SAFE_ACTIONS = {"/GoTo"}
# Keys whose value is an action (/Next: the action that follows; /PA: a link's former action).
ACTION_KEYS = ("/A", "/OpenAction", "/PA", "/Next")
# Keys dropped wherever they occur: trigger actions (/AA), JavaScript (the /JS of an action,
# the document's /JavaScript name tree), embedded files (the /EmbeddedFiles name tree, a file
# specification's /EF and /RF streams), XFA forms and portfolios.
DROPPED_KEYS = (
    "/AA",
    "/JS",
    "/JavaScript",
    "/EmbeddedFiles",
    "/EF",
    "/RF",
    "/XFA",
    "/NeedsRendering",
    "/Collection",
)
# Annotations that carry a file, a program or media; a viewer opens them on a click.
DROPPED_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}

# The names only active content uses, as they stand in a file's bytes (outside compressed
# streams). Not /OpenAction: most office programs open their PDFs at a page with it.
ACTIVE_NAME = re.compile(
    rb"/(?:JavaScript|JS|AA|Launch|EmbeddedFiles?|EF|XFA|RichMedia|SubmitForm|ImportData"
    rb"|GoToR|GoToE|FileAttachment)(?![A-Za-z0-9#])"
)


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _is_active(action) -> bool:
    """An action dictionary (it has /S, or /JS) of any kind but a jump inside the document."""
    action = _resolved(action)
    if not isinstance(action, DictionaryObject):
        return False  # e.g. /OpenAction as a plain destination array: harmless
    if "/JS" in action:
        return True
    return "/S" in action and action.get("/S") not in SAFE_ACTIONS


def _subtype(annotation):
    annotation = _resolved(annotation)
    return annotation.get("/Subtype") if isinstance(annotation, DictionaryObject) else None


def _strip_dictionary(obj: DictionaryObject) -> list[str]:
    removed = []
    for key in DROPPED_KEYS:
        if key in obj:
            del obj[key]
            removed.append(key)
    for key in ACTION_KEYS:
        value = _resolved(obj.get(key))
        if isinstance(value, ArrayObject) and key == "/Next":
            kept = [item for item in value if not _is_active(item)]
            if len(kept) != len(value):
                removed.append(f"{key} (action)")
                value[:] = kept
        elif _is_active(value):
            removed.append(f"{key} {_resolved(value).get('/S', '/JavaScript')}")
            del obj[key]
    annots = _resolved(obj.get("/Annots"))
    if isinstance(annots, ArrayObject):
        dropped = [_subtype(annot) for annot in annots if _subtype(annot) in DROPPED_ANNOTATIONS]
        if dropped:
            removed += [f"/Annots {subtype}" for subtype in dropped]
            annots[:] = [annot for annot in annots if _subtype(annot) not in DROPPED_ANNOTATIONS]
    return removed


def strip_active_content(reader: PdfReader) -> list[str]:
    """Remove the active content from the reader's document (in memory, see above) and return
    what was removed, for the log; an empty list when there was none.

    Every object reachable from the document catalog is visited once, so nothing depends on
    where a producer put an action: pages, annotations, form fields, outline items and the
    actions chained after them alike.
    """
    catalog = reader.root_object  # pypdf finds it also when the trailer does not name it
    removed = []
    if "/URI" in catalog:
        del catalog["/URI"]  # the base address relative web links resolve against
        removed.append("/URI")
    stack, seen = [catalog], set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            removed += _strip_dictionary(obj)
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return removed


def has_active_names(data: bytes) -> bool:
    """Whether the file's bytes name active content anywhere outside compressed streams."""
    return ACTIVE_NAME.search(data) is not None
