"""Direct quotations in an article, with the speaker when the text names one.

The extractor scans each prose block for quoted spans (curly “…”, straight "…",
German „…“ and »…«, French « … », CJK 「…」) and keeps the ones that are
quotations rather than scare quotes or quoted terms:

- a *full* quotation (it starts a sentence or follows a colon, starts with a
  capital, and closes on punctuation or is followed by an attribution) needs
  three words, and five when no speaker is named;
- a *partial* quotation inside the writer's own sentence (``said it saw "…"``)
  needs six words and a speech verb (``said``, ``sagte``, ``a déclaré``…) in
  its sentence, or an attribution right after it.

Speakers come from the attribution patterns news writing uses:
``X said: "…"``, ``"…," X said``, ``"…," said X, the group's chair``,
``X, the Kremlin's spokesperson, said that … "…"``; a pronoun (``he added``)
is resolved to the last speaker named nearby. Block quotations are quotations
by construction; a trailing ``— Name`` names their speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..letters import LATIN_UPPER
from ..model import Document, Heading, Quote, Sentence
from . import speakers
from .alternation import alternation
from .scope import EXTRACT_CHARS, Ranking, opening
from .speech import GROUP_PRONOUNS, PRONOUNS, SPEECH_VERBS

FULL_MIN_WORDS = 3
UNATTRIBUTED_MIN_WORDS = 5
PARTIAL_MIN_WORDS = 6
MAX_SPEAKER_WORDS = 8
# How far back (in blocks) a pronoun may look for the speaker it stands for.
PRONOUN_REACH = 2
# How far after a quotation (in characters) its attribution ('," she said') is looked for.
ATTRIBUTION_REACH = 160


@dataclass(frozen=True, slots=True)
class KeyQuote:
    """A direct quotation; ``sentence`` is where it starts, for linking back."""

    text: str
    speaker: str | None
    sentence: Sentence


# Opening mark -> the marks that may close it.
_CLOSERS = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    '"': '"',
}
_OPENING = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
_CLOSING = {mark: re.compile("[" + re.escape(closers) + "]") for mark, closers in _CLOSERS.items()}
_QUOTE_CHARS = frozenset('"“”„«»「」『』\x00')
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")

# Verbs after which the source follows rather than precedes ("according to Tass").
_SOURCE_FIRST = {"according to", "laut", "selon", "d'après", "según", "secondo", "so"}
# Words that end a speaker named after its verb ('said Ana Ruiz on Monday').
_SPEAKER_STOP = {
    "in", "on", "at", "during", "after", "before", "when", "while", "according", "as",
    "adding", "who", "which", "that", "yesterday", "today", "tonight", "last", "this",
    "told", "to", "am", "im", "bei", "vor", "nach", "gegenüber", "auf", "zu", "dass",
    "dans", "lors", "à", "au", "devant", "pendant", "après", "avant", "que", "en",
    "durante", "tras", "ante", "a",
}
# Stop words that are also an article in English ('said a dispatcher').
_ENGLISH_ARTICLES = frozenset({"a"})
_LEADING_JUNK = {
    "and", "but", "while", "as", "though", "although", "because", "so", "then", "when",
    "after", "which", "who", "that", "where", "und", "aber", "doch", "et", "mais", "y",
    "pero", "e", "ma", "also", "meanwhile",
}
# Words that trail a speaker without being part of it ('Hailey later said').
_TRAILING_JUNK = {
    "has", "have", "had", "would", "will", "did", "does", "do", "hat", "habe", "hatte", "wird",
    "later", "once", "also", "then", "again", "previously", "recently", "earlier", "now",
    "today", "yesterday", "further", "however", "auch", "dann", "später", "aussi", "ensuite",
}
_RELATIVES = {"who", "whose", "whom", "which", "where", "der", "die", "das", "dessen", "deren",
              "qui", "dont", "que", "quien", "cuyo", "cuya"}
_SEPARATORS = re.compile(r",|;|:|\s[—–-]\s|\(|\)")


@cache
def _verb_pattern(language: str) -> re.Pattern[str]:
    verbs = {verb.lower() for verb in SPEECH_VERBS["en"] + SPEECH_VERBS.get(language, [])}
    return re.compile(r"(?<![\w'’-])" + alternation(verbs) + r"(?![\w'’-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the block's end)
    content: str
    closed: bool


def _is_opening_straight(text: str, i: int) -> bool:
    after = text[i + 1 : i + 2]
    return bool(after) and not after.isspace()


def _is_clearly_opening(text: str, i: int) -> bool:
    """A straight quote after a space or sentence end and before a letter opens a quotation."""
    before = text[i - 1 : i]
    after = text[i + 1 : i + 2]
    return (not before or before.isspace()) and after.isalnum()


def _spans(text: str) -> list[_Span]:
    """Quoted spans of one block, outermost only, in order."""
    spans: list[_Span] = []
    i = 0
    while i < len(text):
        opening = _OPENING.search(text, i)
        if opening is None:
            break
        i = opening.start()
        mark = text[i]
        if mark == '"' and not _is_opening_straight(text, i):
            i += 1
            continue
        closing = _CLOSING[mark].search(text, i + 1)
        j = closing.start() if closing is not None else len(text)
        if mark == '"' and j < len(text) and _is_clearly_opening(text, j):
            # ' …potential. "It is …': the first mark was never closed (a quotation
            # running on across a paragraph break that was lost); start again here.
            if i == 0:
                spans.append(_Span(i, j, text[i + 1 : j], False))
            i = j
            continue
        if j < len(text):
            spans.append(_Span(i, j + 1, text[i + 1 : j], True))
            i = j + 1
        else:
            # Unclosed: a quotation that runs on into the next paragraph, by the
            # convention of news writing, only when it opens the paragraph.
            if i == 0:
                spans.append(_Span(i, len(text), text[i + 1 :], False))
            break
    return spans


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """``text`` with every quoted span blanked out, so verbs inside quotes are not seen."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for span in spans:
        start = max(span.start, position)
        pieces.append(text[position:start])
        pieces.append("\x00" * max(0, span.end - start))
        position = max(position, span.end)
    pieces.append(text[position:])
    return "".join(pieces)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _clean_speaker(raw: str, language: str) -> str | None:
    words = raw.strip(" \t,.;:—–-\x00").split()
    while words and words[0].lower() in _LEADING_JUNK:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _TRAILING_JUNK:
        words = words[:-1]
    if not words or len(words) > MAX_SPEAKER_WORDS + 4:
        return None
    return speakers.tidy(" ".join(words), language)


