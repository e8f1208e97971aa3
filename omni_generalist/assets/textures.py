"""Procedural texture images for the material library: wood grain, fabric weave, leather, tiles with
grout, brick, marble, granite, concrete, brushed metal and a few more (``data/textures.toml`` says which
material gets which pattern).

A texture is a small square tileable RGB image (``size`` pixels for ``meters`` of surface), made with
numpy from the pattern's name and the material's colour only, so the same material always gives the
same bytes. Images are written once into the user's cache (``<cache>/textures/<pattern>_<hash>.png``,
the hash of everything they are made from) and a world refers to them relatively as
``./textures/<file>``; :func:`copy_world_textures` puts the ones a world uses beside its ``world.usd``
so that the world folder is self-contained. Pixel values are sRGB-encoded (the material's colour is
linear, as ``diffuseColor`` is).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tomllib
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import cache_dir, data_dir

VERSION = 1
"""Bumped whenever a pattern's drawing changes (it is part of every image's hash)."""
FOLDER = "textures"
"""The folder beside ``world.usd`` (and in the cache) that holds a world's texture images."""
UV_PRIMVAR = "st"
"""The face-varying texture coordinates every generated mesh carries (see :func:`planar_uvs`)."""


@dataclass(frozen=True)
class TextureSettings:
    """``data/textures.toml``: image size, meters per repeat, and the pattern of each material."""

    size: int
    meters: float
    families: dict[str, str]
    materials: dict[str, str]

    def pattern(self, material: str, family: str) -> str | None:
        """The pattern of a material (by its library name and family), or None for an untextured one."""
        name = self.materials.get(material, self.families.get(family, ""))
        return name or None


@lru_cache(maxsize=1)
def texture_settings() -> TextureSettings:
    """Read ``data/textures.toml`` once per process (unknown patterns are refused)."""
    with open(data_dir() / "textures.toml", "rb") as fh:
        raw = tomllib.load(fh)
    out = TextureSettings(int(raw.get("size", 256)), float(raw.get("meters", 0.5)),
                          {k.lower(): str(v) for k, v in raw.get("families", {}).items()},
                          {k.lower(): str(v) for k, v in raw.get("materials", {}).items()})
    bad = sorted({p for p in (*out.families.values(), *out.materials.values()) if p and p not in PATTERNS})
    if bad:
        raise ValueError(f"data/textures.toml names unknown patterns {bad} (known: {', '.join(sorted(PATTERNS))})")
    if out.size < 16 or out.size & (out.size - 1):
        raise ValueError(f"data/textures.toml: size must be a power of two >= 16, got {out.size}")
    return out


# ---------------------------------------------------------------------------- noise

def _noise(rng: np.random.Generator, n: int, cx: int, cy: int | None = None) -> np.ndarray:
    """Tileable value noise in [0, 1]: a random ``cy × cx`` grid smoothly interpolated to ``n × n`` (wrapping)."""
    cy = cx if cy is None else cy
    grid = rng.random((cy, cx))
    u = np.arange(n) * cx / n
    v = np.arange(n) * cy / n
    i0, j0 = u.astype(int), v.astype(int)
    fu, fv = u - i0, v - j0
    fu, fv = fu * fu * (3 - 2 * fu), fv * fv * (3 - 2 * fv)
    i1, j1 = (i0 + 1) % cx, (j0 + 1) % cy
    top = grid[j0][:, i0] * (1 - fu) + grid[j0][:, i1] * fu
    bottom = grid[j1][:, i0] * (1 - fu) + grid[j1][:, i1] * fu
    return top * (1 - fv)[:, None] + bottom * fv[:, None]


def _fbm(rng: np.random.Generator, n: int, base: int, octaves: int = 4, stretch: tuple[int, int] = (1, 1)) -> np.ndarray:
    """Sum of ``octaves`` noise layers (each twice as fine, half as strong), scaled to [0, 1]."""
    out = np.zeros((n, n))
    amp, total = 1.0, 0.0
    for o in range(octaves):
        c = base * 2 ** o
        out += amp * _noise(rng, n, min(c * stretch[0], n), min(c * stretch[1], n))
        total += amp
        amp *= 0.5
    return out / total


