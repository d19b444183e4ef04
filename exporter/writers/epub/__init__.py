"""The EPUB 3 digest: one book for all the articles of a call.

Parts: :mod:`.plan` decides titles, dates, languages and files; :mod:`.pages`
builds the XHTML; :mod:`.cover` draws the cover; :mod:`.stylesheet` loads the
CSS; :mod:`.package` assembles the container with ebooklib.
"""

from .writer import EpubWriter

__all__ = ["EpubWriter"]
