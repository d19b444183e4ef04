"""A user's DOCX template, read within limits and made self-contained.

Every briefing is a copy of its template's package, so whatever in the template
fetches something when the document is opened would fetch it from every
briefing: an attached template on the author's server, a linked (not embedded)
image in the header, a linked OLE object, a linked font, a frame, a subdocument,
a mail-merge data source, an ``INCLUDEPICTURE`` field… :func:`self_contained`
removes those relationships and the elements that use them, so the package stays
valid and opens as before, less what it would have fetched. Hyperlinks (to web
and mail addresses) stay: a link a reader clicks is not a fetch.

:func:`read_package` reads the zip within :data:`MAX_PART` and :data:`MAX_TOTAL`
bytes, judged first from the zip's directory and then enforced while inflating,
so a zip bomb is refused before it is inflated. Malformed XML, or XML with a DTD
(which a package must not have), is a :class:`TemplateError`.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ...textfit import cut_to_fit

MAX_PART = 32 * 1024 * 1024
"""The largest a template's part may be, unpacked."""
MAX_TOTAL = 128 * 1024 * 1024
"""The largest a template may be, unpacked (and on disk)."""
MAX_MEMBERS = 4096
"""The most files a template's zip may hold."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_O = "urn:schemas-microsoft-com:office:office"
_V = "urn:schemas-microsoft-com:vml"
_SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XINCLUDE = "http://www.w3.org/2001/XInclude"
_RELATIONSHIP = f"{{{_PR}}}Relationship"
W_R = f"{{{_W}}}r"
_W_HYPERLINK = f"{{{_W}}}hyperlink"
_W_MAIL_MERGE = f"{{{_W}}}mailMerge"
_W_FLD_CHAR = f"{{{_W}}}fldChar"
_W_FLD_CHAR_TYPE = f"{{{_W}}}fldCharType"
_W_FLD_SIMPLE = f"{{{_W}}}fldSimple"
_W_INSTR = f"{{{_W}}}instr"
_W_INSTR_TEXT = f"{{{_W}}}instrText"
_W_DEL_INSTR_TEXT = f"{{{_W}}}delInstrText"
_W_T = f"{{{_W}}}t"
_W_DEL_TEXT = f"{{{_W}}}delText"
_A_BLIP = f"{{{_A}}}blip"
_A_EXT = f"{{{_A}}}ext"
_R_LINK = f"{{{_R}}}link"
_R_EMBED = f"{{{_R}}}embed"
_O_RELID = f"{{{_O}}}relid"
_O_HREF = f"{{{_O}}}href"
# Where a hyperlink relationship is used as a link a reader clicks.
_CLICKS = frozenset({_W_HYPERLINK, f"{{{_A}}}hlinkClick", f"{{{_A}}}hlinkHover",
                     f"{{{_A}}}hlinkMouseOver"})
_WEB_SCHEMES = ("http://", "https://", "mailto:")
_ABSOLUTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//|\\\\)")
# Fields that fetch a file or data when they are updated (Word updates some on opening).
_FETCHING_FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO",
                              "IMPORT", "DATABASE", "RD"})
_KINDS = {
    "attachedTemplate": "attached template",
    "image": "linked image",
    "oleObject": "OLE link",
    "package": "linked package",
    "font": "linked font",
    "frame": "linked frame",
    "subDocument": "subdocument",
    "externalData": "linked data",
    "mailMergeSource": "mail-merge data source",
    "mailMergeHeaderSource": "mail-merge data source",
    "recipientData": "mail-merge data source",
    "transform": "XSLT transform",
    "hyperlink": "link to a non-web address",
    "video": "linked video",
    "audio": "linked sound",
    "aFChunk": "imported document (altChunk)",
}


_PLURALS = {
    "linked data": "linked data",
    "link to a non-web address": "links to non-web addresses",
    "imported document (altChunk)": "imported documents (altChunk)",
    "SVG image that fetches files": "SVG images that fetch files",
}


class TemplateError(Exception):
    """Why a template cannot be used: one line, for the user."""


@dataclass
class _Dropped:
    """What was removed from a template, by kind, with the addresses it would have fetched."""

    targets: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, target: str = "") -> None:
        self.targets.setdefault(kind, []).append(target)

    def __bool__(self) -> bool:
        return bool(self.targets)

    def describe(self) -> str:
        parts = []
        for kind, targets in self.targets.items():
            count = len(targets)
            named = [_shown(t) for t in dict.fromkeys(t for t in targets if t)]
            text = kind if count == 1 else f"{count} {_plural(kind)}"
            if named:
                more = ", …" if len(named) > 2 else ""
                text += f" ({', '.join(named[:2])}{more})"
            parts.append(text)
        return ", ".join(parts)


def read_package(path: Path) -> dict[str, bytes]:
    """The members of the zip at ``path``, by name, each read within the limits."""
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise TemplateError("not a regular file")
            if status.st_size > MAX_TOTAL:
                raise TemplateError(f"larger than {_size(MAX_TOTAL)}")
            return _members(file)
    except OSError as error:
        raise TemplateError(error.strerror or str(error)) from None


def _members(file: Any) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise TemplateError("not a zip file, as a .docx is") from None
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise TemplateError(f"holds {len(infos)} files, more than {MAX_MEMBERS}")
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL:
            raise TemplateError(f"{_size(total)} unpacked, more than {_size(MAX_TOTAL)}")
        members: dict[str, bytes] = {}
        for info in infos:
            if info.file_size > MAX_PART:
                raise TemplateError(f"{_shown(info.filename)} is {_size(info.file_size)} "
                                    f"unpacked, more than the {_size(MAX_PART)} a part may be")
            if info.filename in members:
                raise TemplateError(f"{_shown(info.filename)} is in the zip twice")
            members[info.filename] = _inflate(archive, info)
    return members


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member, read in chunks, never past its declared size nor :data:`MAX_PART`."""
    limit = min(info.file_size, MAX_PART)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise TemplateError(f"{_shown(info.filename)} unpacks to more than "
                                        "its zip directory says")
                chunks.append(chunk)
    except TemplateError:
        raise
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, OSError,
            ValueError, zlib.error) as error:
        raise TemplateError(f"{_shown(info.filename)} cannot be unpacked "
                            f"({_one_line(str(error)) or type(error).__name__})") from None
    return b"".join(chunks)


