"""Reading a tagged PDF back with pypdf: its structure tree, its marked content, its XMP.

Plain helpers for ``test_pdf_tagged.py`` (no fixtures): what each PDF/UA-1 and
PDF/A-2b clause the one-pager implements looks like, read from the bytes.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
PAINTING = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do"}
SHOWING = {"Tj", "TJ", "'", '"'}


@dataclass
class Node:
    """A structure element as read back: role, language, kids (MCIDs, nodes, OBJRs)."""

    role: str
    lang: str | None
    ref: Any
    kids: list[Any] = field(default_factory=list)
    parent: Node | None = None

    def walk(self) -> list[Node]:
        """This node and its descendants, in tree order."""
        found = [self]
        for kid in self.kids:
            if isinstance(kid, Node):
                found += kid.walk()
        return found

    def mcids(self) -> list[int]:
        """The MCIDs under this node, in tree order."""
        found: list[int] = []
        for kid in self.kids:
            if isinstance(kid, Node):
                found += kid.mcids()
            elif isinstance(kid, int):
                found.append(kid)
        return found


def _resolve(thing: Any) -> Any:
    return thing.get_object() if isinstance(thing, IndirectObject) else thing


def structure(reader: PdfReader) -> Node:
    """The tree under ``StructTreeRoot``, its root being the ``StructTreeRoot`` itself."""

    def read(ref: Any, parent: Node | None) -> Node:
        element = _resolve(ref)
        node = Node(str(element.get("/S", "/StructTreeRoot"))[1:], element.get("/Lang"),
                    ref, parent=parent)
        kids = element.get("/K")
        kids = [] if kids is None else kids if isinstance(kids, ArrayObject) else [kids]
        for kid in kids:
            resolved = _resolve(kid)
            if isinstance(resolved, int):
                node.kids.append(int(resolved))
            elif isinstance(resolved, DictionaryObject) and resolved.get("/Type") == "/OBJR":
                node.kids.append(resolved)
            elif isinstance(resolved, DictionaryObject) and resolved.get("/Type") == "/MCR":
                node.kids.append(int(resolved["/MCID"]))
            else:
                node.kids.append(read(kid, node))
        return node

    return read(reader.trailer["/Root"].raw_get("/StructTreeRoot"), None)


@dataclass
class Marked:
    """The page's content stream as marked content: text by MCID, in stream order."""

    order: list[int]
    text: dict[int, str]
    untagged_text: list[str]
    """Text shown outside any MCID-marked sequence (or inside an artifact)."""
    unmarked_painting: list[str]
    """Painting operators outside both an artifact and tagged content."""
    artifacts: int


def marked_content(reader: PdfReader) -> Marked:
    """Walk the first page's content stream, keeping track of BDC/BMC/EMC nesting."""
    page = reader.pages[0]
    stack: list[tuple[str, int | None]] = []
    order: list[int] = []
    text: dict[int, str] = {}
    untagged: list[str] = []
    unmarked: list[str] = []
    artifacts = 0
    current: list[int | None] = [None]

    def before(operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        nonlocal artifacts
        op = operator.decode("latin-1")
        if op == "BDC":
            properties = operands[1]
            mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
            stack.append((str(operands[0]), None if mcid is None else int(mcid)))
            if mcid is not None:
                order.append(int(mcid))
        elif op == "BMC":
            stack.append((str(operands[0]), None))
            if str(operands[0]) == "/Artifact":
                artifacts += 1
        elif op == "EMC":
            stack.pop()
        in_artifact = any(tag == "/Artifact" for tag, _ in stack)
        mcids = [mcid for _, mcid in stack if mcid is not None]
        current[0] = None if in_artifact or not mcids else mcids[-1]
        if op in PAINTING and not in_artifact and not mcids:
            unmarked.append(op)

    def visit(shown: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not shown:
            return
        if current[0] is None:
            if shown.strip():
                untagged.append(shown)
            return
        text[current[0]] = text.get(current[0], "") + shown

    page.extract_text(visitor_operand_before=before, visitor_text=visit)
    return Marked(order, text, untagged, unmarked, artifacts)


def xmp(reader: PdfReader) -> ET.Element:
    """The catalog's XMP packet, parsed; its one ``rdf:Description``."""
    stream = _resolve(reader.trailer["/Root"]["/Metadata"])
    assert "/Filter" not in stream, "the metadata stream is left unfiltered"
    packet = ET.fromstring(stream.get_data())
    descriptions = packet.findall(".//rdf:Description", NS)
    assert len(descriptions) == 1
    return descriptions[0]


def xmp_value(description: ET.Element, path: str) -> str | None:
    """The text at ``path`` (``dc:title`` reads its ``x-default`` or single entry)."""
    found = description.find(path, NS)
    if found is None:
        return None
    items = found.findall(".//rdf:li", NS)
    if items:
        return "".join(items[0].itertext())
    return "".join(found.itertext())


def pdf_date_as_xmp(value: str) -> str:
    """``D:20000101000000+00'00'`` as ``2000-01-01T00:00:00+00:00``."""
    raw = value[2:]
    zone = raw[14:].replace("'", "")
    zone = "+00:00" if zone in ("Z", "") else f"{zone[:3]}:{zone[3:5]}"
    return (f"{raw[0:4]}-{raw[4:6]}-{raw[6:8]}T{raw[8:10]}:{raw[10:12]}:{raw[12:14]}"
            f"{zone}")


def read(pdf: bytes) -> PdfReader:
    """A reader over ``pdf``."""
    return PdfReader(io.BytesIO(pdf))


def all_objects(reader: PdfReader) -> list[Any]:
    """Every indirect object of the file (as the trailer's ``/Size`` counts them), resolved."""
    return [reader.get_object(number) for number in range(1, int(reader.trailer["/Size"]))]
