"""Tagged PDF for the one-pager: marked content on the page, a structure tree beside it.

reportlab's open-source canvas writes no tags, so this module does it by hand. A
:class:`Tagger` rides on the canvas (``canvas._tagger``); the drawing code asks it,
through :func:`marked` and :func:`artifact`, to wrap what it draws:

- every text run in ``/Role <</MCID n>> BDC ... EMC``, owned by a structure element;
- every decorative shape (bands, rules, panel backgrounds) in ``/Artifact BMC ... EMC``.

Structure elements are opened in drawing order, which is the page's reading order.
What each paragraph is comes from its style's name (:data:`ROLES`): a title is an
``H1``, a section label an ``H2``, a summary bullet an ``LI`` of an ``L`` with its
bullet as ``Lbl`` and its text as ``LBody``, and so on. Consecutive pieces share
their outer elements (one ``L`` for the summary, one ``BlockQuote`` for a quote and
its speaker), and the second half of a paragraph split across columns continues the
element of the first.

:func:`finish` then writes the tree (``StructTreeRoot``, ``ParentTree``, ``OBJR``
for the link) and leaves the document-level parts to :mod:`.archival`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference, PDFString
from reportlab.pdfgen.canvas import Canvas

ROLES: dict[str, tuple[tuple[str, ...], int]] = {
    # style name: (roles from the Document down, first level that is a new element)
    "masthead": (("P",), 0),
    "title": (("H1",), 0),
    "standfirst": (("P",), 0),
    "meta": (("P",), 0),
    "label": (("H2",), 0),
    "summary": (("L", "LI", "LBody"), 2),
    "summary.bullet": (("L", "LI", "Lbl"), 1),
    "quote": (("BlockQuote", "P"), 0),
    "speaker": (("BlockQuote", "P"), 1),
    "figure": (("L", "LI", "Lbl"), 1),
    "context": (("L", "LI", "LBody"), 2),
    "body": (("P",), 0),
    "heading": (("H3",), 0),
    "body_quote": (("BlockQuote", "P"), 0),
    "item": (("L", "LI", "LBody"), 2),
    "item.bullet": (("L", "LI", "Lbl"), 1),
    "note": (("P",), 0),
    "source": (("P",), 0),
    "source.link": (("P", "Link"), 1),
}
"""What each kind of text on the page is in the structure tree."""

LABELS = frozenset({"label", "note", "source"})
"""Styles whose words are the template's labels, in the labels' language."""


@dataclass(eq=False, slots=True)
class Element:
    """A structure element: its role, its kids (MCIDs, elements or an annotation)."""

    role: str
    lang: str | None = None
    kids: list[Element | int | PDFObjectReference] = field(default_factory=list)
    """MCIDs (ints), child elements, and annotation references (an ``OBJR`` each)."""


class Tagger:
    """The structure of one page while it is drawn, and its marked-content ids."""

    def __init__(self, canvas: Canvas, language: str, label_language: str) -> None:
        self.canvas = canvas
        self.language = language
        self.label_language = label_language
        self.document = Element("Document")
        self.stack: list[Element] = []
        self.owners: list[Element] = []
        """The element owning each MCID, by MCID: the page's entry in the ParentTree."""
        self.annotations: list[tuple[Element, PDFObjectReference]] = []
        canvas._tagger = self

    def open(self, name: str, continued: bool = False) -> Element:
        """The element a piece of text of style ``name`` belongs to, opened as needed."""
        roles, fresh = ROLES.get(name, (("P",), 0))
        if continued:
            fresh = len(roles)
        lang = self.label_language if name.split(".")[0] in LABELS else None
        keep = 0
        while (keep < len(self.stack) and keep < len(roles) and keep < fresh
               and self.stack[keep].role == roles[keep]):
            keep += 1
        del self.stack[keep:]
        parent = self.stack[-1] if self.stack else self.document
        for role in roles[keep:]:
            element = Element(role, lang if lang != self.language else None)
            parent.kids.append(element)
            self.stack.append(element)
            parent = element
        return self.stack[-1]

    def begin(self, element: Element) -> None:
        """Start a marked-content sequence owned by ``element``."""
        mcid = len(self.owners)
        self.owners.append(element)
        element.kids.append(mcid)
        self.canvas._code.append(f"/{element.role} <</MCID {mcid}>> BDC")

    def end(self) -> None:
        """Close the marked-content sequence :meth:`begin` opened."""
        self.canvas._code.append("EMC")


