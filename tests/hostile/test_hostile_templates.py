"""Hostile and careless templates: a DOCX that phones home, a zip bomb, broken XML, bad CSS.

Every template here is built by the test from the packaged one, with the zip edited
by hand as an attacker would. Each is given to the real command line
(``exporter export --template`` / ``--css``); the briefing or book it writes is then
read back: no external relationship but a web hyperlink, no address of the
attacker's server anywhere, the article's text intact, EPUBCheck clean. Where
LibreOffice is installed, it opens the briefings while a real HTTP server listens
on 127.0.0.1, and that server must receive nothing (while the raw template, as a
control, does make it fetch).
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest
from conftest import ROOT, require_tool
from epubcheck_util import EpubCheckResult, check_epubs

from exporter.resources import packaged_templates

ARTICLE = """Harbour ferry returns after winter repairs

The harbour ferry will run again from Monday, after three months of repairs to its engines and hull. The crossing takes twelve minutes.

The operator said the repairs cost about 1.2 million euros. Tickets keep their old price until the end of the year.

"We are glad to have the boat back," said Mara Quist, who runs the café at the pier. Timetables are posted at both landings.
"""

# The attacker's server: only the loopback address, on a port the fixture picks.
HOST = "127.0.0.1"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
WEB_SCHEMES = ("http://", "https://", "mailto:")


# -- the attacker's server -----------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    """Answers every request with 404, after writing down its path."""

    def do_GET(self) -> None:  # noqa: N802 -- the name http.server calls
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_POST = do_PROPFIND = do_OPTIONS = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    """An HTTP server on 127.0.0.1 that records what it is asked for."""
    httpd = ThreadingHTTPServer((HOST, 0), _Recorder)
    httpd.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


# -- building hostile templates ------------------------------------------------------------


def packaged_members() -> dict[str, bytes]:
    with zipfile.ZipFile(packaged_templates() / "briefing.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def add_rels(members: dict[str, bytes], rels_name: str, *rels: tuple[str, str, str, bool]) -> None:
    """Add relationships (id, type, target, external) to ``rels_name``, made if missing."""
    text = members.get(rels_name, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f'<Relationships xmlns="{PR}"></Relationships>'.encode()).decode()
    added = "".join(
        f'<Relationship Id="{rel_id}" Type="{REL}/{kind}" Target="{target}"'
        + (' TargetMode="External"' if external else "") + "/>"
        for rel_id, kind, target, external in rels)
    members[rels_name] = text.replace("</Relationships>", added + "</Relationships>").encode()


def insert(members: dict[str, bytes], name: str, before: str, xml: str) -> None:
    """Put ``xml`` into part ``name`` just before the first ``before``."""
    text = members[name].decode()
    assert before in text, (name, before)
    members[name] = text.replace(before, xml + before, 1).encode()


def add_content_type(members: dict[str, bytes], extension: str, content_type: str) -> None:
    insert(members, "[Content_Types].xml", "<Override",
           f'<Default Extension="{extension}" ContentType="{content_type}"/>')


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def drawing(blip: str, shape_id: int) -> str:
    """A run holding an inline picture whose ``a:blip`` element is ``blip``."""
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="228600" cy="228600"/><wp:docPr id="{shape_id}" name="Picture {shape_id}"/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{PIC}"><pic:pic xmlns:pic="{PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{shape_id}" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="228600" cy="228600"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        f'</a:graphic></wp:inline></w:drawing></w:r>'
    )


def attached_template(members: dict[str, bytes], url: str) -> None:
    """settings.xml attaches a template on the attacker's server, and links its styles."""
    insert(members, "word/settings.xml", "<w:defaultTabStop",
           '<w:attachedTemplate r:id="rIdEvil1"/><w:linkStyles/>')
    add_rels(members, "word/_rels/settings.xml.rels",
             ("rIdEvil1", "attachedTemplate", f"{url}/house.dotm", True))


def linked_header_image(members: dict[str, bytes], url: str) -> None:
    """The header shows a picture linked (r:link), not embedded, from the attacker's server."""
    insert(members, "word/header1.xml", "</w:hdr>",
           "<w:p>" + drawing('<a:blip r:link="rIdEvil2"/>', 901) + "</w:p>")
    add_rels(members, "word/_rels/header1.xml.rels",
             ("rIdEvil2", "image", f"{url}/logo.png", True))


