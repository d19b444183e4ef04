"""sumy's algorithms, fed with exporter's own segmentation: the only module that imports sumy.

sumy's default tokenizer needs NLTK data that ``pip install`` does not bring.
We build sumy's document model (``ObjectDocumentModel`` of ``Paragraph`` of
``Sentence``) from our already-segmented Document, with a tokenizer that splits
words by a Unicode regular expression, so nothing is ever downloaded. sumy
compares sentences by text, so results are mapped back to our sentences by
their position in document order (sumy's ``SentenceInfo.order``), never by
looking text up. sumy hands back only the chosen sentences; we ask it, through
its count callable, for its whole ranking, so that exporter's own length
control (word budgets, near-duplicates) applies to sumy's methods too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..language import stop_words, sumy_language
from ..language_table import SNOWBALL_FOR_SUMY, SUMY_STEMMERS
from ..model import Document, Heading, Sentence

SUMY_METHODS = ("edmundson", "kl", "lexrank", "lsa", "luhn", "reduction", "sumbasic", "textrank")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _WordTokenizer:
    """The part of sumy's Tokenizer protocol its summarizers use."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _stemmer(code: str) -> Callable[[str], str]:
    if code in SNOWBALL_FOR_SUMY:
        from .terms import stemmer  # here: terms loads numpy, which importing must not

        return stemmer(code)
    name = SUMY_STEMMERS.get(code)
    if name is None:
        return str.lower
    from sumy.nlp.stemmers import Stemmer

    return Stemmer(name)  # type: ignore[no-any-return]


def _build(document: Document, candidates: Sequence[Sentence]) -> tuple[Any, list[Any]]:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _WordTokenizer(sumy_language(document.language) or "english")
    wanted = {s.position for s in candidates}
    paragraphs = []
    ordered: list[Any] = []
    pending_headings: list[Any] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            pending_headings.append(SumySentence(block.text, tokenizer, is_heading=True))
            continue
        body = [SumySentence(s.text, tokenizer) for s in block.sentences if s.position in wanted]
        ordered.extend(body)
        if body:
            paragraphs.append(SumyParagraph(pending_headings + body))
            pending_headings = []
    return ObjectDocumentModel(paragraphs), ordered


def sumy_method(name: str) -> Callable[[Document, Sequence[Sentence]], list[int]]:
    """A method that ranks the candidates with sumy's ``name`` summarizer, best first."""

    def run(document: Document, candidates: Sequence[Sentence]) -> list[int]:
        summarizer = _summarizer(name, document)
        model, ordered = _build(document, candidates)
        if not ordered:
            return []
        ranked: list[int] = []

        def take_all(infos: Any) -> Any:
            # sumy hands its count callable the sentences sorted best first, each
            # with its position in document order: exactly the ranking we want.
            infos = list(infos)
            ranked.extend(info.order for info in infos)
            return infos

        summarizer(model, take_all)
        return ranked

    run.__name__ = name
    run.__doc__ = f"sumy's {name} summarizer."
    return run


def _summarizer(name: str, document: Document) -> Any:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "edmundson": EdmundsonSummarizer, "kl": KLSummarizer, "lexrank": LexRankSummarizer,
        "lsa": LsaSummarizer, "luhn": LuhnSummarizer, "reduction": ReductionSummarizer,
        "sumbasic": SumBasicSummarizer, "textrank": TextRankSummarizer,
    }
    summarizer = classes[name](_stemmer(document.language))
    stops = stop_words(document.language)
    summarizer.stop_words = stops
    if name == "edmundson":
        # Edmundson's cue method needs bonus and stigma words: the title's content
        # words are the bonus, reporting filler the stigma.
        title_words = {w.lower() for w in _WORD.findall(document.title)} - stops
        summarizer.bonus_words = title_words or {"said"}
        summarizer.stigma_words = {"advertisement", "subscribe", "click", "cookie", "newsletter"}
        summarizer.null_words = stops or {"the"}
    return summarizer
