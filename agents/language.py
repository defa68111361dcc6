"""Whether a message is written in a language other than English: the offline agents read English only.

A message in Spanish or German ("hola, mi pago ha fallado", "Ich möchte mein Abo kündigen") is read by the
classifier as off topic, and the scope reply ("I can only help with your Northwind account…") tells the customer
the wrong thing: their question may well be ours. Counted from the common short words of the languages customers
write in most often, which English messages hardly use, and from letters English does not have.
"""

from __future__ import annotations

import re

# Short, frequent words of Spanish, German, French, Portuguese, Italian and Dutch that are not English words
# too ("a", "die", "in", "be", "son" and the like are left out).
_FOREIGN_WORDS_BY_LANGUAGE = {
    "es": "hola gracias por favor qué que cómo como cuándo dónde mi mis tu su sus el los las una uno unos es está "
          "estoy tengo tiene pago cuenta factura ayuda necesito quiero puedo puede cuánto cuesta pero muy",
    "de": "hallo danke bitte ich mein meine meinen mich mir nicht ist sind und oder wie warum wann kann können "
          "möchte habe hat rechnung konto hilfe zahlung kündigen abo das der des dem ein eine einen",
    "fr": "bonjour merci je suis mon ma mes pourquoi comment est-ce avec pas une compte facture aide paiement",
    "pt": "olá obrigado obrigada você minha meu não conta ajuda",
    "it": "ciao grazie sono il della perché aiuto conto",
    "nl": "hoi bedankt ik mijn niet hoe waarom rekening",
}
_FOREIGN_WORDS = frozenset(word for words in _FOREIGN_WORDS_BY_LANGUAGE.values() for word in words.split())
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_NOT_ENGLISH_LETTERS = re.compile(r"[ñáéíóúàèìòùâêîôûäöüßçãõ¿¡]", re.IGNORECASE)
# At least this share of the message's words must be foreign ones, so an English message quoting a word
# ("what does 'danke' mean?") or naming a place is still English.
FOREIGN_SHARE = 0.4
MIN_FOREIGN_WORDS = 2


def looks_not_english(text: str) -> bool:
    """Whether the message is most likely written in another language than English."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if _NOT_ENGLISH_LETTERS.search(text):
        foreign += 1  # "¿", "ñ", "ü": a letter English doesn't use counts as a word's worth of evidence
    return foreign >= MIN_FOREIGN_WORDS and foreign / len(words) >= FOREIGN_SHARE


# "Do you speak spanish?", "can you answer in french?", "is there support in german?": which languages the chat
# answers in (the scope reply turned it away). Not "what languages do you support?", which asks what apps may be
# written in.
_ASKS_ABOUT_SPOKEN_LANGUAGES = re.compile(
    r"\b(?:do|can|could)\s+(?:you|u|ya)\s+(?:speak|understand|read|talk|write|chat|answer|reply|respond)\s+(?:in\s+)?"
    r"(?:spanish|french|german|italian|portuguese|dutch|polish|chinese|mandarin|japanese|korean|arabic|hindi|russian"
    r"|turkish|swedish|danish|norwegian|finnish|greek|hebrew|czech|romanian|hungarian|ukrainian|vietnamese|thai"
    r"|indonesian|other\s+languages?|any\s+other\s+languages?|languages?\s+other\s+than\s+english)\b"
    r"|\b(?:is\s+there|do\s+you\s+(?:have|offer))\s+(?:support|help|a\s+chat)\s+in\s+(?:spanish|french|german|italian"
    r"|portuguese|dutch|polish|chinese|japanese|korean|arabic|hindi|russian|turkish|other\s+languages?)\b",
    re.IGNORECASE)


def asks_about_spoken_languages(text: str) -> bool:
    """Whether the message asks which languages the chat itself answers in."""
    return bool(_ASKS_ABOUT_SPOKEN_LANGUAGES.search(text))