def linked_and_embedded_image(members: dict[str, bytes], url: str) -> None:
    """A picture embedded and linked at once: the embedded copy must stay, the link go."""
    members["word/media/seal.png"] = png()
    add_content_type(members, "png", "image/png")
    insert(members, "word/header1.xml", "</w:hdr>",
           "<w:p>" + drawing('<a:blip r:embed="rIdSeal" r:link="rIdEvil3"/>', 902) + "</w:p>")
    add_rels(members, "word/_rels/header1.xml.rels",
             ("rIdSeal", "image", "media/seal.png", False),
             ("rIdEvil3", "image", f"{url}/seal.png", True))


def vml_image(members: dict[str, bytes], url: str) -> None:
    """An old-style VML picture in the footer, linked from the attacker's server."""
    insert(members, "word/footer1.xml", "</w:ftr>",
           '<w:p><w:r><w:pict><v:shape id="_x0000_s901" style="width:18pt;height:18pt">'
           f'<v:imagedata r:id="rIdEvil4" o:href="{url}/vml-href.png"/></v:shape>'
           '</w:pict></w:r></w:p>')
    add_rels(members, "word/_rels/footer1.xml.rels",
             ("rIdEvil4", "image", f"{url}/vml.png", True))
    _declare(members, "word/footer1.xml", v="urn:schemas-microsoft-com:vml",
             o="urn:schemas-microsoft-com:office:office")


def ole_link(members: dict[str, bytes], url: str) -> None:
    """A linked OLE object (a spreadsheet on the attacker's server) in the header."""
    members["word/media/preview.png"] = png()
    add_content_type(members, "png", "image/png")
    insert(members, "word/header1.xml", "</w:hdr>",
           '<w:p><w:r><w:object w:dxaOrig="1000" w:dyaOrig="400">'
           '<v:shape id="_x0000_i1901" style="width:50pt;height:20pt">'
           '<v:imagedata r:id="rIdPreview" o:title=""/></v:shape>'
           '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1901" '
           'DrawAspect="Content" r:id="rIdEvil5" UpdateMode="Always">'
           '<o:LinkType>EnhancedMetaFile</o:LinkType><o:LockedField>false</o:LockedField>'
           '</o:OLEObject></w:object></w:r></w:p>')
    add_rels(members, "word/_rels/header1.xml.rels",
             ("rIdPreview", "image", "media/preview.png", False),
             ("rIdEvil5", "oleObject", f"{url}/figures.xlsx", True))


def linked_font(members: dict[str, bytes], url: str) -> None:
    """The font table embeds a font by a link to the attacker's server."""
    insert(members, "word/fontTable.xml", "</w:font>",
           '<w:embedRegular r:id="rIdEvil6" w:fontKey="{00000000-0000-0000-0000-000000000000}"/>')
    add_rels(members, "word/_rels/fontTable.xml.rels",
             ("rIdEvil6", "font", f"{url}/font.odttf", True))
    _declare(members, "word/fontTable.xml", r=R)


def fetching_fields(members: dict[str, bytes], url: str) -> None:
    """An INCLUDEPICTURE field (complex) and an INCLUDETEXT one (simple) in the footer."""
    insert(members, "word/footer1.xml", "</w:ftr>",
           '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           f'<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "{url}/field.png" \\d </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[picture]</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
           f'<w:p><w:fldSimple w:instr=\' INCLUDETEXT "{url}/text.docx" \'>'
           '<w:r><w:t>[included text]</w:t></w:r></w:fldSimple></w:p>')


def hyperlinks(members: dict[str, bytes], url: str) -> None:
    """A web link (kept: a reader clicks it) and a link to a file share (dropped)."""
    insert(members, "word/footer1.xml", "</w:ftr>",
           '<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>house site</w:t></w:r></w:hyperlink>'
           '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
           '<w:hyperlink r:id="rIdEvil7"><w:r><w:t>shared drive</w:t></w:r></w:hyperlink></w:p>')
    add_rels(members, "word/_rels/footer1.xml.rels",
             ("rIdWeb", "hyperlink", "https://example.org/house", True),
             ("rIdEvil7", "hyperlink", f"file://{HOST}/share/notes.docx", True))


