"""The document-level parts of PDF/UA-1 and PDF/A-2b, added to a reportlab document.

After the page is drawn (and tagged, see :mod:`.tagging`) and before it is saved:

- the catalog gets the structure tree, ``MarkInfo <</Marked true>>``,
  ``ViewerPreferences <</DisplayDocTitle true>>``, an XMP ``Metadata`` stream that
  says what the Info dictionary says (plus ``pdfuaid:part 1`` and ``pdfaid:part 2``,
  ``pdfaid:conformance B``) and an sRGB ``OutputIntents`` entry;
- the page gets ``StructParents`` and ``Tabs /S``;
- the trailer's ``ID`` is a digest of the page's content and metadata, so two
  articles never share one and the same article always gets the same;
- streams are compressed at zlib level :data:`COMPRESSION_LEVEL`, for this document only.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
    PDFText,
)
from reportlab.pdfgen.canvas import Canvas

from . import tagging

COMPRESSION_LEVEL = 1
"""zlib level of the page's streams: the font subsets (~110 KB) are most of what is
compressed, and level 1 takes about half the time of reportlab's 6 for 5% more bytes."""
SRGB = "sRGB IEC61966-2.1"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _QuickCompression(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]
    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf-8") if isinstance(text, str) else text,
                             COMPRESSION_LEVEL)


_QUICK = _QuickCompression()


class _ArchivalStream(PDFStream):  # type: ignore[misc]
    """A stream as PDF/A writes them: an end of line before ``endstream`` that its
    ``Length`` does not count (reportlab's runs the data into the keyword)."""

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        written: bytes = super().format(document)
        head, tail = written.rsplit(b"endstream\n", 1)
        return head + b"\nendstream\n" + tail

    @classmethod
    def adopt(cls, stream: PDFStream) -> PDFStream:
        """``stream``, now written as PDF/A wants."""
        stream.__class__ = cls
        return stream


_UNMAPPED = re.compile(rb"\n<[0-9A-F]{2}> <0000>")
_BFCHAR = re.compile(rb"\n(\d+) beginbfchar\n(.*?)\nendbfchar", re.S)


def _without_unmapped(cmap: bytes) -> bytes:
    """A ToUnicode CMap from reportlab without its entries for unused codes, which map
    to U+0000 (PDF/UA forbids that value)."""
    def kept(match: re.Match[bytes]) -> bytes:
        entries = _UNMAPPED.sub(b"", b"\n" + match.group(2)).lstrip(b"\n")
        count = entries.count(b"\n") + 1 if entries else 0
        return b"\n%d beginbfchar\n%s\nendbfchar" % (count, entries)

    return _BFCHAR.sub(kept, cmap)


_ENTRY = re.compile(rb"\n<([0-9A-F]{2})> <([0-9A-F]{4,6})>")


def _as_text(fontname: str, cmap: bytes) -> bytes:
    """reportlab's ToUnicode CMap, its entries written as the text each glyph stands for.

    reportlab writes one entry per code as the character's number: a character beyond
    the BMP (an emoji) comes out as five hex digits, which readers reject, and a glyph
    that shaping drew for a cluster of letters (a conjunct) as its private-use number.
    Those entries become UTF-16 of the character or of the cluster's letters; a map
    without them (every DejaVu map of Latin text) is left byte for byte as it was.
    """
    from .fallback import glyph_text, is_fallback_font

    fallback = is_fallback_font(fontname)
    if not fallback and not re.search(rb"\n<[0-9A-F]{2}> <[0-9A-F]{5,6}>", cmap):
        return cmap

    def entry(match: re.Match[bytes]) -> bytes:
        code = int(match.group(2), 16)
        text = (glyph_text(fontname, code) if fallback else None) or chr(code)
        return b"\n<%s> <%s>" % (match.group(1), text.encode("utf-16-be").hex().upper().encode())

    return _ENTRY.sub(entry, cmap)


def finish(canvas: Canvas, page: PDFObjectReference, language: str) -> None:
    """Make the canvas's one drawn page (``page``, already shown) a PDF/UA-1 and PDF/A-2b
    document: call after ``showPage()`` and before ``save()``."""
    doc = canvas._doc
    catalog = doc.Catalog
    catalog.StructTreeRoot = tagging.finish(canvas, page)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    canvas.setViewerPreference("DisplayDocTitle", "true")
    xmp = _xmp(canvas, language)
    catalog.Metadata = _ArchivalStream(PDFDictionary({"Type": PDFName("Metadata"),
                                                "Subtype": PDFName("XML")}), xmp)
    # reportlab's catalog writes only the keys it lists.
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([_output_intent()])

    shown = doc.Pages.pages[-1]
    shown.__NoDefault__ = [*shown.__NoDefault__, "StructParents", "Tabs"]
    shown.StructParents = 0
    if shown.Annots:
        shown.Tabs = PDFName("S")
    for font in doc.delayedFonts:  # realised now so that their streams can be compressed
        font.addObjects(doc)
    doc.delayedFonts = []
    shown.Contents = _ArchivalStream(content=shown.stream, filters=[_QUICK])
    for name, thing in list(doc.idToObject.items()):
        if not isinstance(thing, PDFStream):
            continue
        if thing.filters == [pdfdoc.PDFZCompress]:
            thing.filters = [_QUICK]
        if name.startswith("toUnicodeCMap:"):
            content = thing.content
            content = content.encode("latin-1") if isinstance(content, str) else content
            thing.content = _without_unmapped(_as_text(name.split(":", 1)[1], content))
        _ArchivalStream.adopt(thing)

    digest = hashlib.sha256(shown.stream.encode("utf-8", "surrogatepass") + xmp).digest()[:16]
    # reportlab's trailer writes this, as its own ID() would make it.
    ids = PDFText(digest, enc="raw").format(pdfdoc.DummyDoc())
    doc._ID = b"\n[" + ids + ids + b"]\n"


def _output_intent() -> PDFDictionary:
    # Compressed once per process, as the stream filter would (same bytes).
    profile = _ArchivalStream(PDFDictionary({"N": 3, "Filter": PDFArray([PDFName("FlateDecode")])}),
                              _compressed_profile())
    return PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(SRGB),
        "Info": PDFString(SRGB),
        "RegistryName": PDFString("http://www.color.org"),
        "DestOutputProfile": profile,
    })


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by Little CMS (through Pillow), with a fixed creation date
    so that the document stays byte-reproducible."""
    from PIL import ImageCms

    made = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    made[24:36] = bytes.fromhex("07d0 0001 0001 0000 0000 0000")  # 2000-01-01 00:00:00
    made[84:100] = bytes(16)  # profile ID: "not computed", as the date changed
    return bytes(made)


@cache
def _compressed_profile() -> bytes:
    return _QUICK.encode(srgb_profile())


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def xmp_date(canvas: Canvas) -> str:
    """The Info dictionary's date (reportlab's: ``SOURCE_DATE_EPOCH`` or a fixed one) in
    the form XMP writes dates."""
    stamp = canvas._doc._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
            f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}")


def _xmp(canvas: Canvas, language: str) -> bytes:
    info = canvas._doc.info
    date = xmp_date(canvas)
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{_xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_xml(language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{_xml(info.creator)}</xmp:CreatorTool>
   <pdf:Producer>{_xml(info.producer)}</pdf:Producer>
   <pdf:Keywords>{_xml(info.keywords)}</pdf:Keywords>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>The part of ISO 14289 followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")