def _cells(n: int, cols: int, rows: int, offset_rows: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pixel coordinates within a grid of ``cols × rows`` cells (every other row shifted by half a cell):
    the cell index of each pixel and its position inside the cell (0..1 across, 0..1 up)."""
    y, x = np.mgrid[0:n, 0:n] / n
    row = np.floor(y * rows)
    xs = x * cols + (0.5 * (row % 2) if offset_rows else 0.0)
    col = np.floor(xs) % cols
    return col, row, xs - np.floor(xs), y * rows - row


def _mortar(fx: np.ndarray, fy: np.ndarray, wx: float, wy: float) -> np.ndarray:
    """1 in the joints around each cell (``wx``, ``wy``: joint width as a share of the cell), else 0."""
    return ((fx < wx / 2) | (fx > 1 - wx / 2) | (fy < wy / 2) | (fy > 1 - wy / 2)).astype(float)


def _per_cell(rng: np.random.Generator, col: np.ndarray, row: np.ndarray, cols: int, rows: int) -> np.ndarray:
    """A random value in [0, 1] per cell."""
    vals = rng.random((rows, cols))
    return vals[row.astype(int) % rows, col.astype(int) % cols]


# ---------------------------------------------------------------------------- patterns
# each returns (shade, overlay): the material's colour is multiplied by ``shade`` (about 1), then
# ``overlay`` (rgb, alpha) is laid over it where alpha > 0 (grout and mortar keep their own colour)

Pattern = Callable[[np.random.Generator, int], tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None]]
GROUT = np.array([0.55, 0.55, 0.53])
MORTAR = np.array([0.45, 0.43, 0.40])


def _wood(rng, n):
    # planks run along u: thin dark late-wood lines across v, gently bent, fine streaks along u
    warp = _fbm(rng, n, 1, 3, stretch=(1, 3))
    y = np.mgrid[0:n, 0:n][0] / n
    rings = (y * 12 + warp * 1.6) % 1.0
    late = np.exp(-(1.0 - rings) * 10)  # darkest just before each ring ends
    streak = _fbm(rng, n, 2, 4, stretch=(1, 24))
    plank = np.floor(y * 2) % 2  # two planks per repeat, slightly different tones
    return 1.0 - 0.3 * late + 0.14 * (streak - 0.5) - 0.06 * plank, None


def _fabric(rng, n):
    y, x = np.mgrid[0:n, 0:n]
    t = 4
    over = ((x // t + y // t) % 2).astype(float)
    thread_x = 0.5 + 0.5 * np.cos(2 * np.pi * (y % t) / t)
    thread_y = 0.5 + 0.5 * np.cos(2 * np.pi * (x % t) / t)
    weave = over * thread_x + (1 - over) * thread_y
    return 0.84 + 0.16 * weave + 0.08 * (_fbm(rng, n, 8, 3) - 0.5), None


def _weave(rng, n):
    y, x = np.mgrid[0:n, 0:n]
    t = 16
    over = ((x // t + y // t) % 2).astype(float)
    strand = np.where(over > 0, np.sin(np.pi * (y % t) / t), np.sin(np.pi * (x % t) / t))
    return 0.62 + 0.45 * strand ** 0.6 + 0.1 * (_fbm(rng, n, 8, 3) - 0.5), None


def _leather(rng, n):
    grain = _fbm(rng, n, 16, 3)
    creases = np.exp(-np.abs(_fbm(rng, n, 6, 3) - 0.5) * 40)
    return 0.95 + 0.14 * (grain - 0.5) - 0.16 * creases, None


def _tiled(rng, n, cols, rows, joint, offset=False, colour=GROUT, vary=0.08):
    col, row, fx, fy = _cells(n, cols, rows, offset)
    tone = _per_cell(rng, col, row, cols, rows)
    shade = 1.0 - vary / 2 + vary * tone + 0.05 * (_fbm(rng, n, 8, 3) - 0.5)
    alpha = _mortar(fx, fy, joint * cols / rows, joint)  # joints equally wide both ways
    return shade, (colour, alpha)


def _tiles(rng, n):
    return _tiled(rng, n, 2, 2, 0.04)


def _mosaic(rng, n):
    return _tiled(rng, n, 16, 16, 0.12, vary=0.35)


def _brick(rng, n):
    shade, (colour, alpha) = _tiled(rng, n, 2, 6, 0.14, offset=True, colour=MORTAR, vary=0.25)
    return shade * (0.93 + 0.14 * _fbm(rng, n, 16, 2)), (colour, alpha)


def _block(rng, n):
    shade, (colour, alpha) = _tiled(rng, n, 1, 2, 0.05, offset=True, colour=MORTAR, vary=0.1)
    return shade * (0.9 + 0.2 * _fbm(rng, n, 24, 2)), (colour, alpha)


def _marble(rng, n):
    y, x = np.mgrid[0:n, 0:n] / n
    turb = _fbm(rng, n, 3, 5)
    veins = np.abs(np.sin(2 * np.pi * (x + y + 2.2 * turb)))
    return 1.02 - 0.35 * (1 - veins) ** 8 + 0.05 * (turb - 0.5), None


def _granite(rng, n):
    speck = rng.random((n, n))
    dark = (speck < 0.08).astype(float)
    light = (speck > 0.95).astype(float)
    return 0.95 + 0.1 * _fbm(rng, n, 16, 2) - 0.35 * dark + 0.25 * light, None


def _concrete(rng, n):
    pores = (rng.random((n, n)) < 0.01).astype(float)
    return 0.88 + 0.24 * _fbm(rng, n, 4, 5) - 0.2 * pores, None


def _stone(rng, n):
    return 0.82 + 0.3 * _fbm(rng, n, 3, 5), None


def _brushed(rng, n):
    return 0.9 + 0.16 * (_fbm(rng, n, 2, 4, stretch=(1, 32)) - 0.5) + 0.04 * _noise(rng, n, 1, 256), None


def _carpet(rng, n):
    return 0.86 + 0.14 * rng.random((n, n)) + 0.1 * (_fbm(rng, n, 8, 3) - 0.5), None


def _plaster(rng, n):
    return 0.96 + 0.08 * _fbm(rng, n, 4, 4), None


def _paper(rng, n):
    fibres = _fbm(rng, n, 16, 3, stretch=(4, 1))
    return 0.95 + 0.08 * fibres, None


PATTERNS: dict[str, Pattern] = {
    "wood": _wood, "fabric": _fabric, "weave": _weave, "leather": _leather, "tiles": _tiles, "mosaic": _mosaic,
    "brick": _brick, "block": _block, "marble": _marble, "granite": _granite, "concrete": _concrete,
    "stone": _stone, "brushed": _brushed, "carpet": _carpet, "plaster": _plaster, "paper": _paper,
}


def _srgb(linear: np.ndarray) -> np.ndarray:
    c = np.clip(linear, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def texture_image(pattern: str, color: tuple[float, float, float], size: int = 256) -> np.ndarray:
    """Return the ``size × size × 3`` uint8 sRGB image of ``pattern`` in the linear colour ``color``."""
    if pattern not in PATTERNS:
        raise ValueError(f"unknown texture pattern {pattern!r} (known: {', '.join(sorted(PATTERNS))})")
    rng = np.random.default_rng(zlib.crc32(pattern.encode()))
    shade, overlay = PATTERNS[pattern](rng, size)
    rgb = np.asarray(color, dtype=float)[None, None, :] * shade[..., None]
    if overlay is not None:
        colour, alpha = overlay
        rgb = rgb * (1 - alpha[..., None]) + colour[None, None, :] * alpha[..., None]
    return np.rint(_srgb(rgb) * 255).astype(np.uint8)


def _color32(color) -> tuple[float, float, float]:
    """The colour as USD stores it (float32): names and pixels are made from this, whoever asks."""
    return tuple(float(np.float32(c)) for c in color)


def texture_name(pattern: str, color: tuple[float, float, float], size: int) -> str:
    """The file name of a texture: its pattern and a hash of everything its pixels are made from."""
    key = f"{VERSION}|{pattern}|{size}|" + ",".join(repr(c) for c in _color32(color))
    return f"{pattern}_{hashlib.sha256(key.encode()).hexdigest()[:16]}.png"


def texture_cache() -> Path:
    """The cache folder of generated texture images."""
    return cache_dir() / FOLDER


def ensure_texture(pattern: str, color: tuple[float, float, float]) -> str:
    """Make (once, in the cache) the texture of ``pattern`` in ``color``; return its file name (see
    :func:`find_texture`: materials only name the file, which is made when a world is saved or drawn)."""
    size = texture_settings().size
    color = _color32(color)
    name = texture_name(pattern, color, size)
    path = texture_cache() / name
    if not path.is_file():
        from PIL import Image

        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
        Image.fromarray(texture_image(pattern, color, size), "RGB").save(tmp, format="PNG")
        os.replace(tmp, path)
    return name


def planar_uvs(points: np.ndarray, counts: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Face-varying UVs of a polygon mesh, projected along each face's main axis and scaled so that one
    texture repeat covers ``meters`` (``data/textures.toml``) of surface: a top face takes ``(x, y)``, a
    face towards ±X takes ``(y, z)``, one towards ±Y ``(x, z)``."""
    p = np.asarray(points, dtype=float)[np.asarray(indices)]
    counts = np.asarray(counts)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int)
    nxt = np.arange(len(p)) + 1
    nxt[starts + counts - 1] = starts
    normal = np.add.reduceat(np.cross(p, p[nxt]), starts, axis=0)  # Newell's method, one per face
    axis = np.repeat(np.argmax(np.abs(normal), axis=1), counts)
    u = np.where(axis == 0, p[:, 1], p[:, 0])
    v = np.where(axis == 2, p[:, 1], p[:, 2])
    return np.stack([u, v], axis=1) / texture_settings().meters