def svg_image(members: dict[str, bytes], url: str) -> None:
    """An embedded SVG (with a PNG fallback) that loads an image from the attacker's server."""
    members["word/media/mark.png"] = png()
    members["word/media/mark.svg"] = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{url}/svg.png" width="10" height="10"/></svg>'
    ).encode()
    add_content_type(members, "png", "image/png")
    add_content_type(members, "svg", "image/svg+xml")
    blip = ('<a:blip r:embed="rIdMark"><a:extLst>'
            '<a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
            f'<asvg:svgBlip xmlns:asvg="{ASVG}" r:embed="rIdEvil8"/></a:ext></a:extLst></a:blip>')
    insert(members, "word/header1.xml", "</w:hdr>", f"<w:p>{drawing(blip, 903)}</w:p>")
    add_rels(members, "word/_rels/header1.xml.rels",
             ("rIdMark", "image", "media/mark.png", False),
             ("rIdEvil8", "image", "media/mark.svg", False))


def subdocument(members: dict[str, bytes], url: str) -> None:
    """The template's body pulls in a subdocument from the attacker's server."""
    insert(members, "word/document.xml", "<w:sectPr", '<w:p><w:subDoc r:id="rIdEvil9"/></w:p>')
    add_rels(members, "word/_rels/document.xml.rels",
             ("rIdEvil9", "subDocument", f"{url}/chapter.docx", True))


def _declare(members: dict[str, bytes], name: str, **namespaces: str) -> None:
    """Declare ``namespaces`` on the root element of part ``name`` where it lacks them."""
    text = members[name].decode()
    root = re.search(r"<w:\w+ ", text)
    assert root is not None
    declarations = "".join(f'xmlns:{prefix}="{uri}" ' for prefix, uri in namespaces.items()
                           if f"xmlns:{prefix}=" not in text)
    members[name] = (text[: root.end()] + declarations + text[root.end():]).encode()


@dataclass(frozen=True)
class Trick:
    name: str
    build: Callable[[dict[str, bytes], str], None]
    told: str
    """What the notice calls what was removed."""
    kept_text: tuple[str, ...] = ()
    """Header or footer text that must survive (what a removed field or link showed)."""


TRICKS = (
    Trick("attached-template", attached_template, "attached template"),
    Trick("linked-header-image", linked_header_image, "linked image"),
    Trick("linked-and-embedded-image", linked_and_embedded_image, "linked image"),
    Trick("vml-image", vml_image, "linked image"),
    Trick("ole-link", ole_link, "OLE link"),
    Trick("linked-font", linked_font, "linked font"),
    Trick("fields", fetching_fields, "INCLUDEPICTURE field",
          ("[picture]", "[included text]")),
    Trick("hyperlinks", hyperlinks, "link to a non-web address", ("house site", "shared drive")),
    Trick("svg-image", svg_image, "SVG image that fetches files"),
    Trick("subdocument", subdocument, "subdocument"),
)


def hostile_template(folder: Path, url: str, *tricks: Trick) -> Path:
    members = packaged_members()
    for trick in tricks:
        trick.build(members, url)
    name = "-".join(t.name for t in tricks) if len(tricks) == 1 else "everything"
    return write_zip(folder / f"{name}.docx", members)


