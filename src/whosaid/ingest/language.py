"""Language identification of article bodies (py3langid), cautious on short texts.

Example:
    >>> identify("Der Bundeskanzler sagte am Dienstag in Berlin, die Gespräche würden fortgesetzt.")[0]
    'de'
    >>> check_english("Obama said no.", "a.txt")   # too short to judge: accepted
    'en'
"""

from __future__ import annotations

import functools
import re

from whosaid.errors import InputRejected

#: Below this many words the identifier is not trusted to reject a text.
MIN_WORDS = 8
#: Confidence (normalised probability) needed to reject a text as not English.
MIN_CONFIDENCE = 0.95
#: Short texts (under ``SHORT_WORDS`` words) need ``SHORT_CONFIDENCE``.
SHORT_WORDS = 40
SHORT_CONFIDENCE = 0.99
#: Identification reads at most this many characters of the body (plenty for a confident call; ~7 ms: py3langid is pure Python).
SAMPLE_CHARS = 1_500


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1) and its normalised probability."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def check_english(text: str, source: str = "") -> str:
    """``"en"`` for English text (or text too short to judge); raises ``not-english`` otherwise.

    Only a confident identification rejects: at least ``MIN_WORDS`` words and a probability of
    ``MIN_CONFIDENCE`` (``SHORT_CONFIDENCE`` under ``SHORT_WORDS`` words).
    """
    words = len(re.findall(r"\w+", text[:SAMPLE_CHARS]))
    if words < MIN_WORDS:
        return "en"
    lang, prob = identify(text)
    if lang == "en":
        return "en"
    needed = SHORT_CONFIDENCE if words < SHORT_WORDS else MIN_CONFIDENCE
    if prob >= needed:
        raise InputRejected("not-english", f"the text is in language '{lang}' (confidence {prob:.2f}), not English",
                            source)
    return "en"
