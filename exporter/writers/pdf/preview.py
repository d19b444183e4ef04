"""A PNG picture of a PDF's first page, so a person can look before sending it."""

from __future__ import annotations

import io

from ...errors import DependencyError, OutputError

POINTS_PER_INCH = 72
MAX_DPI = 600


def render_png(pdf: bytes, dpi: int = 100) -> bytes:
    """The first page of ``pdf`` rendered at ``dpi`` as PNG bytes (white background)."""
    if not 10 <= dpi <= MAX_DPI:
        raise OutputError(f"preview resolution must be between 10 and {MAX_DPI} dpi, not {dpi}")
    try:
        import pypdfium2
    except ImportError:
        raise DependencyError("the PDF preview needs pypdfium2: pip install pypdfium2") from None
    document = pypdfium2.PdfDocument(pdf)
    try:
        if len(document) == 0:
            raise OutputError("the PDF has no page to preview")
        page = document[0]
        bitmap = page.render(scale=dpi / POINTS_PER_INCH)
        image = bitmap.to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
        return buffer.getvalue()
    finally:
        document.close()