# -- running the command line --------------------------------------------------------------


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("EXPORTER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "exporter", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("article") / "ferry.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def export_docx(article: Path, template: Path, out: Path,
                *more: str) -> tuple[subprocess.CompletedProcess[str], list[Path]]:
    result = run("export", str(article), *more, "--format", "docx", "--template", str(template),
                 "--out", str(out))
    return result, sorted(out.glob("*.docx"))


@pytest.fixture(scope="module")
def plain_briefing(article: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article's briefing from the packaged template: the text every briefing must have."""
    out = tmp_path_factory.mktemp("plain")
    result = run("export", str(article), "--format", "docx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    [path] = out.glob("*.docx")
    return path


def briefing_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def story_text(path: Path) -> str:
    """The text of every header and footer of a briefing."""
    with zipfile.ZipFile(path) as archive:
        parts = [n for n in archive.namelist() if re.match(r"word/(header|footer)\d*\.xml$", n)]
        xml = " ".join(archive.read(n).decode() for n in parts)
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def assert_self_contained(path: Path) -> None:
    """No relationship leaves the package but web hyperlinks; no trace of the server."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert HOST.encode() not in data, (path.name, name)
            if not name.endswith(".rels"):
                continue
            for rel in re.findall(rb"<Relationship [^>]*>", data):
                if b'TargetMode="External"' in rel:
                    target = re.search(rb'Target="([^"]*)"', rel).group(1).decode()  # type: ignore[union-attr]
                    assert rel.find(b"/relationships/hyperlink") > 0, (name, rel)
                    assert target.lower().startswith(WEB_SCHEMES), (name, rel)


# -- external references -------------------------------------------------------------------


@pytest.mark.parametrize("trick", TRICKS, ids=[t.name for t in TRICKS])
def test_what_a_template_would_fetch_is_removed_with_one_notice(
    trick: Trick, article: Path, plain_briefing: Path, server: ThreadingHTTPServer,
    tmp_path: Path,
) -> None:
    url = f"http://{HOST}:{server.server_port}"
    template = hostile_template(tmp_path, url, trick)
    # The trick is really in the template: the raw package names the server.
    with zipfile.ZipFile(template) as archive:
        assert any(HOST.encode() in archive.read(n) for n in archive.namelist())
    result, written = export_docx(article, template, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"exporter: {template}: removed from the template"), lines[0]
    assert trick.told in lines[0], lines[0]
    [briefing] = written
    assert_self_contained(briefing)
    assert briefing_text(briefing) == briefing_text(plain_briefing)
    for text in trick.kept_text:
        assert text in story_text(briefing), (text, story_text(briefing))


def test_a_template_with_every_trick_is_told_once_for_a_whole_batch(
    article: Path, plain_briefing: Path, server: ThreadingHTTPServer, tmp_path: Path,
) -> None:
    url = f"http://{HOST}:{server.server_port}"
    template = hostile_template(tmp_path, url, *TRICKS)
    articles = []
    for number in range(3):
        (tmp_path / str(number)).mkdir()
        copy = tmp_path / str(number) / article.name
        copy.write_text(ARTICLE, "utf-8")
        articles.append(str(copy))
    result = run("export", *articles, "--jobs", "1", "--format", "docx", "--template",
                 str(template), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "removed from the template" in line]
    assert len(notices) == 1, result.stderr
    for trick in TRICKS:
        assert trick.told in notices[0], (trick.told, notices[0])
    written = sorted((tmp_path / "out").glob("*.docx"))
    assert len(written) == 3
    plain = briefing_text(plain_briefing)
    for briefing in written:
        assert_self_contained(briefing)
        assert briefing_text(briefing) == plain
        for trick in TRICKS:
            for text in trick.kept_text:
                assert text in story_text(briefing)


def test_the_embedded_copy_of_a_picture_stays_when_its_link_goes(
    article: Path, server: ThreadingHTTPServer, tmp_path: Path,
) -> None:
    url = f"http://{HOST}:{server.server_port}"
    template = hostile_template(tmp_path, url, TRICKS[2])
    result, [briefing] = export_docx(article, template, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    header = docx.Document(str(briefing)).sections[0].header
    blips = header._element.xpath(".//a:blip")
    assert len(blips) == 1
    assert blips[0].get(f"{{{R}}}link") is None
    assert header.part.related_parts[blips[0].get(f"{{{R}}}embed")].blob == png()


def test_libreoffice_fetches_nothing_when_it_opens_a_briefing(
    article: Path, server: ThreadingHTTPServer, tmp_path: Path,
) -> None:
    """A real LibreOffice, a real server: the raw template makes it fetch, the briefing not."""
    soffice = require_tool("soffice", hint="apt-get install libreoffice-writer-nogui")
    url = f"http://{HOST}:{server.server_port}"
    # The raw template with a linked font is more than LibreOffice can convert: the control
    # leaves it out, the briefings have every trick.
    control = hostile_template(tmp_path, url, *(t for t in TRICKS if t.name != "linked-font"))
    control = control.rename(tmp_path / "control.docx")
    template = hostile_template(tmp_path, url, *TRICKS)
    briefings = []
    for source in (control, template):
        result, [briefing] = export_docx(article, source, tmp_path / f"out-{source.stem}")
        assert result.returncode == 0, result.stderr
        briefings.append(briefing)

    def requests_on_opening(*paths: Path) -> list[str]:
        """What the server was asked for while LibreOffice opened and converted ``paths``,
        in one run."""
        server.requests.clear()  # type: ignore[attr-defined]
        profile = tmp_path / "profile"
        pdf = tmp_path / "pdf" / paths[0].parent.name
        converted = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(pdf), *map(str, paths)],
            capture_output=True, text=True, timeout=300,
        )
        assert converted.returncode == 0, converted.stderr
        for path in paths:
            assert (pdf / f"{path.stem}.pdf").is_file(), (path, converted.stdout,
                                                          converted.stderr)
        time.sleep(0.5)  # a fetch started late still reaches the server
        return list(server.requests)  # type: ignore[attr-defined]

    assert requests_on_opening(control), ("the raw template made LibreOffice fetch nothing: "
                                          "this test would prove nothing")
    # Both briefings in one LibreOffice run (under names of their own, as their PDFs are
    # named after them): nothing fetched by the run, so nothing by either.
    together = tmp_path / "briefings"
    together.mkdir()
    copies = [Path(shutil.copy(b, together / f"briefing-{i}.docx")) for i, b in enumerate(briefings)]
    assert requests_on_opening(*copies) == [], briefings


# -- templates that cannot be used ---------------------------------------------------------


def patched_sizes(data: bytes, member: str, size: int) -> bytes:
    """``data`` (a zip) with ``member``'s uncompressed size set to ``size`` in its headers.

    The central directory's size is what a reader trusts; the local header's is set too.
    """
    patched = bytearray(data)
    encoded = member.encode()
    for signature, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            if patched[start + name_at: start + name_at + len(encoded)] == encoded:
                struct.pack_into("<L", patched, start + size_at, size)
            start += 4
    return bytes(patched)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_bomb(size: int) -> bytes:
    """The packaged template and a member of ``size`` zero bytes, deflated as it is streamed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in packaged_members().items():
            archive.writestr(name, data)
        with archive.open("word/media/bomb.bin", "w") as member:
            chunk = bytes(1 << 22)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def replaced(name: str, data: bytes) -> bytes:
    members = packaged_members()
    members[name] = data
    return zip_bytes(members)


def without(name: str) -> bytes:
    members = packaged_members()
    del members[name]
    return zip_bytes(members)


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">'
                  + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i])
                                                                       + b";") * 10)
                             for i in range(8))
                  + b']><w:styles xmlns:w="' + W.encode() + b'"><w:style>&i;</w:style></w:styles>')

