"""Music family: the guitar, violin, cello, guitar stand generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, OAK, PAINT_BLACK, RUBBER, Kit, _clamp
from ...toolkit import AssetWriter


def _instrument(w: AssetWriter, size: Size, kind: str) -> None:
    """A guitar-like instrument in canonical coordinates (l along it, wd across, t thickness with the face at t=T)."""
    W0, D0, H0 = (max(float(v), 1e-3) for v in size)
    standing = H0 >= max(W0, D0)
    k = Kit(w, size, long_x=not standing)
    if standing:
        Lt, Wd, T = k.H, k.W, k.D
    else:
        Lt, Wd, T = k.W, k.D, k.H

    def box(name: str, lr: tuple[float, float], wr: tuple[float, float], tr: tuple[float, float],
            mat: str | None = None) -> None:
        if standing:
            k.box(name, (wr[0], -T / 2 + tr[0], lr[0]), (wr[1], -T / 2 + tr[1], lr[1]), mat)
        else:
            k.box(name, (-Lt / 2 + lr[0], wr[0], tr[0]), (-Lt / 2 + lr[1], wr[1], tr[1]), mat)

    def slab(name: str, lc: float, rl: float, rw: float, tr: tuple[float, float], mat: str | None = None) -> None:
        if standing:
            k.disc(name, (0.0, -T / 2 + (tr[0] + tr[1]) / 2, lc), (rw, rl), tr[1] - tr[0], "y", mat, seg=16)
        else:
            k.cyl(name, -Lt / 2 + lc, 0.0, (rl, rw), tr[0], tr[1], mat, seg=16)

    bt = T * (0.55 if kind == "violin" else 0.8)
    end = Lt * (0.06 if kind == "cello" else 0.0)
    if kind == "cello":
        box("endpin", (0.0, end + Lt * 0.01), (-Wd * 0.02, Wd * 0.02), (bt * 0.4, bt * 0.6), CHROME)
    body = {"guitar": 0.5, "electric": 0.42, "violin": 0.6, "cello": 0.55}[kind]
    bl = (Lt - end) * body
    lb = bl * 0.56
    slab("body", end + lb / 2 + bl * 0.0, lb / 2, Wd / 2, (0.0, bt))
    if kind != "electric":
        ub = bl * 0.46
        slab("body", end + bl - ub / 2, ub / 2, Wd / 2 * 0.78, (0.0, bt))
        slab("waist", end + bl * 0.52, bl * 0.15, Wd / 2 * 0.62, (0.0, bt))
    else:
        slab("horn", end + bl * 0.75, bl * 0.25, Wd / 2 * 0.55, (0.0, bt))
    neck_w = Wd * (0.12 if kind in ("guitar", "electric") else 0.1)
    nl0, nl1 = end + bl * 0.95, end + (Lt - end) * (0.9 if kind != "violin" else 0.93)
    box("neck", (nl0, nl1), (-neck_w / 2, neck_w / 2), (bt * 0.45, bt * 0.8))
    box("fretboard", (end + bl * 0.8, nl1), (-neck_w / 2, neck_w / 2), (bt * 0.8, min(T, bt * 0.8 + T * 0.12)), PAINT_BLACK)
    if kind in ("violin", "cello"):
        slab("scroll", Lt - (Lt - nl1) / 2, (Lt - nl1) / 2, neck_w * 0.6, (bt * 0.3, bt * 0.9))
        box("tailpiece", (end + bl * 0.06, end + bl * 0.3), (-neck_w * 0.6, neck_w * 0.6), (bt, min(T, bt + T * 0.12)),
            PAINT_BLACK)
        box("bridge", (end + bl * 0.38, end + bl * 0.4), (-Wd * 0.15, Wd * 0.15), (bt, T), OAK)
        if kind == "cello" or T > bt * 1.2:
            box("chinrest", (end, end + bl * 0.08), (-Wd * 0.2, Wd * 0.1), (bt, T), PAINT_BLACK)
    else:
        box("head", (nl1, Lt), (-neck_w * 0.85, neck_w * 0.85), (bt * 0.45, bt * 0.75))
        for i in range(3):
            for sw in (-1, 1):
                lp = nl1 + (Lt - nl1) * (0.25 + 0.25 * i)
                box("peg", (lp - 0.006, lp + 0.006), (sw * neck_w * 0.85, sw * neck_w * 1.3) if sw > 0 else
                    (-neck_w * 1.3, -neck_w * 0.85), (bt * 0.5, bt * 0.7), CHROME)
        box("bridge", (end + bl * 0.18, end + bl * 0.24), (-Wd * 0.22, Wd * 0.22), (bt, min(T, bt + T * 0.15)), OAK)
        if kind == "guitar":
            slab("soundhole", end + bl * 0.62, bl * 0.1, Wd * 0.14, (bt - 0.001, bt + 0.0015), PAINT_BLACK)
        else:
            for lp in (0.3, 0.5):
                box("pickup", (end + bl * lp, end + bl * lp + bl * 0.06), (-Wd * 0.18, Wd * 0.18), (bt, min(T, bt + T * 0.1)),
                    BLACK)
    k.finish()


@generator("guitar")
def guitar(w: AssetWriter, size: Size, cat: Category) -> None:
    """Body bouts and waist (squashed cylinders), a sound hole, bridge, neck, fretboard and a head with pegs
    (sometimes an electric guitar: a compact body with a horn and pickups); standing when the box is tall,
    else lying face up."""
    _instrument(w, size, "electric" if w.rng.random() < 0.3 else "guitar")


@generator("violin")
def violin(w: AssetWriter, size: Size, cat: Category) -> None:
    """Body bouts, a tailpiece, bridge, chin rest, neck with fingerboard and a scroll."""
    _instrument(w, size, "violin")


@generator("cello")
def cello(w: AssetWriter, size: Size, cat: Category) -> None:
    """A violin-family body standing on an endpin."""
    _instrument(w, size, "cello")


@generator("guitar_stand")
def guitar_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """Tripod legs, a central post with a padded yoke on top and a padded cradle at the front."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = _clamp(min(x, y) * 0.05, 0.006, 0.012)
    hub = (0.0, -y * 0.2, h * 0.3)
    for fx, fy in ((-x + r, y - r), (x - r, y - r), (0.0, -y + r)):
        k.strut("leg", (fx, fy, 0.0), hub, r)
    k.cyl("post", 0.0, -y * 0.2, r, h * 0.28, h * 0.92, seg=8)
    for sx in (-1, 1):
        k.tube("yoke", (0.0, -y * 0.2, h * 0.9), (sx * x * 0.25, -y * 0.05, h - r), r, seg=6)
        k.box("cradle", (min(sx * x * 0.05, sx * x * 0.55), y * 0.35, h * 0.3), (max(sx * x * 0.05, sx * x * 0.55), y * 0.65,
                                                                                  h * 0.34), RUBBER)
    k.tube("arm", (0.0, -y * 0.2, h * 0.32), (0.0, y * 0.5, h * 0.32), r, seg=6)
    k.finish()