def _speaker_before_verb(before: str, language: str) -> str | None:
    """The noun phrase that ends ``before`` (the text up to a speech verb).

    ``X, the Kremlin's spokesperson,`` ends on a comma: the part between the last
    two separators is an apposition, and the speaker is the phrase before it.
    """
    stripped = before.rstrip()
    parts = [p for p in _SEPARATORS.split(stripped) if p.strip()]
    if stripped.endswith(","):  # an apposition
        relative = next((i for i, p in enumerate(parts)
                         if i and p.split()[0].lower() in _RELATIVES), None)
        if relative is not None:
            # 'The actor, whose films include X, Y and Z, said': the speaker precedes 'whose'.
            return _clean_speaker(parts[relative - 1], language)
        if len(parts) >= 2:
            # 'the council leader, Margaret Osei, said': the name is the apposition.
            if _is_proper_name(parts[-1]) and not _is_proper_name(parts[-2]):
                return _clean_speaker(parts[-1], language)
            parts = parts[:-1]
    if not parts:
        return None
    return _clean_speaker(parts[-1], language)


def _is_proper_name(phrase: str) -> bool:
    """Whether every word of ``phrase`` is capitalised ('Margaret Osei', 'Dr. Ana Ruiz')."""
    words = phrase.split()
    return 0 < len(words) <= MAX_SPEAKER_WORDS and all(w[:1].isupper() for w in words)


_APPOSED_NAME = re.compile(
    rf"\s*,\s*((?:[{LATIN_UPPER}][\w’'.-]*\s+){{0,3}}[{LATIN_UPPER}][\w’'-]*)\s*(?:[.,;]|$)"
)