def _tagger(canvas: Any) -> Tagger | None:
    return getattr(canvas, "_tagger", None)


@contextmanager
def marked(canvas: Any, name: str, continued: bool = False) -> Iterator[Element | None]:
    """Draw text of style ``name`` inside marked content (nothing on an untagged canvas)."""
    tagger = _tagger(canvas)
    if tagger is None:
        yield None
        return
    element = tagger.open(name, continued)
    tagger.begin(element)
    try:
        yield element
    finally:
        tagger.end()


@contextmanager
def artifact(canvas: Any) -> Iterator[None]:
    """Draw decoration (a band, a rule, a background) as an artifact, outside the tree."""
    tagger = _tagger(canvas)
    if tagger is not None:
        canvas._code.append("/Artifact BMC")
    try:
        yield
    finally:
        if tagger is not None:
            canvas._code.append("EMC")


def link(canvas: Any, element: Element | None, annotation_number: int) -> None:
    """Make annotation ``annotation_number`` (reportlab's count) a kid of ``element``."""
    tagger = _tagger(canvas)
    if tagger is None or element is None:
        return
    reference = canvas._doc.refAnnotation(f"NUMBER{annotation_number}")
    element.kids.append(reference)
    tagger.annotations.append((element, reference))


class _Written(PDFObject):  # type: ignore[misc]
    """An object written by ``write(number_of)``: the tree's elements are many small
    dictionaries, and reportlab's general formatting of each costs more than the page's
    text; these are written directly, references resolved when the file is written."""

    def __init__(self, write: Callable[[Callable[[PDFObjectReference], bytes]], bytes]) -> None:
        self.write = write

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion

        def number_of(reference: PDFObjectReference) -> bytes:
            return b"%d %d R" % numbers[reference.name]

        return self.write(number_of)


def finish(canvas: Canvas, page: PDFObjectReference) -> PDFObjectReference:
    """Write the structure tree of the page ``page`` into the canvas's document; the
    ``StructTreeRoot``'s reference. Annotations get ``StructParent`` 1, 2, ... and the
    page ``StructParents`` 0, set by the caller."""
    tagger = _tagger(canvas)
    if tagger is None:
        raise ValueError("the canvas was not tagged")
    doc = canvas._doc
    references: dict[int, PDFObjectReference] = {}
    parent_of: dict[int, PDFObjectReference] = {}
    elements = []

    def register(element: Element, parent: PDFObjectReference) -> None:
        reference = doc.Reference(_Written(partial(_element, element)))
        references[id(element)] = reference
        parent_of[id(element)] = parent
        elements.append(element)
        for kid in element.kids:
            if isinstance(kid, Element):
                register(kid, reference)

    def _element(element: Element, number_of: Callable[[PDFObjectReference], bytes]) -> bytes:
        kids = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(number_of(references[id(kid)]))
            elif isinstance(kid, int):
                kids.append(b"%d" % kid)
            else:
                kids.append(b"<< /Type /OBJR /Obj " + number_of(kid) + b" /Pg "
                            + number_of(page) + b" >>")
        lang = b" /Lang " + PDFString(element.lang).format(doc) if element.lang else b""
        return (b"<< /Type /StructElem /S /" + element.role.encode("ascii") + b" /P "
                + number_of(parent_of[id(element)]) + b" /Pg " + number_of(page) + lang
                + b" /K [ " + b" ".join(kids) + b" ] >>")

    root_ref = doc.Reference(_Written(lambda n: (
        b"<< /Type /StructTreeRoot /K " + n(references[id(tagger.document)])
        + b" /ParentTree " + n(tree_ref)
        + b" /ParentTreeNextKey %d >>" % (len(tagger.annotations) + 1))))
    register(tagger.document, root_ref)
    owners_ref = doc.Reference(_Written(lambda n: b"[ " + b" ".join(
        n(references[id(owner)]) for owner in tagger.owners) + b" ]"))

    def parent_tree(n: Callable[[PDFObjectReference], bytes]) -> bytes:
        entries = [b"0 " + n(owners_ref)]
        for number, (element, _) in enumerate(tagger.annotations, start=1):
            entries.append(b"%d " % number + n(references[id(element)]))
        return b"<< /Nums [ " + b" ".join(entries) + b" ] >>"

    tree_ref = doc.Reference(_Written(parent_tree))
    return root_ref
