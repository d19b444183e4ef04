"""The digest's stylesheet: the packaged ``digest.css`` or the user's, kept self-contained.

A book must not fetch anything, and it carries no files but its own pages: so every
reference the stylesheet makes to another file (``@import``, ``url()``,
``image-set()``, ``image()``, ``src()``, a ``@font-face`` ``src``) is removed. The
stylesheet is read by a real CSS tokenizer (tinycss2), which undoes escapes as a
browser does: ``@\\69mport`` is an ``@import`` and ``u\\72l()`` a ``url()``. What is
removed is whole rules and declarations; everything else is written back as the
user wrote it, without comments. What cannot be parsed is left out with the rest
of the notice; a file that holds no CSS at all, or is too large, is refused.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ...config import Options
from ...errors import UsageError
from ...resources import template_path
from ...textfit import cut_to_fit

log = logging.getLogger(__name__)

NAME = "digest.css"
MAX_BYTES = 512 * 1024
"""The largest stylesheet read: far more than a book needs (the parser reads ~150 KB/s)."""

# Functions whose arguments name a file to fetch; ``attr(... url)`` reads one from markup.
_FETCHING_FUNCTIONS = frozenset({
    "url", "src", "image", "image-set", "-webkit-image-set", "cross-fade",
    "-webkit-cross-fade", "-moz-image-rect",
})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_KEPT = 8
_loaded: dict[tuple[str, int, int], str] = {}
_lock = threading.Lock()


def load_stylesheet(options: Options) -> str:
    """The CSS: ``options.epub_css``, else ``digest.css`` from the template folder or package.

    Read and cleaned once per file (and per change to it): what was removed is told once.
    """
    path = template_path(NAME, options.template_dir, options.epub_css)
    text, key = _read(path)
    with _lock:
        css = _loaded.get(key)
    if css is None:
        css = self_contained(text, str(path))
        with _lock:
            while len(_loaded) >= _KEPT:
                _loaded.pop(next(iter(_loaded)))
            _loaded[key] = css
    return css


def _read(path: Path) -> tuple[str, tuple[str, int, int]]:
    """The text of the stylesheet at ``path``, within :data:`MAX_BYTES`, and its cache key."""
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise UsageError(f"{path}: a stylesheet must be a regular file")
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the stylesheet: "
                         f"{error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{path}: the stylesheet is larger than {MAX_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: a stylesheet must be UTF-8 text") from None
    return text, (os.path.abspath(path), status.st_mtime_ns, status.st_size)


def self_contained(css: str, origin: str) -> str:
    """``css`` without comments, ``@import`` rules and what references files.

    Logs one warning naming ``origin`` with what was removed; raises :class:`UsageError`
    when ``css`` is not CSS (control characters, or nothing but what cannot be parsed).
    """
    import tinycss2

    control = _CONTROL.search(css)
    if control:
        line = css.count("\n", 0, control.start()) + 1
        raise UsageError(f"{origin}: not a CSS stylesheet (control character "
                         f"U+{ord(control.group()):04X} on line {line})")
    cleaner = _Cleaner()
    try:
        nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=False)
        kept = cleaner.rules(nodes)
    except RecursionError:
        raise UsageError(f"{origin}: not a usable CSS stylesheet: nested too deeply") from None
    if cleaner.unparsed and not cleaner.written:
        line, column, message = cleaner.unparsed[0]
        raise UsageError(f"{origin}: not a CSS stylesheet (line {line}, column {column}: "
                         f"{message})")
    notice = cleaner.notice()
    if notice:
        log.warning("%s: %s", origin, notice)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", kept)
    return text.strip() + "\n"


class _Cleaner:
    """Walks parsed CSS, writing back what may stay, counting what goes."""

    def __init__(self) -> None:
        self.removed: Counter[str] = Counter()
        self.unparsed: list[tuple[int, int, str]] = []
        self.written = 0
        """Rules and declarations written back."""

    def notice(self) -> str:
        parts = [f"{count} {what}{'' if count == 1 else 's'}"
                 for what, count in self.removed.items()]
        said = []
        if parts:
            said.append("removed what would fetch files, which a book must not do: "
                        + ", ".join(parts))
        if self.unparsed:
            lines = ", ".join(str(line) for line, _, _ in self.unparsed[:5])
            more = ", …" if len(self.unparsed) > 5 else ""
            said.append(f"left out {len(self.unparsed)} part"
                        f"{'' if len(self.unparsed) == 1 else 's'} that cannot be parsed "
                        f"(line {lines}{more})")
        return "; ".join(said)

    # -- lists of rules and declarations -----------------------------------------------

    def rules(self, nodes: Iterable[Any], font_face: bool = False) -> str:
        """What to keep of ``nodes`` (a stylesheet, or a block's contents), as CSS."""
        chunks: list[str] = []
        dropped = False
        for node in nodes:
            kind = node.type
            if kind == "whitespace":
                if not dropped:
                    chunks.append(node.value)
                continue
            if kind == "comment":
                continue
            kept = self._node(node, font_face)
            dropped = kept is None
            if kept is not None:
                chunks.append(kept)
                self.written += 1
        return "".join(chunks)

    def _node(self, node: Any, font_face: bool) -> str | None:
        kind = node.type
        if kind == "error":
            self._unparsed(node)
            return None
        if kind == "declaration":
            return self._declaration(node, font_face)
        if kind == "qualified-rule":
            return self._qualified_rule(node)
        if kind == "at-rule":
            return self._at_rule(node)
        # A stray token where a rule or declaration was expected.
        self.unparsed.append((node.source_line, node.source_column, f"unexpected {kind}"))
        return None

    def _declaration(self, node: Any, font_face: bool) -> str | None:
        from tinycss2.ast import Declaration

        if self._broken(node.value, node):
            return None
        value = _without_comments(node.value)
        if font_face and node.lower_name == "src":
            sources = self._sources(value)
            if sources is None:
                return None
            value = sources
        elif _fetches(value):
            self.removed[f"{_css_name(node.lower_name)} declaration"] += 1
            return None
        text = Declaration(node.source_line, node.source_column, node.name, node.lower_name,
                           value, node.important).serialize()
        # The separator goes straight after the value, before the space that ends a block.
        stripped = text.rstrip()
        return stripped + ";" + text[len(stripped):]

    def _sources(self, value: list[Any]) -> list[Any] | None:
        """A ``@font-face`` ``src`` without its fetched fonts (``local()`` ones stay)."""
        entries: list[list[Any]] = [[]]
        for token in value:
            if token.type == "literal" and token.value == ",":
                entries.append([])
            else:
                entries[-1].append(token)
        kept = [entry for entry in entries if not _fetches(entry)]
        if len(kept) < len(entries):
            self.removed["@font-face font file"] += len(entries) - len(kept)
        if not kept or all(all(t.type == "whitespace" for t in entry) for entry in kept):
            return None
        joined: list[Any] = []
        for entry in kept:
            if joined:
                joined.append(_comma(entry))
            joined.extend(entry)
        return joined

    def _qualified_rule(self, node: Any) -> str | None:
        import tinycss2

        if self._broken(node.prelude, node) or self._broken(node.content, node):
            return None
        prelude = _without_comments(node.prelude)
        if _fetches(prelude):
            self.removed["rule with a url() in its selector"] += 1
            return None
        content = self._block(node.content)
        if content is None:
            return None
        return tinycss2.serialize(prelude) + "{" + content + "}"

    def _at_rule(self, node: Any) -> str | None:
        import tinycss2
        from tinycss2.serializer import serialize_identifier

        keyword = node.lower_at_keyword
        if keyword == "import":
            self.removed["@import rule"] += 1
            return None
        if keyword == "charset":  # only valid first; the book's CSS is written as UTF-8
            return None
        if self._broken(node.prelude, node) or (node.content is not None and
                                                 self._broken(node.content, node)):
            return None
        prelude = _without_comments(node.prelude)
        if keyword == "namespace":
            # A namespace's URL names it and is never fetched: written as a string instead.
            prelude = [_string(token) if token.type == "url" or (
                token.type == "function" and token.lower_name == "url") else token
                for token in prelude]
        if _fetches(prelude):
            self.removed[f"@{_css_name(keyword)} rule"] += 1
            return None
        head = "@" + serialize_identifier(node.at_keyword) + tinycss2.serialize(prelude)
        if node.content is None:
            return head + ";"
        font_face = keyword == "font-face"
        fonts_removed = self.removed["@font-face font file"]
        content = self._block(node.content, font_face)
        if font_face and self.removed["@font-face font file"] > fonts_removed and (
                content is None or not _has_source(content)):
            self.removed["@font-face rule left without a font"] += 1
            return None
        if content is None:
            return None
        return head + "{" + content + "}"

    def _block(self, tokens: list[Any], font_face: bool = False) -> str | None:
        """What to keep of a ``{}`` block's contents; None when all of it was removed.

        A block nothing is removed from is written back token for token, as it was.
        """
        import tinycss2

        removed, unparsed = self.removed.total(), len(self.unparsed)
        content = self.rules(tinycss2.parse_blocks_contents(tokens, skip_comments=True),
                             font_face)
        if self.removed.total() == removed and len(self.unparsed) == unparsed:
            return tinycss2.serialize(_without_comments(tokens))
        if not content.strip():
            return None  # nothing left but what was removed
        return content

    # -- what cannot be parsed -----------------------------------------------------------

    def _broken(self, tokens: Sequence[Any] | None, node: Any) -> bool:
        """Whether ``tokens`` hold a parse error (a bad string or URL, a stray bracket)."""
        error = _first_error(tokens or ())
        if error is None:
            return False
        self._unparsed(error if error.source_line else node)
        return True

    def _unparsed(self, node: Any) -> None:
        message = getattr(node, "message", None) or "cannot be parsed"
        self.unparsed.append((node.source_line, node.source_column, message))


# -- tokens -------------------------------------------------------------------------------


def _children(token: Any) -> Sequence[Any]:
    """The component values inside a function or a block (none inside other tokens)."""
    if token.type == "function":
        return token.arguments  # type: ignore[no-any-return]
    if token.type in ("() block", "[] block", "{} block"):
        return token.content  # type: ignore[no-any-return]
    return ()


def _fetches(tokens: Iterable[Any]) -> bool:
    """Whether ``tokens`` reference a file: a url token, or a function that loads one."""
    pending = list(tokens)
    while pending:
        token = pending.pop()
        if token.type == "url":
            return True
        if token.type == "function":
            name = token.lower_name
            if name in _FETCHING_FUNCTIONS or name.endswith("image-set"):
                return True
            if name == "attr" and any(t.type == "ident" and t.lower_value == "url"
                                      for t in token.arguments):
                return True
        pending.extend(_children(token))
    return False


def _first_error(tokens: Iterable[Any]) -> Any:
    pending = list(tokens)
    while pending:
        token = pending.pop(0)
        if token.type == "error":
            return token
        pending[:0] = _children(token)
    return None


def _without_comments(tokens: Sequence[Any]) -> list[Any]:
    """``tokens`` without comments, inside functions and blocks too.

    tinycss2's serializer puts an empty comment back where two tokens would otherwise
    run together, so ``a/* x */b`` stays two tokens.
    """
    from tinycss2 import ast

    kept: list[Any] = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "function":
            token = ast.FunctionBlock(token.source_line, token.source_column, token.name,
                                      _without_comments(token.arguments))
        elif token.type == "() block":
            token = ast.ParenthesesBlock(token.source_line, token.source_column,
                                         _without_comments(token.content))
        elif token.type == "[] block":
            token = ast.SquareBracketsBlock(token.source_line, token.source_column,
                                            _without_comments(token.content))
        elif token.type == "{} block":
            token = ast.CurlyBracketsBlock(token.source_line, token.source_column,
                                           _without_comments(token.content))
        kept.append(token)
    return kept


def _string(token: Any) -> Any:
    """A ``url(…)`` as the string it holds."""
    from tinycss2 import ast

    if token.type == "url":
        value = token.value
    else:
        strings = [t for t in token.arguments if t.type == "string"]
        value = strings[0].value if strings else ""
    return ast.StringToken(token.source_line, token.source_column, value,
                           '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')


def _comma(entry: Sequence[Any]) -> Any:
    from tinycss2 import ast

    first = entry[0] if entry else None
    line, column = (first.source_line, first.source_column) if first is not None else (0, 0)
    return ast.LiteralToken(line, column, ",")


def _has_source(content: str) -> bool:
    """Whether a ``@font-face`` block, as written back, still has a ``src``."""
    import tinycss2

    return any(node.type == "declaration" and node.lower_name == "src"
               for node in tinycss2.parse_blocks_contents(content, skip_comments=True))


def _css_name(name: str) -> str:
    """``name`` fit for a one-line notice."""
    shown = "".join(c if c.isprintable() else "?" for c in name)
    return cut_to_fit(shown, lambda text: len(text) <= 40, at_word=False, trailing="")