def repack(members: dict[str, bytes]) -> bytes:
    """``members`` as a zip again (stored, not compressed: it is read once, in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def self_contained(members: dict[str, bytes]) -> tuple[dict[str, bytes], str]:
    """``members`` without what would fetch anything, and a description of what went.

    Raises :class:`TemplateError` for malformed XML. The description is empty when
    nothing was removed.
    """
    package = _Package(members)
    dropped = _Dropped()
    for rels_name in [name for name in members if name.endswith(".rels")]:
        package.clean_relationships(rels_name, dropped)
    for name in list(package.trees):
        root = package.trees[name].getroot()
        if root.tag.startswith(f"{{{_W}}}") and _drop_fetching_fields(root, dropped):
            package.changed.add(name)
        if _drop_vml_addresses(root, dropped):
            package.changed.add(name)
    return package.members(), dropped.describe()


class _Package:
    """The template's members, its XML parsed (once, safely), and which parts changed."""

    def __init__(self, members: dict[str, bytes]) -> None:
        self._members = members
        self.trees: dict[str, Any] = {}
        self.changed: set[str] = set()
        types = self._parse("[Content_Types].xml") if "[Content_Types].xml" in members else None
        self.types = _content_types(types)
        for name in members:
            if name not in self.trees and self.is_xml(name):
                self._parse(name)

    def content_type(self, name: str) -> str:
        overrides, defaults = self.types
        found = overrides.get("/" + name.lstrip("/").lower())
        if found is None:
            found = defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")
        return found

    def is_xml(self, name: str) -> bool:
        kind = self.content_type(name)
        return name.lower().endswith((".xml", ".rels")) or kind.endswith("xml")

    def _parse(self, name: str) -> Any:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False)
        try:
            tree = etree.parse(io.BytesIO(self._members[name]), parser)
        except etree.XMLSyntaxError as error:
            raise TemplateError(f"{_shown(name)} is not well-formed XML "
                                f"({_one_line(str(error))})") from None
        if tree.docinfo.doctype and not self.content_type(name).startswith("image/"):
            raise TemplateError(f"{_shown(name)} has a DTD, which a .docx part must not have")
        self.trees[name] = tree
        return tree

    def members(self) -> dict[str, bytes]:
        out = dict(self._members)
        for name in self.changed:
            out[name] = etree.tostring(self.trees[name], xml_declaration=True,
                                       encoding="UTF-8", standalone=True)
        return out

    def clean_relationships(self, rels_name: str, dropped: _Dropped) -> None:
        """Drop the relationships in ``rels_name`` that fetch, and what uses them."""
        tree = self.trees.get(rels_name)
        if tree is None:
            return
        source = _source_of(rels_name)
        source_tree = self.trees.get(source) if source is not None else None
        uses = _uses(source_tree.getroot()) if source_tree is not None else {}
        gone: dict[str, bool] = {}  # relationship id -> whether it was a hyperlink
        for rel in list(tree.getroot().iter(_RELATIONSHIP)):
            rel_id = rel.get("Id", "")
            kind = self._fetch(rel, source or "", uses.get(rel_id, ()))
            if kind is None:
                continue
            dropped.add(kind, rel.get("Target", ""))
            rel.getparent().remove(rel)
            gone[rel_id] = _reltype(rel) == "hyperlink"
            self.changed.add(rels_name)
        if gone and source_tree is not None:
            _drop_uses(source_tree.getroot(), uses, gone)
            self.changed.add(source or "")

    def _fetch(self, rel: Any, source: str, used_by: tuple[Any, ...]) -> str | None:
        """What ``rel`` would fetch (as a notice calls it), None when it may stay."""
        reltype = _reltype(rel)
        target = rel.get("Target", "")
        external = (rel.get("TargetMode", "").lower() == "external"
                    or bool(_ABSOLUTE.match(target)))
        if external:
            if reltype == "hyperlink" and target.strip().lower().startswith(_WEB_SCHEMES) \
                    and all(element.tag in _CLICKS for element, _ in used_by):
                return None
            if reltype == "hyperlink" and target.strip().lower().startswith(_WEB_SCHEMES):
                return "linked image"  # a hyperlink used as a picture's source is fetched
            return _KINDS.get(reltype, f"external {_shown(reltype)} relationship")
        if reltype == "aFChunk":
            return _KINDS[reltype]
        part = _resolve(source, target)
        if self.content_type(part) == "image/svg+xml" and part in self.trees and \
                _svg_fetches(self.trees[part]):
            return "SVG image that fetches files"
        return None