UNUSABLE: dict[str, tuple[Callable[[], bytes], str]] = {
    "not-a-zip": (lambda: b"%PDF-1.7 this is not a zip at all", "not a zip file"),
    "empty": (lambda: b"", "not a zip file"),
    "truncated-zip": (lambda: zip_bytes(packaged_members())[:3000], "not a zip file"),
    "1-gb-claimed": (lambda: patched_sizes(zip_bytes({**packaged_members(),
                                                     "word/media/bomb.bin": b"0" * 1000}),
                                           "word/media/bomb.bin", 1 << 30),
                     "more than"),
    "40-mb-bomb": (lambda: with_bomb(40 << 20), "more than the 32 MB a part may be"),
    "bomb-that-lies-about-its-size": (
        lambda: patched_sizes(with_bomb(40 << 20), "word/media/bomb.bin", 1000),
        "cannot be unpacked"),
    "too-large-in-all": (lambda: patched_sizes(patched_sizes(patched_sizes(patched_sizes(
        patched_sizes(zip_bytes({**packaged_members(), **{f"word/media/{n}.bin": b"x"
                                                          for n in range(5)}}),
                      "word/media/0.bin", 30 << 20), "word/media/1.bin", 30 << 20),
        "word/media/2.bin", 30 << 20), "word/media/3.bin", 30 << 20),
        "word/media/4.bin", 30 << 20), "more than 128 MB"),
    "broken-styles": (lambda: replaced("word/styles.xml", packaged_members()["word/styles.xml"][:-40]),
                      "word/styles.xml is not well-formed XML"),
    "broken-document": (lambda: replaced("word/document.xml", b"<w:document><w:body>"),
                        "word/document.xml is not well-formed XML"),
    "broken-header": (lambda: replaced("word/header1.xml", b"<w:hdr xmlns:w='" + W.encode()
                                       + b"'><w:p></w:hdr>"),
                      "word/header1.xml is not well-formed XML"),
    "broken-content-types": (lambda: replaced("[Content_Types].xml", b"<Types><"),
                             "[Content_Types].xml is not well-formed XML"),
    "billion-laughs": (lambda: replaced("word/styles.xml", BILLION_LAUGHS),
                       "word/styles.xml"),
    "styles-not-styles": (lambda: replaced("word/styles.xml", b"<nothing/>"),
                          "not a usable .docx template"),
    "missing-header": (lambda: without("word/header1.xml"), "not a usable .docx template"),
    "header-that-is-not-a-header": (lambda: replaced("word/header1.xml", b"<x/>"),
                                    "/word/header1.xml is not a header or footer"),
    "header-that-is-the-document": (
        lambda: replaced("word/_rels/document.xml.rels",
                         packaged_members()["word/_rels/document.xml.rels"].replace(
                             b'Target="header1.xml"', b'Target="document.xml"')),
        "/word/document.xml is not a header or footer"),
    "missing-document": (lambda: without("word/document.xml"), "not a usable .docx template"),
    "binary-document": (lambda: replaced("word/document.xml", bytes(range(256)) * 4),
                        "word/document.xml is not well-formed XML"),
}