def is_world_texture(asset: str) -> bool:
    """True for the asset path a material names a generated texture by (``./textures/<pattern>_<hash>.png``):
    inside the world's own folder whatever the folder, so actions may author it."""
    m = _WORLD_TEXTURE.fullmatch(str(asset))
    return m is not None and m.group(1) in PATTERNS


_WORLD_TEXTURE = re.compile(rf"\./{FOLDER}/([a-z]+)_[0-9a-f]{{16}}\.png")


def find_texture(asset: str, anchor: str | Path | None = None, made_from: dict | None = None) -> Path | None:
    """Return the file of a texture asset path (``./textures/<file>``): beside ``anchor`` (a world's
    folder) when it is there, else in the cache, else made into the cache from ``made_from`` (its
    shader's custom data, whose ``generalist`` entry holds ``pattern`` and ``color``); None when none of
    these gives it."""
    rel = Path(str(asset))
    if anchor is not None:
        here = (Path(anchor) / rel).resolve()
        if here.is_file():
            return here
    if rel.parent.name != FOLDER:
        return None
    cached = texture_cache() / rel.name
    if cached.is_file():
        return cached
    made = dict((made_from or {}).get("generalist") or {})
    pattern, color = made.get("pattern"), made.get("color")
    if pattern in PATTERNS and color is not None:
        color = tuple(float(c) for c in color)
        if texture_name(str(pattern), color, texture_settings().size) == rel.name:
            ensure_texture(str(pattern), color)
            return cached
    return None