def _speaker_after_verb(after: str, language: str) -> str | None:
    """The speaker that follows a verb ('said Ana Ruiz, the group's chair').

    A role in lowercase named right after it ('a déclaré le maire, Philippe Garnier')
    gives way to the name.
    """
    role = re.match(r"\s*([^\W\d_][^,.;:!?\x00]{0,60})", after)
    if role is not None and role.group(1)[:1].islower():
        name = _APPOSED_NAME.match(after, role.end())
        if name is not None:
            named = _clean_speaker(name.group(1), language)
            if named is not None:
                return named
    words: list[str] = []
    stops = _SPEAKER_STOP - _ENGLISH_ARTICLES if language == "en" else _SPEAKER_STOP
    for token in after.split():
        core = token.strip(",.;:!?\x00")
        if not core or core.lower() in stops and words:
            break
        if core.lower() in stops:
            return None
        words.append(core if token[-1:] != "." or speakers.ends_name(token) else token)
        if token[-1:] in ",;:!?" or len(words) > MAX_SPEAKER_WORDS:
            break
        if token[-1:] == "." and speakers.ends_name(token):
            break
    return _clean_speaker(" ".join(words), language)


def _inverted_pronoun(verb: str) -> str | None:
    """The pronoun of a French inverted verb ('a-t-elle ajouté' -> 'elle')."""
    match = re.search(r"-(?:t-)?(il|elle|ils|elles|on)\b", verb, re.IGNORECASE)
    return match.group(1).lower() if match else None


_ENDS = re.compile(r"[.!?](?=\s|$)|[\x00“„«\"]")


def _sentence_end(text: str) -> int:
    """Where the sentence that ``text`` opens ends: not at a title's full stop ('Dr.')."""
    for match in _ENDS.finditer(text):
        if match.group(0) == ".":
            word = text[: match.start()].rsplit(None, 1)[-1:]
            if word and not speakers.ends_name(word[0] + "."):
                continue
        return match.start()
    return len(text)


def _attribution_after(
    after: str, verbs: re.Pattern[str], language: str
) -> tuple[bool, str | None]:
    """``(attributed, speaker)`` from the text right after a closing quote mark."""
    head = after[:ATTRIBUTION_REACH]
    # The sentence that carries the attribution ends at the next full stop or quote.
    head = head[: _sentence_end(head)]
    match = verbs.search(head)
    if match is None:
        return False, None
    lead = head[: match.start()]
    inverted = _inverted_pronoun(match.group(0))
    if inverted and not lead.strip(" ,"):
        return True, inverted
    if not lead.strip(" ,"):
        # Verb first: '," said X' / '," according to X'.
        return True, _speaker_after_verb(head[match.end() :], language)
    if _words(lead) > MAX_SPEAKER_WORDS + 4 or _sentence_end(lead + " ") < len(lead):
        return False, None
    verb = match.group(0).lower()
    if verb in _SOURCE_FIRST:
        return True, _speaker_after_verb(head[match.end() :], language)
    return True, _speaker_before_verb(lead, language)


def _attribution_before(
    before: str, verbs: re.Pattern[str], language: str, *, adjacent: bool
) -> tuple[bool, str | None]:
    """``(attributed, speaker)`` from the sentence text before an opening mark.

    With ``adjacent`` the verb must introduce the quote (``X said: "``); otherwise
    any speech verb earlier in the sentence attributes a partial quotation.
    """
    matches = list(verbs.finditer(before))
    if not matches:
        return False, None
    match = matches[-1]
    inverted = _inverted_pronoun(match.group(0))
    if inverted:
        return True, inverted
    if adjacent:
        between = before[match.end() :]
        if _words(between) > 6 or not re.search(r"[:,]\s*$", before.rstrip() + " "):
            return False, None
    verb = match.group(0).lower()
    if verb in _SOURCE_FIRST:
        return True, _speaker_after_verb(before[match.end() :], language)
    speaker = _speaker_before_verb(before[: match.start()], language)
    if speaker is None and not before[: match.start()].strip():
        # Inverted order at the start of a sentence: 'Said the minister: "…"'.
        speaker = _speaker_after_verb(before[match.end() :], language)
    return True, speaker


