"""The spaCy backbone: loading a verified English pipeline and parsing articles paragraph by paragraph."""

from whosaid.nlp.model import DEFAULT_MODEL, MODELS, load_model
from whosaid.nlp.parse import parse

__all__ = ["DEFAULT_MODEL", "MODELS", "load_model", "parse"]