def _content_types(tree: Any) -> tuple[dict[str, str], dict[str, str]]:
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    if tree is not None:
        for element in tree.getroot():
            if element.tag == f"{{{_CT}}}Override":
                overrides[element.get("PartName", "").lower()] = element.get("ContentType", "")
            elif element.tag == f"{{{_CT}}}Default":
                defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
    return overrides, defaults


def _source_of(rels_name: str) -> str | None:
    """The part whose relationships ``rels_name`` holds; None for the package's own."""
    folder, name = posixpath.split(rels_name)
    if posixpath.basename(folder) != "_rels" or not name.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]) or None


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _reltype(rel: Any) -> str:
    return str(rel.get("Type", "")).rstrip("/").rsplit("/", 1)[-1]


def _uses(root: Any) -> dict[str, tuple[tuple[Any, str], ...]]:
    """Each relationship id the part refers to: the elements and attributes that do."""
    found: dict[str, list[tuple[Any, str]]] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.startswith((f"{{{_R}}}", f"{{{_R_STRICT}}}")) or name == _O_RELID:
                found.setdefault(value, []).append((element, name))
    return {key: tuple(value) for key, value in found.items()}


def _drop_uses(root: Any, uses: dict[str, tuple[tuple[Any, str], ...]],
               gone: dict[str, bool]) -> None:
    """Remove what refers to the relationships in ``gone``, keeping the part valid.

    A hyperlink loses its address and keeps its text; a picture, object or field
    result inside a run goes, the run stays; anything else that names the
    relationship (an attached template, a font, a data source) goes.
    """
    for rel_id, hyperlink in gone.items():
        for element, attribute in uses.get(rel_id, ()):
            if not _attached(element, root):
                continue  # inside something already removed
            if hyperlink and element.tag == _W_HYPERLINK:
                del element.attrib[attribute]
            elif hyperlink and element.tag in _CLICKS:
                element.getparent().remove(element)
            elif element.tag == _A_BLIP and attribute == _R_LINK and \
                    element.get(_R_EMBED) not in (None, *gone):
                del element.attrib[attribute]  # the embedded copy stays
            elif element.tag == _SVG_BLIP and element.getparent() is not None:
                holder = element.getparent()
                if holder.tag == _A_EXT and holder.getparent() is not None:
                    holder.getparent().remove(holder)  # the PNG fallback stays
                else:
                    holder.remove(element)
            elif (content := _run_content(element)) is not None:
                content.getparent().remove(content)
            elif (merge := _ancestor(element, _W_MAIL_MERGE)) is not None:
                merge.getparent().remove(merge)
            elif element.tag == _A_BLIP or element is root:
                del element.attrib[attribute]
            else:
                element.getparent().remove(element)