def copy_world_textures(layer, folder: str | Path) -> list[str]:
    """Copy the generated textures ``layer`` refers to (in any prim or variant) into ``folder/textures/``;
    return their file names.

    Each image is taken from beside the layer's own file, else from the cache, else made from the
    pattern and colour its shader records (materials only name their images: the files are made here and
    by the renderers, outside the sandbox that runs a world's actions).
    """
    from pxr import Sdf

    anchor = Path(layer.realPath).parent if layer.realPath else None
    found: list[tuple[str, dict]] = []

    def visit(path: Sdf.Path) -> None:
        if path.IsPropertyPath() and path.name == "inputs:file":
            attr = layer.GetAttributeAtPath(path)
            value = attr.default if attr is not None and attr.HasDefaultValue() else None
            if isinstance(value, Sdf.AssetPath) and is_world_texture(value.path):
                owner = layer.GetPrimAtPath(path.GetPrimOrPrimVariantSelectionPath())
                found.append((value.path, dict(owner.customData) if owner is not None else {}))

    layer.Traverse(Sdf.Path.absoluteRootPath, visit)
    names: list[str] = []
    for asset, custom in sorted(found, key=lambda f: f[0]):
        name = Path(asset).name
        dest = Path(folder) / FOLDER / name
        src = find_texture(asset, anchor, custom)
        if src is None:
            raise FileNotFoundError(f"texture {asset} is neither beside {layer.identifier}, nor in "
                                    f"{texture_cache()}, nor described by its shader")
        if not dest.is_file() and src.resolve() != dest.resolve():
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{name}.{os.getpid()}.tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, dest)
        names.append(name)
    return sorted(set(names))
