"""Offline language detection and stop words."""

from __future__ import annotations

import pytest

from exporter.language import detect_language, stop_words, sumy_language
from exporter.model import Document, Paragraph, Sentence
from exporter.summarise import method_names, summarise

# One sentence per language, written for this suite: "The city council approved a new
# bridge on Monday, which should be ready by 2027."
BRIDGE = {
    "en": "The city council approved the construction of a new bridge on Monday, and it said "
    "that the bridge should be ready by 2027.",
    "de": "Der Stadtrat hat am Montag den Bau einer neuen Brücke beschlossen, die bis zum Jahr "
    "2027 fertig sein soll.",
    "fr": "Le conseil municipal a approuvé lundi la construction d'un nouveau pont qui sera "
    "prêt en 2027.",
    "es": "El ayuntamiento aprobó el lunes la construcción de un nuevo puente que estará listo "
    "en 2027.",
    "it": "Il consiglio comunale ha approvato lunedì la costruzione di un nuovo ponte che sarà "
    "pronto nel 2027.",
    "pt": "A câmara municipal aprovou na segunda-feira a construção de uma nova ponte que "
    "estará pronta em 2027.",
    "sv": "Kommunfullmäktige godkände på måndagen bygget av en ny bro som ska vara klar till "
    "2027.",
    "pl": "Rada miasta zatwierdziła w poniedziałek budowę nowego mostu, który ma być gotowy "
    "w 2027 roku.",
    "cs": "Městská rada v pondělí schválila stavbu nového mostu, který má být hotový v roce "
    "2027.",
    "sk": "Mestská rada v pondelok schválila výstavbu nového mosta, ktorý má byť hotový "
    "v roku 2027.",
    "ru": "Городской совет в понедельник одобрил строительство нового моста, который должен "
    "быть готов к 2027 году.",
    "uk": "Міська рада в понеділок схвалила будівництво нового мосту, який має бути готовий "
    "до 2027 року.",
    "el": "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα την κατασκευή μιας νέας γέφυρας.",
    "zh": "市议会周一批准了新桥的建设，新桥将于二零二七年完工。",
    "ja": "市議会は月曜日に新しい橋の建設を承認しました。",
    "ko": "시의회는 월요일에 새 다리 건설을 승인했다.",
    "ar": "وافق مجلس المدينة يوم الاثنين على بناء جسر جديد.",
    "he": "מועצת העיר אישרה ביום שני את בניית הגשר החדש.",
    "th": "สภาเมืองอนุมัติการสร้างสะพานใหม่เมื่อวันจันทร์",
}
SUMY_CODES = ("ar", "zh", "cs", "en", "fr", "de", "el", "he", "it", "ja", "ko", "pl", "pt",
              "sk", "es", "sv", "th", "uk")


@pytest.mark.parametrize("code", sorted(BRIDGE))
def test_detects_the_language(code: str) -> None:
    assert detect_language(BRIDGE[code]) == code


def test_unsure_text_falls_back_to_the_default() -> None:
    assert detect_language("12345 67 89", default="en") == "en"
    assert detect_language("", default="de") == "de"


@pytest.mark.parametrize("code", SUMY_CODES)
def test_every_sumy_language_has_stop_words_and_summarises(code: str) -> None:
    assert sumy_language(code) is not None
    assert len(stop_words(code)) >= 20
    text = BRIDGE[code]
    texts = [text, text + " 1", "OK.", text[: len(text) // 2] + "."]
    sentences = tuple(Sentence(t, 0, i) for i, t in enumerate(texts))
    document = Document("T", (Paragraph(sentences),), language=code)
    for method in method_names():
        chosen = [s.text for s in summarise(document, sentences=2, method=method).sentences]
        # Three of the four are near-copies of one another (" 1" added, cut short): a
        # method may leave the copies out, so it gives two sentences, or one of the copies.
        assert len(chosen) == 2 or (len(chosen) == 1 and chosen[0] != "OK."), method


def test_russian_stop_words_are_thorough() -> None:
    words = stop_words("ru")
    assert len(words) >= 150
    assert {"и", "в", "не", "на", "что", "который", "также", "это", "для"} <= words
    assert "метро" not in words and "город" not in words
