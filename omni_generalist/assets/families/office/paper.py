"""Office family: the book, magazine, notebook, binder, stapler, pen holder, calculator, pen, mat, paper stack generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, block, generator
from ...catalog import Category
from ...shapes.kit import (
    BLACK,
    CHROME,
    FABRIC,
    GLASS,
    MIN_T,
    OAK,
    PAINT_BLACK,
    PAPER,
    RUBBER,
    STEEL,
    WHITE,
    Kit,
    _clamp,
)
from ...toolkit import AssetWriter

# ====================================================================== books and paper


def _book(w: AssetWriter, size: Size, kind: str) -> None:
    """A book-like block in canonical coordinates: ``a`` spine → fore edge, ``b`` thickness, ``c`` along the spine.

    Lying flat when the height is the smallest side, else standing with its thickness along the
    narrower horizontal side (the spine faces the front, or the left when it faces front itself).
    """
    k = Kit(w, size)
    dims = (k.W, k.D, k.H)
    lo = (-k.x, -k.y, 0.0)
    if k.H <= min(k.W, k.D):
        b_ax, c_ax = 2, (0 if k.W >= k.D else 1)
        a_ax = 1 - c_ax
        a_sign = -1 if a_ax == 1 else 1
    elif k.W <= k.D:
        b_ax, a_ax, c_ax, a_sign = 0, 1, 2, -1
    else:
        b_ax, a_ax, c_ax, a_sign = 1, 0, 2, 1
    A, B, C = dims[a_ax], dims[b_ax], dims[c_ax]

    def part(name: str, ar: tuple[float, float], br: tuple[float, float], cr: tuple[float, float],
             mat: str | None = None) -> None:
        p, q = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
        for ax, (r0, r1) in ((b_ax, br), (c_ax, cr)):
            p[ax], q[ax] = lo[ax] + r0, lo[ax] + r1
        if a_sign > 0:
            p[a_ax], q[a_ax] = lo[a_ax] + ar[0], lo[a_ax] + ar[1]
        else:
            p[a_ax], q[a_ax] = lo[a_ax] + A - ar[1], lo[a_ax] + A - ar[0]
        k.box(name, p, q, mat)

    rng = k.rng
    if kind == "magazine":
        ct = _clamp(B * 0.06, MIN_T, 0.001)
        part("cover", (0, A), (0, ct), (0, C), PAPER)
        part("cover", (0, A), (B - ct, B), (0, C))
        part("spine", (0, ct * 2), (0, B), (0, C))
        pin = min(A, C) * k.u(0.0, 0.01)
        part("pages", (ct, A - pin), (ct * 0.9, B - ct * 0.9), (pin, C - pin), PAPER)
        k.finish()
        return
    thick = {"binder": 0.09, "notebook": 0.05}.get(kind, k.u(0.05, 0.11))
    ct = _clamp(B * thick, MIN_T, 0.004 if kind != "binder" else 0.006)
    pin = _clamp(min(A, C) * k.u(0.015, 0.035), MIN_T, 0.3 * min(A, C))
    deco = kind == "book" and rng.random() < 0.6
    e = _clamp(A * 0.012, MIN_T, 0.002) if deco else 0.0
    sp = ct * (1.5 if kind == "binder" else 1.1)
    spiral = kind == "notebook" and rng.random() < 0.6
    if spiral:
        rr = _clamp(A * 0.025, 0.001, 0.3 * A)
        n = int(_clamp(C / (rr * 3.2), 4, 16))
        for i in range(n):
            cc = C * (i + 0.5) / n
            rc = min(C / n * 0.3, rr)
            ctr = [0.0, 0.0, 0.0]
            rad = [0.0, 0.0, 0.0]
            ctr[a_ax] = lo[a_ax] + (rr if a_sign > 0 else A - rr)
            ctr[b_ax], ctr[c_ax] = lo[b_ax] + B / 2, lo[c_ax] + cc
            rad[a_ax], rad[b_ax], rad[c_ax] = rr, B / 2, rc
            k.ball("ring", ctr, rad, STEEL, rings=4, seg=6)
        e, sp = rr, 0.0
    round_spine = kind == "book" and c_ax == 2 and not deco and rng.random() < 0.5
    if round_spine:
        rs = min(B * 0.25, A * 0.08)
        ctr = [0.0, 0.0]
        ctr[a_ax] = lo[a_ax] + (rs if a_sign > 0 else A - rs)
        ctr[b_ax] = lo[b_ax] + B / 2
        rad = [0.0, 0.0]
        rad[a_ax], rad[b_ax] = rs, B / 2
        k.cyl("spine", ctr[0], ctr[1], (rad[0], rad[1]), 0, C, seg=12)
        e, sp = rs, 0.0
    elif not spiral:
        part("spine", (e, e + sp), (0, B), (0, C))
    part("cover", (e, A), (0, ct), (0, C))
    part("cover", (e, A), (B - ct, B), (0, C))
    part("pages", (e + sp * 0.5, A - pin), (ct * 0.9, B - ct * 0.9), (pin, C - pin), PAPER)
    if kind == "binder":
        part("rings", (e + sp, e + sp + A * 0.08), (B * 0.3, B * 0.7), (C * 0.15, C * 0.85), STEEL)
        part("label", (0, e + sp * 0.3), (B * 0.2, B * 0.8), (C * 0.45, C * 0.8), PAPER)
    elif deco:
        if rng.random() < 0.5:
            nb = rng.choice((2, 3, 4))
            cw = C * 0.035
            for i in range(nb):
                c0 = C * (0.12 + 0.76 * (i + 0.5) / nb) - cw / 2
                part("band", (0, e + sp * 0.5), (ct * 0.5, B - ct * 0.5), (c0, c0 + cw))
        else:
            part("label", (0, e + sp * 0.5), (B * 0.15, B * 0.85), (C * k.u(0.45, 0.6), C * 0.85), PAPER)
    k.finish()


@generator("book")
def book(w: AssetWriter, size: Size, cat: Category) -> None:
    """Covers, a spine (flat, rounded, banded or labelled) and an inset paper block; a book stack is two to six
    books lying on each other, a little turned. Other categories tagged ``book`` get the plain block."""
    if "stack" in cat.variant or "pile" in cat.variant:
        _book_stack(Kit(w, size, long_x=True))
    elif cat.variant in ("book", "books", "novel", "textbook"):
        _book(w, size, "book")
    else:
        block(w, size, cat)


def _book_stack(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    n = int(_clamp(h / 0.035, 2, 6))
    z = 0.0
    for i in range(n):
        bt = h / n
        sx, sy = (1.0, 1.0) if i == 0 else (k.u(0.72, 0.95), k.u(0.72, 0.95))
        bx, by = x * sx * 0.95, y * sy * 0.95
        ox, oy = k.u(-1, 1) * (x - bx) * 0.5, k.u(-1, 1) * (y - by) * 0.5
        ct = min(bt * 0.12, 0.003)
        pin = min(bx, by) * 0.03
        mat = k.pick((None, FABRIC, PAINT_BLACK))
        parts = [k.box("cover", (ox - bx, oy - by, z), (ox + bx, oy + by, z + ct), mat),
                 k.box("cover", (ox - bx, oy - by, z + bt - ct), (ox + bx, oy + by, z + bt), mat),
                 k.box("spine", (ox - bx, oy - by, z), (ox + bx, oy - by + ct * 1.2, z + bt), mat),
                 k.box("pages", (ox - bx + pin, oy - by + ct, z + ct * 0.9), (ox + bx - pin, oy + by - pin, z + bt - ct * 0.9),
                       PAPER)]
        if i:
            turn = k.u(-12, 12)
            for p in parts:
                k.tilt(p, "z", turn, (ox, oy, z))
        z += bt
    k.finish()


@generator("magazine")
def magazine(w: AssetWriter, size: Size, cat: Category) -> None:
    """Thin paper covers around a page block."""
    _book(w, size, "magazine")


@generator("notebook")
def notebook(w: AssetWriter, size: Size, cat: Category) -> None:
    """A book with, often, a wire spiral along the spine."""
    _book(w, size, "notebook")


@generator("binder")
def binder(w: AssetWriter, size: Size, cat: Category) -> None:
    """Thick covers, a wide spine with a paper label and a steel ring mechanism."""
    _book(w, size, "binder")


# ====================================================================== office and electronics


@generator("stapler")
def stapler(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a top arm and a hinge block at +X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.25), BLACK)
    k.box("arm", (-x * 0.97, -y * 0.8, h * 0.42), (x * 0.85, y * 0.8, h))
    k.box("magazine", (-x * 0.9, -y * 0.55, h * 0.25), (x * 0.8, y * 0.55, h * 0.43), STEEL)
    k.box("hinge", (x * 0.7, -y * 0.85, h * 0.2), (x, y * 0.85, h * 0.8), BLACK)
    k.finish()


@generator("pen_holder")
def pen_holder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow cup (bottom and a ring wall) with pens and pencils standing in it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ch = h * k.u(0.55, 0.7)
    t = _clamp(0.08 * min(x, y), 0.002, 0.3 * min(x, y))
    k.cyl("bottom", 0, 0, (x - t * 0.5, y - t * 0.5), 0, ch * 0.08, seg=12)
    k.ring("wall", 0, 0, x, y, t, 0, ch, n=12)
    n = k.rng.randint(3, 6)
    pr = _clamp(min(x, y) * 0.08, 0.003, 0.006)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.3, 0.3)
        rr = k.u(0.1, 0.45)
        top = h if i == 0 else k.u(ch + (h - ch) * 0.4, h)
        k.cyl("pen", (x - t) * rr * math.cos(a), (y - t) * rr * math.sin(a), pr, ch * 0.08, top,
              k.pick((BLACK, WHITE, None, OAK)), seg=6)
    k.finish()


@generator("calculator")
def calculator(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body with a screen and a grid of keys (portrait along the longer side)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, 0), (x, y, h * 0.7), BLACK)
    k.box("screen", (x * 0.45, -y * 0.8, h * 0.6), (x * 0.88, y * 0.8, h * 0.85), GLASS)
    rows, cols = 5, 4
    kx, ky = (x * 1.3) / rows, (y * 1.7) / cols
    for i in range(rows):
        for j in range(cols):
            x0 = -x * 0.88 + i * kx
            y0 = -y * 0.85 + j * ky
            k.box("key", (x0, y0, h * 0.6), (x0 + kx * 0.8, y0 + ky * 0.8, h), WHITE if (i, j) != (0, 3) else None)
    k.finish()


@generator("pen")
def pen(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pen lying along its long axis: a barrel, a cap with a clip and a conical tip."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, h / 2)
    k.tube("barrel", (-x * 0.8, 0, r), (x * 0.55, 0, r), r * 0.9, seg=10)
    k.box("barrel", (-x * 0.75, -r * 0.5, 0), (x * 0.5, r * 0.5, r * 0.5))  # a flat underside: it does not roll
    k.tube("tip", (-x * 0.8, 0, r), (-x, 0, r), r * 0.9, BLACK, seg=10, r1=r * 0.15)
    k.tube("cap", (x * 0.45, 0, r), (x, 0, r), r, k.pick((BLACK, WHITE, None)), seg=10)
    k.box("clip", (x * 0.35, -r * 0.2, r * 1.6), (x * 0.92, r * 0.2, h), CHROME)
    k.finish()


@generator("mat")
def mat(w: AssetWriter, size: Size, cat: Category) -> None:
    """A thin slab with rounded corners (a woven placemat gets a border)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    c = min(x, y) * k.u(0.05, 0.15)
    pts = []
    for cx, cy, a0 in ((x - c, y - c, 0.0), (-x + c, y - c, 90.0), (-x + c, -y + c, 180.0), (x - c, -y + c, 270.0)):
        for t in range(4):
            a = math.radians(a0 + 30 * t)
            pts.append((cx + c * math.cos(a), cy + c * math.sin(a)))
    k.prism("mat", pts, 0, h, RUBBER if "mouse" in cat.variant or "desk" in cat.variant else None)
    if cat.variant == "placemat" and k.rng.random() < 0.5:
        k.walls("border", x - c * 0.3, y - c * 0.3, min(x, y) * 0.05, h * 0.5, h * 1.0, FABRIC)
    k.finish()


@generator("paper_stack")
def paper_stack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A few (at least three) slightly offset bundles of sheets."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = int(_clamp(h / 0.008, 3, 6))
    for i in range(n):
        ox, oy = (0.0, 0.0) if i == 0 else (k.u(-1, 1) * x * 0.03, k.u(-1, 1) * y * 0.03)
        sheet = k.box("sheets", (ox - x * 0.97, oy - y * 0.97, h * i / n), (ox + x * 0.97, oy + y * 0.97, h * (i + 1) / n),
                      PAPER)
        if i:
            k.tilt(sheet, "z", k.u(-3, 3), (ox, oy, 0.0))
    k.finish()
