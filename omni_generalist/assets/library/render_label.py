"""Category labels from renders: with a user-supplied CLIP-style checkpoint (``assets.clip_checkpoint``,
a folder ``CLIPModel.save_pretrained`` wrote, with its tokenizer and image processor; nothing is
downloaded), an indexed object is rendered from a few sides by the fast renderer and each
knowledge-base category is scored against the views ("a photo of a {category}", softmax over the
categories, averaged over views). Needs the ``train`` extra (torch, transformers).

The render label is kept in the index beside the name label; it becomes the asset's category only
when its names gave no knowledge-base category and it is at least ``assets.clip_min_confidence``
sure (docs/assets.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..catalog import catalog

VIEWS = 4
"""Sides an asset is rendered from (azimuths 30°, 120°, 210°, 300°, looking down 25°)."""
PIXELS = 224
PROMPT = "a photo of a {}"


@dataclass(frozen=True)
class RenderLabel:
    """What the renders say an asset is."""

    category: str
    confidence: float
    """Softmax probability of the category among all knowledge-base categories, averaged over views."""
    top: tuple[tuple[str, float], ...]
    """The three best categories and their probabilities."""

    def to_dict(self) -> dict:
        return {"category": self.category, "confidence": self.confidence, "top": [list(t) for t in self.top]}


def asset_views(entry: dict, views: int = VIEWS, pixels: int = PIXELS) -> list:
    """Render the asset of index ``entry`` (its ``usd`` and ``size``) from ``views`` sides: PIL images."""
    from PIL import Image
    from pxr import Gf, Sdf, UsdGeom, UsdLux

    from ...render import Camera, get_renderer
    from ...world.stage import new_stage
    from .use import reference_entry

    stage = new_stage()
    root = Sdf.Path("/World/Objects/asset")
    UsdGeom.Xform.Define(stage, root)
    reference_entry(stage, root, entry)
    sun = UsdLux.DistantLight.Define(stage, "/World/Lights/sun")
    sun.CreateIntensityAttr(3000.0)
    sun.AddRotateXYZOp().Set(Gf.Vec3f(35.0, 0.0, 30.0))
    UsdLux.DomeLight.Define(stage, "/World/Lights/sky").CreateIntensityAttr(600.0)
    w, d, h = (float(v) for v in entry["size"])
    radius = max(0.5 * math.sqrt(w * w + d * d + h * h), 1e-3)
    fov = 40.0
    dist = radius / math.sin(math.radians(fov / 2)) * 1.1
    target = (0.0, 0.0, h / 2)
    renderer = get_renderer("fast")
    out = []
    try:
        for k in range(views):
            az, el = math.radians(30.0 + 360.0 * k / views), math.radians(25.0)
            eye = (dist * math.cos(el) * math.cos(az), dist * math.cos(el) * math.sin(az), h / 2 + dist * math.sin(el))
            cam = Camera(eye=eye, target=target, width=pixels, height=pixels, hfov_deg=fov,
                         near=max(dist - 2 * radius, 1e-3), far=dist + 2 * radius, name=f"view{k}")
            out.append(Image.fromarray(renderer.render(stage, cam, occlusion=False).rgb))
    finally:
        renderer.close()
    return out


@lru_cache(maxsize=1)
def _categories() -> tuple[str, ...]:
    return tuple(sorted(catalog().categories))


def label_from_renders(images: list, checkpoint: str) -> RenderLabel:
    """Score every knowledge-base category against the views under the CLIP checkpoint."""
    from ...train.clip_score import clip_similarities

    names = _categories()
    sims, scale = clip_similarities(images, [PROMPT.format(n) for n in names], checkpoint)
    logits = scale * sims
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = (probs / probs.sum(axis=1, keepdims=True)).mean(axis=0)
    order = np.argsort(-probs, kind="stable")[:3]
    return RenderLabel(names[order[0]], round(float(probs[order[0]]), 4),
                       tuple((names[i], round(float(probs[i]), 4)) for i in order))


__all__ = ["RenderLabel", "asset_views", "label_from_renders"]