def _attached(element: Any, root: Any) -> bool:
    while element is not None:
        if element is root:
            return True
        element = element.getparent()
    return False


def _run_content(element: Any) -> Any:
    """The child of a ``w:r`` that holds ``element`` (a drawing, a picture, an object)."""
    node, parent = element, element.getparent()
    while parent is not None and parent.tag != W_R:
        node, parent = parent, parent.getparent()
    return node if parent is not None else None


def _ancestor(element: Any, tag: str) -> Any:
    while element is not None and element.tag != tag:
        element = element.getparent()
    return element


def _svg_fetches(tree: Any) -> bool:
    """Whether an SVG image refers to another file (an image, a stylesheet, a font)."""
    if tree.docinfo.system_url:
        return True
    for element in tree.getroot().iter():
        if not isinstance(element.tag, str):
            if isinstance(element, etree._ProcessingInstruction) and \
                    element.target == "xml-stylesheet":
                return True
            continue
        if element.tag.startswith(f"{{{_XINCLUDE}}}"):
            return True
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if name == _XLINK_HREF or local in ("href", "src"):
                if not value.strip().startswith(("#", "data:")):
                    return True
            elif local == "style" and _css_url(value):
                return True
        if element.tag.rsplit("}", 1)[-1] == "style" and _css_url(element.text or ""):
            return True
    return False


def _css_url(text: str) -> bool:
    """Whether CSS text in an SVG may reference a file (``url()`` other than ``#id``)."""
    lowered = text.lower()
    return "@import" in lowered or "\\" in text or any(
        not rest.lstrip(" \t\n\"'").startswith("#") for rest in lowered.split("url(")[1:])


@dataclass
class _Field:
    begin: Any
    separate: Any = None
    end: Any = None
    code: list[str] = field(default_factory=list)
    instruction: list[Any] = field(default_factory=list)
    """What lies between its begin and separate marks: its code, and nested fields."""