@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_an_unusable_template_is_one_line_and_exit_2(case: str, article: Path,
                                                      tmp_path: Path) -> None:
    build, reason = UNUSABLE[case]
    template = tmp_path / f"{case}.docx"
    template.write_bytes(build())
    started = time.perf_counter()
    result, written = export_docx(article, template, tmp_path / "out")
    elapsed = time.perf_counter() - started
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{template}: not a usable .docx template" in lines[0], lines[0]
    assert reason in lines[0], lines[0]
    assert "internal error" not in lines[0]
    assert written == []
    assert elapsed < 30, f"{case}: {elapsed:.1f} s: the template was inflated, not refused"


def _list_number_names(number: str) -> Callable[[], bytes]:
    def build() -> bytes:
        styles = packaged_members()["word/styles.xml"].decode()
        style = re.search(r'<w:style [^>]*w:styleId="ListNumber".*?</w:style>', styles, re.S)
        assert style is not None
        changed = re.sub(r'w:numId w:val="\d+"', f'w:numId w:val="{number}"', style.group())
        return replaced("word/styles.xml", styles.replace(style.group(), changed).encode())
    return build


ODD_BUT_USABLE: dict[str, Callable[[], bytes]] = {
    "list-number-names-a-missing-list": _list_number_names("999"),
    "list-without-definition": lambda: replaced("word/numbering.xml", re.sub(
        rb'<w:abstractNumId w:val="\d+"/>', b"", packaged_members()["word/numbering.xml"])),
    "header-rel-to-the-web": lambda: replaced(
        "word/_rels/document.xml.rels", packaged_members()["word/_rels/document.xml.rels"].replace(
            b'Target="header1.xml"', f'Target="http://{HOST}:9/header.xml"'.encode())),
}


@pytest.mark.parametrize("case", sorted(ODD_BUT_USABLE))
def test_an_odd_template_still_makes_the_briefing(case: str, article: Path, plain_briefing: Path,
                                                  tmp_path: Path) -> None:
    """Broken in ways Word shrugs off: the briefing is written, its text the article's."""
    template = tmp_path / f"{case}.docx"
    template.write_bytes(ODD_BUT_USABLE[case]())
    result, written = export_docx(article, template, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) <= 1, result.stderr
    [briefing] = written
    assert_self_contained(briefing)
    assert briefing_text(briefing) == briefing_text(plain_briefing)


def test_a_bomb_is_refused_without_being_inflated(tmp_path: Path) -> None:
    """Refused from the zip's directory, fast, and a lying directory is caught while reading."""
    from exporter.errors import UsageError
    from exporter.writers.docx.template import open_template

    claimed = tmp_path / "claimed.docx"
    claimed.write_bytes(UNUSABLE["1-gb-claimed"][0]())
    lying = tmp_path / "lying.docx"
    lying.write_bytes(UNUSABLE["bomb-that-lies-about-its-size"][0]())
    for path in (claimed, lying):
        started = time.perf_counter()
        with pytest.raises(UsageError, match=f"{path.name}: not a usable .docx template"):
            open_template(path)
        assert time.perf_counter() - started < 2