def _speaker_before_colon(before: str, text: str, language: str) -> str | None:
    """The speaker of ``X: "…"`` without a speech verb, when X is a name.

    X must be a name of several capitalised words ('Anwohner Helmut Krämer') or one
    the article gives in full elsewhere ('Varga' for Elena Varga): 'Anders
    formuliert:' or 'The result:' introduce a quotation without naming a speaker.
    """
    head = before.rstrip().rstrip(":")
    if _words(head) > MAX_SPEAKER_WORDS + 4:
        return None
    first = _SEPARATORS.split(head, maxsplit=1)[0]
    speaker = _clean_speaker(first, language)
    if speaker is None or speakers.is_pronoun(speaker):
        return None
    if len(speaker.split()) > 1 and _is_proper_name(speaker):
        return speaker
    if speakers.fullest(speaker, text, language, {}) != speaker:
        return speaker
    return None


def _starts_capital(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return char.isupper() or not char.islower()  # scripts without case count
        if char.isdigit():
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    speaker: str | None
    sentence: Sentence
    full: bool
    words: int
    order: tuple[int, int]


def _sentence_starts(block_sentences: Sequence[Sentence]) -> list[int]:
    """Offsets of each sentence in the block's text (sentences joined by one space)."""
    starts, offset = [], 0
    for sentence in block_sentences:
        starts.append(offset)
        offset += len(sentence.text) + 1
    return starts


def _tidy(content: str) -> str:
    text = " ".join(content.split())
    return text.rstrip(" ,")


def _block_candidates(
    sentences: Sequence[Sentence], text: str, spans: Sequence[_Span], language: str,
    article: str = "",
) -> Iterator[_Candidate]:
    """The quotations of one block; ``article`` (the whole text) tells names from words."""
    if not spans:
        return
    verbs = _verb_pattern(language)
    masked = _mask(text, spans)
    starts = _sentence_starts(sentences)
    previous_speaker: str | None = None
    for span in spans:
        number = bisect_right(starts, span.start) - 1  # the sentence the quotation opens in
        sentence = sentences[number]
        content = span.content.strip()
        words = _words(content)
        if words < 2:
            continue
        before = masked[starts[number] : span.start]
        after = masked[span.end : span.end + ATTRIBUTION_REACH]
        at_start = not before.strip(" \x00")
        colon = before.rstrip().endswith(":")
        attributed, speaker = _attribution_before(before, verbs, language, adjacent=True)
        if not attributed and span.closed:
            attributed, speaker = _attribution_after(after, verbs, language)
        closes_on_punctuation = content[-1:] in ".,!?…;" or after[:1] in ",."
        full = _starts_capital(content) and (at_start or colon or (
            closes_on_punctuation and attributed))
        if not attributed and not full:
            attributed, speaker = _attribution_before(before, verbs, language, adjacent=False)
        if not attributed and colon:
            speaker = _speaker_before_colon(before, article or text, language)
            attributed = speaker is not None
        if not attributed and full and previous_speaker:
            # '"A," he said. "B."': the speaker goes on within the paragraph.
            attributed, speaker = True, previous_speaker
        if full:
            needed = FULL_MIN_WORDS if attributed else UNATTRIBUTED_MIN_WORDS
        else:
            needed = PARTIAL_MIN_WORDS if attributed else 10**9
        if words < needed:
            continue
        previous_speaker = speaker or previous_speaker
        text = _tidy(content) if full else _tidy(content).rstrip(".;")
        yield _Candidate(text, speaker, sentence, full, words, sentence.position)


def _mentions(
    sentences: Sequence[Sentence], text: str, spans: Sequence[_Span], language: str
) -> Iterator[tuple[tuple[int, int], str]]:
    """Speakers named with a speech verb ('Dr. Ana Ruiz, an economist, said …') in a block."""
    verbs = _verb_pattern(language)
    masked = _mask(text, spans)
    for start, sentence in zip(_sentence_starts(sentences), sentences, strict=True):
        end = start + len(sentence.text)
        for match in verbs.finditer(masked, start, end):
            lead = masked[start : match.start()]
            if match.group(0).lower() in _SOURCE_FIRST or lead.rstrip(" ,").endswith("\x00"):
                # 'according to X', '"…", said X': the speaker follows the verb.
                speaker = _speaker_after_verb(masked[match.end() : end], language)
            else:
                speaker = _speaker_before_verb(lead, language)
            if speaker and speaker.lower() not in PRONOUNS:
                yield sentence.position, speaker


def _block_quote_candidate(block: Quote, previous_text: str, language: str) -> _Candidate | None:
    text = block.text.strip()
    speaker = None
    dash = re.search(r"\s*(?:^|\s)[—–―]\s*([^—–―]{2,80})$", text)
    if dash and _words(dash.group(1)) <= MAX_SPEAKER_WORDS:
        speaker = _clean_speaker(dash.group(1), language)
        text = text[: dash.start()].rstrip()
    text = text.strip("“”„\"«»「」 ")
    if speaker is None and previous_text.rstrip().endswith(":"):
        _, speaker = _attribution_before(previous_text.rstrip(), _verb_pattern(language), language,
                                         adjacent=True)
    if _words(text) < FULL_MIN_WORDS or not block.sentences:
        return None
    return _Candidate(_tidy(text), speaker, block.sentences[0], True, _words(text),
                      block.sentences[0].position)


def _is_named(speaker: str, text: str, known: dict[str, bool]) -> bool:
    """Whether a pronoun may stand for ``speaker``: not a bare plural such as 'Officials'.

    A single capitalised word ending in ``s`` counts as a name (Jones) only when the
    article also writes it capitalised in mid-sentence. ``known`` remembers the
    answers for this article: one search of the text per distinct word, not per quote.
    """
    words = speaker.split()
    if len(words) != 1 or not words[0].endswith("s"):
        return True
    word = words[0]
    if word not in known:
        # '[\w,;] Jones\b', written with the word first: re then scans for that literal
        # quickly instead of trying a match at every character of the article.
        escaped = re.escape(word)
        known[word] = re.search(rf"{escaped}\b(?<=[\w,;] {escaped})", text) is not None
    return known[word]


def _resolve_pronouns(
    candidates: list[_Candidate], mentions: list[tuple[tuple[int, int], str]], text: str
) -> list[_Candidate]:
    """Replace pronoun speakers with the speaker they stand for, a few blocks back at most.

    'he'/'she' stand for the last named person; 'they'/'it'/'we' for the last
    speaker of any kind (a ministry, 'officials'). Speakers of quotations and
    people named with a speech verb ('X said the figures were cautious') count.
    """
    # Mentions sort before a quotation in the same sentence: (position, 0) < (position, 1).
    events: list[tuple[tuple[int, int], int, int]] = [(m[0], 0, i) for i, m in enumerate(mentions)]
    events += [(c.order, 1, i) for i, c in enumerate(candidates)]
    resolved = list(candidates)
    last_person: tuple[int, str] | None = None
    last_any: tuple[int, str] | None = None
    named: dict[str, bool] = {}
    for order, kind, index in sorted(events):
        if kind == 0:
            speaker: str | None = mentions[index][1]
        else:
            speaker = candidates[index].speaker
        if speaker is None:
            continue
        if kind == 1 and speaker.lower() in PRONOUNS:
            group = speaker.lower() in GROUP_PRONOUNS
            target = last_any if group else last_person
            near = target is not None and order[0] - target[0] <= PRONOUN_REACH
            speaker = target[1] if target is not None and near else None
            candidate = candidates[index]
            resolved[index] = _Candidate(candidate.text, speaker, candidate.sentence,
                                         candidate.full, candidate.words, candidate.order)
            if speaker is not None:  # the chain of reference goes on from here
                if group:
                    last_any = (order[0], speaker)
                else:
                    last_person = (order[0], speaker)
            continue
        last_any = (order[0], speaker)
        if _is_named(speaker, text, named):
            last_person = last_any
    return resolved


def _candidates(document: Document) -> list[_Candidate]:
    found: list[_Candidate] = []
    article = document.text
    # Each prose block as read, by index, for the speakers it names (see _near_mentions).
    read: dict[int, tuple[Sequence[Sentence], str, Sequence[_Span]]] = {}
    previous_text = ""
    carried: _Candidate | None = None  # a quotation running on from the last paragraph
    for number, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            previous_text = ""
            carried = None
            continue
        if isinstance(block, Quote):
            # A block quotation that quotes someone inline ('"…," said X') is read like
            # a paragraph; otherwise the whole block is the quotation.
            spans = _spans(block.text)
            inline = list(_block_candidates(block.sentences, block.text, spans,
                                            document.language))
            if not any(c.speaker for c in inline):
                inline = []
            quote = None if inline else _block_quote_candidate(block, previous_text,
                                                               document.language)
            found.extend(inline or ([quote] if quote else []))
            read[number] = (block.sentences, block.text, spans)
            previous_text, carried = block.text, None
            continue
        text = block.text
        spans = _spans(text)
        if carried is not None and spans and spans[0].start == 0:
            # Join the continuation to the quotation it continues.
            first = spans[0]
            joined = carried.text + " " + _tidy(first.content)
            speaker = carried.speaker
            if speaker is None and first.closed:
                _, speaker = _attribution_after(_mask(text, spans)[first.end :],
                                                _verb_pattern(document.language),
                                                document.language)
            carried = _Candidate(joined, speaker, carried.sentence, True,
                                 _words(joined), carried.order)
            found[-1] = carried
            if not first.closed:
                previous_text = text
                continue
            spans = spans[1:]
        carried = None
        block_found = list(_block_candidates(block.sentences, text, spans, document.language,
                                             article))
        read[number] = (block.sentences, text, spans)
        if block_found and spans and not spans[-1].closed and spans[-1].start == 0:
            carried = block_found[-1]
        elif not block_found and spans and not spans[-1].closed:
            # An opening paragraph of a long quotation whose speaker comes later.
            content = _tidy(spans[-1].content)
            if _words(content) >= UNATTRIBUTED_MIN_WORDS and block.sentences:
                carried = _Candidate(content, None, block.sentences[0], True, _words(content),
                                     block.sentences[0].position)
                block_found = [carried]
        found.extend(block_found)
        previous_text = text
    mentions = _near_mentions(found, read, document.language)
    return _resolve_pronouns(found, mentions, document.text)


def _near_mentions(
    candidates: Sequence[_Candidate],
    read: dict[int, tuple[Sequence[Sentence], str, Sequence[_Span]]],
    language: str,
) -> list[tuple[tuple[int, int], str]]:
    """The speakers named in the blocks a pronoun may look back to, in document order.

    A pronoun stands only for someone named at most :data:`PRONOUN_REACH` blocks
    before it, so the other blocks (all of them, in an article without a 'he said')
    need not be searched for speakers.
    """
    wanted = {
        number
        for candidate in candidates
        if candidate.speaker is not None and candidate.speaker.lower() in PRONOUNS
        for number in range(candidate.order[0] - PRONOUN_REACH, candidate.order[0] + 1)
    }
    return [mention for number in sorted(wanted & read.keys())
            for mention in _mentions(*read[number], language)]


def key_quotes(
    document: Document, limit: int = 5, max_chars: int | None = EXTRACT_CHARS
) -> list[KeyQuote]:
    """Up to ``limit`` direct quotations from ``document``, in document order.

    When there are more, attributed full quotations are preferred to partial
    ones, and longer ones to shorter. Scare quotes and quoted terms are never
    reported. Only the opening ``max_chars`` characters are read (``None``: all).
    """
    if limit <= 0:
        return []
    return rank_quotes(opening(document, max_chars)).top(limit)


def rank_quotes(document: Document) -> Ranking[KeyQuote]:
    """Every distinct quotation in ``document`` (already cut to its opening), best first."""
    ranked = _ranked(document)
    return Ranking(tuple(KeyQuote(c.text, c.speaker, c.sentence) for c in ranked),
                   tuple(c.order for c in ranked))


def _ranked(document: Document) -> tuple[_Candidate, ...]:
    """Every distinct quotation, best first (any ``limit`` takes a prefix)."""
    seen: set[str] = set()
    unique: list[_Candidate] = []
    for candidate in _candidates(document):
        key = candidate.text.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(candidate)
    names = speakers.shown([c.speaker for c in unique], document.text, document.language)
    unique = [replace(c, speaker=name) for c, name in zip(unique, names, strict=True)]
    return tuple(sorted(
        unique,
        key=lambda c: (c.speaker is not None, c.full, min(c.words, 40)),
        reverse=True,
    ))