def _drop_fetching_fields(root: Any, dropped: _Dropped) -> bool:
    """Turn fields that fetch (``INCLUDEPICTURE``, ``LINK``…) into their last result.

    A simple field is replaced by its result's runs; a complex one loses its marks
    and its code, and keeps its result.
    """
    changed = False
    for simple in list(root.iter(_W_FLD_SIMPLE)):
        name = _field_name(simple.get(_W_INSTR, ""))
        parent = simple.getparent()
        if name in _FETCHING_FIELDS and parent is not None:
            dropped.add(f"{name} field", _field_target(simple.get(_W_INSTR, "")))
            position = parent.index(simple)
            for offset, child in enumerate(list(simple)):
                parent.insert(position + offset, child)
            parent.remove(simple)
            changed = True
    doomed: list[Any] = []
    for found in _fields(root):
        code = "".join(found.code)
        name = _field_name(code)
        if name in _FETCHING_FIELDS:
            dropped.add(f"{name} field", _field_target(code))
            doomed += [found.begin, found.separate, found.end, *found.instruction]
    for element in doomed:
        if element is not None and element.getparent() is not None:
            element.getparent().remove(element)
            changed = True
    return changed


def _fields(root: Any) -> Iterator[_Field]:
    """The complex fields of a part, nested ones included, as their marks delimit them."""
    open_fields: list[_Field] = []
    for element in root.iter(_W_FLD_CHAR, _W_INSTR_TEXT, _W_DEL_INSTR_TEXT, _W_T, _W_DEL_TEXT):
        kind = element.get(_W_FLD_CHAR_TYPE) if element.tag == _W_FLD_CHAR else None
        if kind == "begin":
            _in_instructions(open_fields, element)
            open_fields.append(_Field(element))
        elif kind == "separate" and open_fields:
            _in_instructions(open_fields[:-1], element)
            if open_fields[-1].separate is None:
                open_fields[-1].separate = element
        elif kind == "end" and open_fields:
            done = open_fields.pop()
            done.end = element
            _in_instructions(open_fields, element)
            yield done
        elif element.tag in (_W_INSTR_TEXT, _W_DEL_INSTR_TEXT, _W_T, _W_DEL_TEXT):
            _in_instructions(open_fields, element)
            if element.tag in (_W_INSTR_TEXT, _W_DEL_INSTR_TEXT) and open_fields and \
                    open_fields[-1].separate is None:
                open_fields[-1].code.append(element.text or "")
    yield from open_fields  # never ended: still judged by their code


def _in_instructions(fields: list[_Field], element: Any) -> None:
    for found in fields:
        if found.separate is None:
            found.instruction.append(element)


def _field_name(code: str) -> str:
    words = code.split()
    return words[0].lstrip("\\").upper() if words else ""


def _field_target(code: str) -> str:
    quoted = re.search(r'"([^"]*)"', code)
    return quoted.group(1) if quoted else ""


def _drop_vml_addresses(root: Any, dropped: _Dropped) -> bool:
    """Remove addresses VML pictures give outside relationships (``src``, ``o:href``)."""
    changed = False
    for element in root.iter(f"{{{_V}}}*"):
        for name in ("src", _O_HREF):
            value = element.get(name)
            if value is not None and _ABSOLUTE.match(value):
                dropped.add("linked image", value)
                del element.attrib[name]
                changed = True
    return changed


def _plural(kind: str) -> str:
    plural = _PLURALS.get(kind)
    if plural is not None:
        return plural
    return kind + ("es" if kind.endswith(("s", "x")) else "s")


def _shown(text: str, width: int = 60) -> str:
    """``text`` fit for a one-line message: no control characters, at most ``width`` long."""
    text = "".join(c if c.isprintable() else "?" for c in str(text)).strip()
    return cut_to_fit(text, lambda shown: len(shown) <= width, at_word=False, trailing="")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _size(count: int) -> str:
    if count >= 1024 * 1024 * 1024:
        return f"{count / (1024 ** 3):.1f} GB"
    if count >= 1024 * 1024:
        return f"{count / (1024 ** 2):.0f} MB"
    return f"{count / 1024:.0f} KB"
