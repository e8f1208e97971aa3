"""Image–text agreement under a user-supplied CLIP checkpoint (transformers ``CLIPModel``).

The folder holds the model (``config.json`` + weights), a tokenizer and an image processor, as
``CLIPModel.save_pretrained`` + ``save_pretrained`` of both write them; nothing is downloaded.
Needs the ``train`` extra.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError


@lru_cache(maxsize=2)
def _load(path: str) -> tuple[Any, Any, Any]:
    try:
        import transformers as tf
    except ImportError:
        raise InputError("the CLIP score needs torch and transformers: pip install 'omni-generalist[train]'") from None
    p = Path(path)
    if not (p / "config.json").is_file():
        raise InputError(f"{p} is not a CLIP model folder (it has no config.json)")
    try:
        model = tf.CLIPModel.from_pretrained(p, local_files_only=True).eval()
        tok = tf.AutoTokenizer.from_pretrained(p, local_files_only=True)
        images = tf.AutoImageProcessor.from_pretrained(p, local_files_only=True)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot load the CLIP model in {p}: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    return model, tok, images


def check_checkpoint(checkpoint: str | Path) -> None:
    """Load the checkpoint once; InputError when it is not a usable CLIP model folder."""
    _load(str(Path(checkpoint).absolute()))


def clip_similarities(images: list, texts: list[str], checkpoint: str | Path) -> tuple[Any, float]:
    """Cosine similarities (images × texts, a numpy array) of PIL ``images`` and ``texts`` under the
    checkpoint, and the model's logit scale (for a softmax over texts)."""
    import torch

    model, tok, proc = _load(str(Path(checkpoint).absolute()))
    pixels = proc(images=[im.convert("RGB") for im in images], return_tensors="pt")["pixel_values"]
    ids = tok(texts, return_tensors="pt", padding=True, truncation=True,
              max_length=model.config.text_config.max_position_embeddings)
    with torch.inference_mode():
        out = model(input_ids=ids["input_ids"], attention_mask=ids.get("attention_mask"), pixel_values=pixels)
        img = torch.nn.functional.normalize(out.image_embeds, dim=-1)
        txt = torch.nn.functional.normalize(out.text_embeds, dim=-1)
        scale = float(model.logit_scale.exp())
    return (img @ txt.T).numpy(), scale


def clip_score(image_png: bytes, text: str, checkpoint: str | Path) -> float:
    """Cosine similarity of the image and text embeddings, mapped to 0..1 (``(cos + 1) / 2``)."""
    from PIL import Image

    sims, _ = clip_similarities([Image.open(io.BytesIO(image_png))], [text], checkpoint)
    return float((sims[0, 0] + 1.0) / 2.0)


__all__ = ["check_checkpoint", "clip_score", "clip_similarities"]
