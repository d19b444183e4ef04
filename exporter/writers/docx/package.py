"""Rewrite a .docx zip so that the same content always gives the same bytes."""

from __future__ import annotations

import io
import zipfile

# The earliest date a zip entry can hold; any fixed value would do.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def reproducible(data: bytes) -> bytes:
    """``data`` (a zip) with fixed timestamps and permissions, ``[Content_Types].xml`` first."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = [info.filename for info in source.infolist()]
        ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", names.index(n)))
        with zipfile.ZipFile(out, "w") as target:
            for name in ordered:
                info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 3
                target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
