"""News boilerplate inside the text: what a reader of the story would never read.

Scraped news runs page furniture into the body: Daily-Mail-style heads
("By . Daily Mail Reporter . PUBLISHED: 14:05 EST, 2 May 2013 . | . UPDATED:
..."), "Last updated at ...", "Scroll down for video", share prompts, photo
captions ("Pictured: ...", "Fresh chance: ..." copies of a sentence, captions
without a full stop run into the next sentence), picture credits, subheadings
glued to the next sentence by the scraper ("... huit ans de prisonLa
direction ..."), and now and then a line of JavaScript. :func:`clean_candidates`
takes a document's sentences and gives back the story's: furniture pieces
stripped from a sentence's ends, captions and furniture-only sentences left
out, each sentence at its own stable position. The labels come from
:mod:`exporter.summarise.cues` and are recognised in every language listed
there (a Daily Mail head is English inside any article).

Every summary method ranks the cleaned sentences, so ``lead`` and the default
see the same text, and a summary quotes the cleaned sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..labels import LANGUAGES, labels_for
from ..letters import LOWER, UPPER
from ..model import Sentence
from .cues import all_words
from .furniture import is_furniture

_NAME_WORD = rf"[{UPPER}][\w'’.-]*"
_NAMES = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
# Pieces of a Daily-Mail-style head are separated by " . " and " | ".
_DELIMITER = re.compile(r"\s+\.(?=\s)|\s*\|\s*|^\s*\.\s+|\s+\.$")
_SUBHEADING_MAX_WORDS = 12
_TAIL = 80
"""A prompt after a sentence is looked for in its last this many characters."""
_PIECE_MAX_WORDS = 14
_CODE = re.compile(r"(?:\bwindow\.\w+\s*=|\bvar\s+\w+\s*=|\bfunction\s*\(|\bdocument\.write\(|"
                   r"\bgoogletag\.|\{\s*['\"]\w+['\"]\s*:)")
_GLUE = re.compile(rf"(?<![\w'’-])[{LOWER}]{{3,}}(?=[{UPPER}][{LOWER}]+)")
_QUOTES = "\"«»“”„"
# The mark first, then what is behind it: most positions fail on the mark, which is cheap.
_QUOTE_GLUE = re.compile(
    rf"[{_QUOTES}](?<=[{UPPER}{LOWER}]{{2}}[{_QUOTES}])(?=[{UPPER}][{LOWER}]+)"
)
"""A subheading run into a quotation ('Un "cluster" potentiel"Il y a ...'), or a quoted or
capitalised one run into the next sentence ('"CE N'EST PAS L'ÉTIQUETTE QUI COMPTE"La liste')."""
_QUOTES_GLUE = re.compile(rf"[\"»”](?<=[{UPPER}{LOWER}.!?…][\"»”])(?=[\"«“„][{UPPER}][{LOWER}])")
"""A quotation closed and the next opened with no space between ('la hausse""Il faut')."""
_SPACED_GLUE = re.compile(rf"(?<=\w)[ \u00a0\u202f][!?](?=[{UPPER}][{LOWER}]+)")
"""A question or exclamation, spaced as French spaces them, run into the next sentence
("Quand ?Si les sondages ...")."""
_DASH_HEAD = re.compile(rf"(?<=[.!?…\"»”)])\s?-\s+(?P<head>[^-–\n]{{3,90}}?)\s+-\s*"
                        rf"(?=[{_QUOTES}]?[{UPPER}])")
"""A wire-style subheading between dashes run into the text after a sentence's end
('...leurs enfants.- Parents en pleurs -"Plus de 100 bébés ...')."""
_LABEL = re.compile(rf"^\W*(?P<label>[{UPPER}][\w'’-]*(?:\s+[\w'’-]+){{0,3}})\s?:\s+(?P<rest>.+)$",
                    re.S)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”»)]*\s+")
_FULL_STOP = re.compile(r"[.…][\"'’”»)]*$")
_GLUES_MAX = 3
"""Glued subheadings taken off one sentence at most (each pass takes the first)."""
_ENDED = re.compile(r"[.!?…][\"'’”»)]*$")
_UPPER_CHAR = re.compile(f"[{UPPER}]")
_LOWER_CHAR = re.compile(f"[{LOWER}]")

# Most sentences are prose that no pattern can match, and the patterns cost far more than
# proving that: each guard below is a necessary condition of a pattern's match, checked
# with str methods, so the pattern runs only when it might match and the output is the
# same as running it always (tests/summarise/test_clean_guards.py).
_FOLD = str.maketrans({
    # Characters that IGNORECASE matching treats as one (the classes of re._casefix) but
    # str.lower() keeps apart, each to the first of its class; "İ" is folded before
    # lower(), which makes it two characters.
    "\u0131": "\u0069", "\u017f": "\u0073", "\u03bc": "\u00b5", "\u03b9": "\u0345",
    "\u1fbe": "\u0345", "\u1fd3": "\u0390", "\u1fe3": "\u03b0", "\u03d0": "\u03b2",
    "\u03f5": "\u03b5", "\u03d1": "\u03b8", "\u03f0": "\u03ba", "\u03d6": "\u03c0",
    "\u03f1": "\u03c1", "\u03c3": "\u03c2", "\u03d5": "\u03c6", "\u1c80": "\u0432",
    "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441", "\u1c84": "\u0442",
    "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463", "\ua64b": "\u1c88",
    "\u1e9b": "\u1e61", "\ufb06": "\ufb05",
})


def _fold(text: str) -> str:
    """``text`` with every character replaced by one that stands for all its IGNORECASE equals."""
    if text.isascii():
        return text.lower()
    return text.replace("İ", "i").lower().translate(_FOLD)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what re's \w matches in a str pattern


def _affixes(phrases: Sequence[str], *, last: bool) -> tuple[int, frozenset[str]]:
    """``(n, folded)``: the first (last) ``n`` characters of every phrase, folded.

    ``n`` is the length of the shortest first (last) word, so the characters are literals
    of the pattern, never its ``\\s+`` between words.
    """
    n = min(len(p.split()[-1 if last else 0]) for p in phrases)
    return n, frozenset(_fold(p[-n:] if last else p[:n]) for p in phrases)


def _phrases(table: str) -> str:
    words = sorted(all_words(table), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    months = "|".join(
        sorted({m for code in LANGUAGES for m in labels_for(code).months.split("|")},
               key=len, reverse=True)
    )
    date_token = (rf"(?:\d[\d:.,/-]*(?:st|nd|rd|th|h)?|[ap]\.?m\.?|gmt|utc|bst|est|edt|cet|cest"
                  rf"|mez|mesz|uhr|on|at|le|am|um|à|el|em|de|del|the|{months})")
    by = "|".join(all_words("BY"))
    return {
        "by": re.compile(
            rf"^(?i:{by})\s*:?\s*\.?\s*(?:{_NAMES}(?:\s*(?:,|&|(?i:and|und|et|y|e|en|i))\s*\.?\s*"
            rf"{_NAMES})*)?(?:\s+(?i:for|für|pour|para|per)\s+\S+)?$"
        ),
        "bare_by": re.compile(rf"^(?i:{by})$"),
        "names": re.compile(
            rf"^(?:(?i:and|und|et|y|e|en|i|&)\s*)?{_NAMES}(?:\s*(?:,|&|(?i:and|und|et|y|e|en|i))\s*"
            rf"\.?\s*{_NAMES})*(?:\s+(?i:for|für|pour|para|per)\s+\S+)?$"
        ),
        "staff": re.compile(rf"^(?:{_NAMES}\s+)?(?i:{_phrases('STAFF')})$"),
        "published": re.compile(
            rf"^(?i:{_phrases('PUBLISHED')})\s*:?\s*(?i:(?:{date_token})[\s,]*)+$"
        ),
        "published_head": re.compile(
            rf"^(?i:{_phrases('PUBLISHED')})\s*:?\s*(?i:(?:{date_token})[\s,]*)+(?<=\d)\s*[.,]?\s+"
        ),
        "prompt": re.compile(rf"^(?i:{_phrases('SCROLL')}|{_phrases('SHARE')})\b\W*"),
        "prompt_tail": re.compile(rf"\s+(?i:{_phrases('SCROLL')}|{_phrases('SHARE')})\W*$"),
        "pictured": re.compile(rf"^\W*(?i:{_phrases('PICTURED')}|credits?|crédits?|quelle)"
                               r"\s*:\s*"),
        "credit": re.compile(r"\s*\((?i:photo|foto|picture|image|pic|crédit|credit)s?\s*:?"
                             r"[^()]{0,60}\)\s*"),
        "starter": re.compile(rf"(?<=[\w)])\s+(?=(?:{'|'.join(all_words('STARTERS'))})\s)"),
    }


_PROMPTS = (*all_words("SCROLL"), *all_words("SHARE"))
_HEADS = {
    "by": _affixes(all_words("BY"), last=False),
    "published": _affixes(all_words("PUBLISHED"), last=False),
    "prompt": _affixes(_PROMPTS, last=False),
    "pictured": _affixes([*all_words("PICTURED"), "credit", "crédit", "quelle"], last=False),
}
"""The folded characters every match of these patterns starts with (after "pictured"'s \\W*)."""
_HEAD = max(n for n, _ in _HEADS.values())
_TAILS = {
    "prompt_tail": _affixes(_PROMPTS, last=True),
    "staff": _affixes(all_words("STAFF"), last=True),
}
"""The folded characters every match of these patterns ends with (before "prompt_tail"'s \\W*)."""


def _head(text: str, start: int = 0) -> str:
    """The folded opening of ``text[start:]`` that :func:`_starts` looks at."""
    return _fold(text[start : start + _HEAD])


def _starts(name: str, head: str) -> bool:
    """Whether a text whose :func:`_head` is ``head`` starts as a match of ``name`` must."""
    n, heads = _HEADS[name]
    return head[:n] in heads


def _ends(name: str, text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends as a match of pattern ``name`` must."""
    n, tails = _TAILS[name]
    return end >= n and _fold(text[end - n : end]) in tails


def _may_glue(text: str) -> bool:
    """Whether ``text`` has a lower-case letter before a capital after its third character."""
    found = _UPPER_CHAR.search(text, 3)
    while found:
        if _LOWER_CHAR.match(text, found.start() - 1):
            return True
        found = _UPPER_CHAR.search(text, found.start() + 1)
    return False


def _may_delimit(text: str) -> bool:
    """Whether ``text`` has a "|", or a "." opening it or after a space: every delimiter does."""
    if "|" in text:
        return True
    dot = text.find(".")
    while dot >= 0:
        if dot == 0 or text[dot - 1].isspace():
            return True
        dot = text.find(".", dot + 1)
    return False


def _strip_code(text: str) -> str:
    found = _CODE.search(text)
    return text[: found.start()].rstrip() if found else text


def _may_quote_glue(text: str) -> bool:
    """Whether ``text`` may hold a quotation mark: every quote glue is one, and all but the
    straight one are outside ASCII (which a str knows without looking)."""
    return '"' in text or not text.isascii()


def _closes(text: str, at: int) -> bool:
    """Whether the quotation mark at ``text[at]`` closes a quotation (else it opens one)."""
    mark = text[at]
    if mark in "»”":
        return True
    if mark in "«„":
        return False
    if mark == "“":  # German closes „ with it; English and French open with it
        return text.rfind("„", 0, at) > text.rfind("“", 0, at)
    # A straight mark opens a quotation if the next one closes it (it follows a letter or
    # a stop and is not followed by a letter): counting marks before it cannot tell, since
    # a quotation can open in an earlier sentence and a subheading's opening mark be lost.
    after = text.find('"', at + 1)
    if after < 0:
        return True
    closer = not text[after - 1].isspace() and not text[after + 1 : after + 2].isalnum()
    return not closer


def _glue_cut(text: str) -> int | None:
    """Where the first glued subheading in ``text`` ends, if there is one."""
    cuts = []
    found = _GLUE.search(text) if _may_glue(text) else None
    if found:
        cuts.append(found.end())
    if _may_quote_glue(text):
        quoted = _QUOTE_GLUE.search(text)
        if quoted:
            at = quoted.start()
            cuts.append(at + 1 if _closes(text, at) else at)
        pair = _QUOTES_GLUE.search(text)
        if pair:
            cuts.append(pair.end())
    spaced = _SPACED_GLUE.search(text) if "?" in text or "!" in text else None
    if spaced:
        cuts.append(spaced.end())
    return min(cuts) if cuts else None


def _strip_dash_heads(text: str) -> str:
    """Wire-style subheadings between dashes after a sentence's end come out."""

    def drop(found: re.Match[str]) -> str:
        short = len(_WORD.findall(found.group("head"))) <= _SUBHEADING_MAX_WORDS
        return " " if short else found.group(0)

    return _DASH_HEAD.sub(drop, text)


def _unglue(text: str) -> str:
    """Subheadings glued to the sentence after them ("...de prisonLa direction") come off."""
    for _ in range(_GLUES_MAX):
        cut = _glue_cut(text)
        if cut is None:
            break
        head, tail = text[:cut], text[cut:]
        ends = list(_SENTENCE_END.finditer(head))
        start = ends[-1].end() if ends else 0
        subheading = len(_WORD.findall(head[start:])) <= _SUBHEADING_MAX_WORDS
        # a subheading may ask a question; one that ends with a full stop is a sentence
        if subheading and not _FULL_STOP.search(head):
            text = (head[:start] + tail).strip()
        else:
            text = f"{head} {tail}" if _ENDED.search(head) else f"{head}. {tail}"
    return text


def is_boilerplate(piece: str) -> bool:
    """Whether a whole piece of text is page furniture: byline, staff line, timestamp, prompt."""
    text = piece.strip(" .|•·-–—")
    if not _WORD.search(text):
        return True
    head = _head(text)
    by = _starts("by", head)
    staff = text.endswith("\n") or _ends("staff", text, len(text))
    published = _starts("published", head)
    prompt = _starts("prompt", head)
    if not (by or staff or published or prompt or _may_caption(text) or is_furniture(text)):
        return False  # no pattern can match, however many words
    if len(_WORD.findall(text)) > _PIECE_MAX_WORDS:
        return False
    found = _patterns()
    if (by and found["by"].match(text)) or (staff and found["staff"].match(text)):
        return True
    if published and found["published"].match(text):
        return True
    label = found["prompt"].match(text) if prompt else None
    if label and not text[label.end() :].strip():
        return True
    return bool(_is_caption(text)) or is_furniture(text)


def _may_caption(text: str) -> bool:
    """Whether ``text`` starts as a "Pictured:" label must (after any \\W characters)."""
    start = 0
    while start < len(text) and not _is_word_char(text[start]):
        start += 1
    return _starts("pictured", _head(text, start))


def _is_caption(text: str) -> re.Match[str] | None:
    """The "Pictured:" label that opens ``text``, if any."""
    return _patterns()["pictured"].match(text) if _may_caption(text) else None


def _strip_pieces(text: str) -> str:
    """Furniture pieces (between " . " and " | " delimiters) off both ends of ``text``."""
    cuts = [0, *(p for m in _DELIMITER.finditer(text) for p in (m.start(), m.end())), len(text)]
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    first, last = 0, len(spans)
    byline = False  # "By ." leaves the names to the next piece
    while first < last:
        piece = text[slice(*spans[first])].strip(" .|")
        if byline and _patterns()["names"].match(piece):
            first += 1
            continue
        if not is_boilerplate(piece):
            break
        byline = bool(_patterns()["bare_by"].match(piece)) or (byline and not piece)
        first += 1
    while last > first and is_boilerplate(text[slice(*spans[last - 1])]):
        last -= 1
    if first == last:
        return ""
    return text[spans[first][0] : spans[last - 1][1]].strip()


def _strip_heads(text: str) -> str:
    """Prompts and timestamps glued to a sentence without a delimiter."""
    found = _patterns()
    while True:
        before = text
        folded = _head(text)
        for name, guard in (("prompt", "prompt"), ("published_head", "published")):
            head = found[name].match(text) if _starts(guard, folded) else None
            if head:
                text = text[head.end() :].strip()
                folded = _head(text)
        start = max(0, len(text) - _TAIL)  # a prompt after the story is looked for near the end
        end = len(text)
        while end > start and not _is_word_char(text[end - 1]):
            end -= 1  # the prompt's last word ends here, before the pattern's \W*
        tail = found["prompt_tail"].search(text, start) if _ends("prompt_tail", text, end) else None
        if tail and tail.start() > 0:
            text = text[: tail.start()].strip()
        if text == before:
            return text


def _caption(text: str) -> str | None:
    """A caption ("Pictured: ...") is left out; one run into a sentence leaves the sentence."""
    label = _is_caption(text)
    if not label:
        return text
    rest = text[label.end() :]
    starter = _patterns()["starter"].search(rest)
    if starter and len(_WORD.findall(rest[: starter.start()])) >= 3:
        tail = rest[starter.end() :]
        if len(_WORD.findall(tail)) >= 6:
            return tail
    return None


def clean_sentence(text: str) -> str | None:
    """``text`` without the furniture at its ends; ``None`` if nothing of the story is left."""
    if "=" in text or "{" in text or "(" in text:
        text = _strip_code(text)
        text = _patterns()["credit"].sub(" ", text).strip()
    if "-" in text:
        text = _strip_dash_heads(text)
    text = _unglue(text)
    prose = None  # a text is_boilerplate has said no to already
    if _may_delimit(text) and _DELIMITER.search(text):
        text = _strip_pieces(text)
    elif len(text.split()) <= _PIECE_MAX_WORDS:
        # _strip_pieces of a single piece: all of it, stripped, or nothing
        if is_boilerplate(text):
            return None
        prose = text
        text = text.strip()
    text = _strip_heads(text)
    if not text or (text != prose and is_boilerplate(text)):
        return None
    return _caption(text)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


_NEARBY = 30
"""A caption copy is looked for this many sentences either side (captions sit by their story)."""


def _caption_copies(texts: Sequence[str]) -> set[int]:
    """Indices of "Label: ..." units whose words after the label mostly repeat a nearby sentence."""
    copies: set[int] = set()
    for i, text in enumerate(texts):
        found = _LABEL.match(text) if ":" in text else None
        if not found or len(found.group("label").split()) > 3:
            continue
        rest = _words(found.group("rest"))
        if len(rest) < 4:
            continue
        for other in range(max(0, i - _NEARBY), min(len(texts), i + _NEARBY + 1)):
            if other != i and len(rest & _words(texts[other])) >= 0.7 * len(rest):
                copies.add(i)
                break
    return copies


def clean_candidates(candidates: Sequence[Sentence]) -> list[Sentence]:
    """The story's sentences, cleaned, at their own positions (all of them if none is left)."""
    cleaned: list[Sentence] = []
    byline = False  # a bare "By ." sentence leaves the names to the next one
    for sentence in candidates:
        stripped = sentence.text.strip(" .|")
        names = byline and _patterns()["names"].match(stripped)
        byline = bool(_patterns()["bare_by"].match(stripped))
        text = None if names else clean_sentence(sentence.text)
        if text is None:
            continue
        if text != sentence.text:
            sentence = Sentence(text, sentence.paragraph, sentence.index)
        cleaned.append(sentence)
    if not cleaned:
        return list(candidates)
    copies = _caption_copies([s.text for s in cleaned])
    return [s for i, s in enumerate(cleaned) if i not in copies] if copies else cleaned