def test_an_unusable_template_stops_a_batch_once_before_any_work(
    article: Path, tmp_path: Path,
) -> None:
    template = tmp_path / "broken.docx"
    template.write_bytes(UNUSABLE["broken-styles"][0]())
    second = tmp_path / "second.md"
    second.write_text(ARTICLE.replace("Harbour ferry", "Second ferry", 1), "utf-8")
    result = run("export", str(article), str(second), "--jobs", "1", "--format", "docx",
                 "--template", str(template), "--out", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    # Checked before any article is read (DocxWriter.check): one line, nothing written.
    failures = [line for line in result.stderr.splitlines() if "not a usable" in line]
    assert len(failures) == 1, result.stderr
    assert "internal error" not in result.stderr
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())


# -- the EPUB's stylesheet -----------------------------------------------------------------


KEPT_RULES = (
    "h1 { color: #a01010; }",
    "body { margin: 2em; }",
    "p.lead { font-weight: bold }",
    "@media screen { blockquote { color: #333 } }",
    'font-family: "House Serif"',
    'src: local("House Serif")',
)

CSS = {
    "escaped-import": r'@\69mport "{url}/a.css";',
    "escaped-import-url": r"@\000069\00006dport url({url}/b.css) screen;",
    "uppercase-import": "@IMPORT url('{url}/c.css');",
    "escaped-url": r"body {{ background: u\72l({url}/d.png) no-repeat; margin: 2em; }}",
    "escaped-url-function-name": r"div {{ background-image: \75 \72 \6c ('{url}/e.png') }}",
    "image-set": "div {{ background-image: image-set('{url}/f.png' 1x, '{url}/g.png' 2x) }}",
    "webkit-image-set": "div {{ background: -webkit-image-set(url({url}/h.png) 1x) }}",
    "image-function": "div {{ list-style-image: image('{url}/i.png') }}",
    "font-face-src": "@font-face {{ font-family: Evil; src: url({url}/j.woff2) format('woff2') }}",
    "font-face-mixed-src": ('@font-face {{ font-family: "House Serif"; '
                            'src: local("House Serif"), url({url}/k.woff) format("woff") }}'),
    "escaped-src-descriptor": r"@font-face {{ font-family: Evil2; \73 rc: url({url}/l.woff) }}",
    "url-after-a-comment": "div {{ cursor: /* x */ url({url}/m.cur), auto }}",
    "custom-property": "div {{ --bg: url({url}/n.png); background: var(--bg) }}",
    "nested-in-media": "@media print {{ div {{ background: url({url}/o.png) }} }}",
    "import-in-media": "@media print {{ @import url({url}/p.css); }}",
    "content-url": "div::before {{ content: url({url}/q.png) }}",
    "src-function": "div {{ background-image: src('{url}/r.png') }}",
}


PARTLY_BROKEN = """h1 { color: #a01010; }
h2 { *zoom: 1; color: green }
}} p { margin: 0 }
div { border: 1px solid }
a ) b { color: red }
"""


@dataclass(frozen=True)
class Book:
    path: Path
    css: str
    stderr: str


class _Notices(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture(scope="module")
def css_books(article: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    """Every hostile stylesheet's book: each trick alone, written through the library (one
    process is faster), and all of them at once, written by the command line."""
    from exporter.config import Options
    from exporter.pipeline import read_article, render

    folder = tmp_path_factory.mktemp("css")
    url = f"http://{HOST}:9"
    summarised = read_article(str(article), Options())
    books: dict[str, Book] = {}
    sources = {name: "/* house style */\n" + "\n".join(KEPT_RULES[:4]) + "\n"
               + trick.format(url=url) + "\n"
               + '@font-face { font-family: "House Serif"; src: local("House Serif") }\n'
               for name, trick in [*CSS.items(), ("all", "\n".join(CSS.values()))]}
    sources["partly-broken"] = PARTLY_BROKEN
    for name, text in sources.items():
        css = folder / f"{name}.css"
        css.write_text(text, encoding="utf-8")
        out = folder / name
        if name == "all":
            result = run("export", str(article), "--format", "epub", "--css", str(css),
                         "--out", str(out))
            assert result.returncode == 0, (name, result.stderr)
            [path] = out.glob("*.epub")
            stderr = result.stderr
        else:
            notices = _Notices()
            logging.getLogger("exporter").addHandler(notices)
            try:
                data = render([summarised], "epub", Options(epub_css=css))
            finally:
                logging.getLogger("exporter").removeHandler(notices)
            out.mkdir()
            path = out / "ferry.epub"
            path.write_bytes(data)
            stderr = "".join(f"exporter: {line}\n" for line in notices.lines)
        with zipfile.ZipFile(path) as archive:
            text = archive.read("EPUB/digest.css").decode()
        books[name] = Book(path, text, stderr)
    return books


@pytest.fixture(scope="module")
def css_epubcheck(css_books: dict[str, Book]) -> dict[str, EpubCheckResult]:
    """EPUBCheck's verdict on each book, by stylesheet.

    The books differ only in their stylesheet, and many tricks leave the same one: each
    distinct stylesheet's book is checked once (EPUBCheck takes a second or two a book).
    """
    java = require_tool("java", hint="install a Java runtime (apt-get install default-jdk-headless)")
    first = {}
    for book in css_books.values():
        first.setdefault(book.css, book.path)
    results = check_epubs(first.values(), java=java)
    return {css: results[path] for css, path in first.items()}


@pytest.mark.parametrize("name", [*CSS, "all"])
def test_a_stylesheet_keeps_no_reference_to_anything_outside_the_book(
    name: str, css_books: dict[str, Book], css_epubcheck: dict[str, EpubCheckResult],
) -> None:
    book = css_books[name]
    lowered = book.css.lower()
    assert HOST not in book.css, book.css
    for gone in ("@import", "url(", "image-set", "image(", "src(", "\\", "/*"):
        assert gone not in lowered, (gone, book.css)
    for rule in KEPT_RULES:
        assert rule in book.css, (rule, book.css)
    lines = book.stderr.splitlines()
    assert len(lines) == 1 and "removed what would fetch files" in lines[0], book.stderr
    assert css_epubcheck[book.css].clean, str(css_epubcheck[book.css])


UNUSABLE_CSS: dict[str, tuple[bytes, str]] = {
    "binary": (bytes(range(1, 256)), "must be UTF-8 text"),
    "nul": (b"h1 { color: red }\x00\x01\x02", "not a CSS stylesheet"),
    "not-css": (b"}}}} ))) ]]]", "not a CSS stylesheet"),
    "unterminated-string": (b'"hello', "not a CSS stylesheet"),
    "too-large": (b"p { color: red }\n" * 40000, "larger than 512 KB"),
    "deeply-nested": (b"a { b: " + b"[" * 200000, "not a"),
}


@pytest.mark.parametrize("case", sorted(UNUSABLE_CSS))
def test_an_unusable_stylesheet_is_one_line_and_exit_2(case: str, article: Path,
                                                        tmp_path: Path) -> None:
    data, reason = UNUSABLE_CSS[case]
    css = tmp_path / f"{case}.css"
    css.write_bytes(data)
    result = run("export", str(article), "--format", "epub", "--css", str(css),
                 "--out", str(tmp_path / "out"))
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(css) in lines[0] and reason in lines[0], lines[0]
    assert "internal error" not in lines[0]
    assert not list((tmp_path / "out").glob("*.epub"))


def test_css_that_is_partly_broken_keeps_what_parses(
    css_books: dict[str, Book], css_epubcheck: dict[str, EpubCheckResult],
) -> None:
    """What a browser would skip is left out, with a notice; the rest stays, and is valid."""
    book = css_books["partly-broken"]
    assert "h1 { color: #a01010; }" in book.css and "color: green" in book.css, book.css
    assert "zoom" not in book.css and "margin: 0" not in book.css and ")" not in book.css
    assert "1px solid" in book.css
    lines = book.stderr.splitlines()
    assert len(lines) == 1 and "cannot be parsed (line 2, 3, 5)" in lines[0], book.stderr
    assert css_epubcheck[book.css].clean, str(css_epubcheck[book.css])
