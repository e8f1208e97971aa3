"""The material library (``data/materials.toml``, ``data/colors.toml``) and its USD authoring.

A material request is text such as ``"oak"``, ``"red leather"`` or ``"pale blue paint"``: it
resolves to a library entry plus an optional colour, authored once per stage as a
``UsdShade.Material`` with a ``UsdPreviewSurface`` under ``/World/Looks``. Materials that
``data/textures.toml`` gives a pattern (wood, fabric, tiles, marble, brushed metal...) take their
diffuse colour from a generated texture (:mod:`.textures`) through the meshes' ``st`` UVs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pxr import Gf, Sdf, Usd, UsdShade

from ..paths import data_dir
from ..tomlcache import read_toml
from ..world.stage import LOOKS
from .textures import FOLDER as TEXTURE_FOLDER
from .textures import UV_PRIMVAR, texture_name, texture_settings


@dataclass(frozen=True)
class MaterialSpec:
    """One library material: its class name, family and UsdPreviewSurface parameters."""

    name: str
    family: str
    color: tuple[float, float, float]
    roughness: float = 0.5
    metallic: float = 0.0
    opacity: float = 1.0
    ior: float = 1.5
    synonyms: tuple[str, ...] = ()
    static_friction: float = 0.5
    dynamic_friction: float = 0.4
    restitution: float = 0.1


@dataclass(frozen=True)
class MaterialChoice:
    """A resolved request: the library entry and an optional colour that replaces its own."""

    spec: MaterialSpec
    color_name: str | None = None
    color: tuple[float, float, float] | None = None

    @property
    def label(self) -> str:
        """The lowercase material class written to ``customData`` (e.g. ``"pale blue paint"``)."""
        if self.color_name:
            base = "paint" if self.spec.family == "paint" else self.spec.name
            return f"{self.color_name} {base}"
        return self.spec.name

    @property
    def diffuse(self) -> tuple[float, float, float]:
        return self.color if self.color is not None else self.spec.color


class MaterialLibrary:
    """Lookup of materials and colours by name or synonym."""

    def __init__(self, materials: dict[str, MaterialSpec], colors: dict[str, tuple[float, float, float]]):
        self.materials = materials
        self.colors = colors
        self._names: dict[str, str] = {}
        for spec in materials.values():
            self._names[spec.name] = spec.name
            for syn in spec.synonyms:
                self._names.setdefault(syn, spec.name)
        self._paint = next((n for n in ("painted white", "paint") if n in materials), None)

    def find(self, text: str) -> MaterialSpec | None:
        """Return the material named exactly (or by a synonym) ``text``."""
        key = self._names.get(_norm(text))
        return self.materials[key] if key else None

    def color(self, text: str) -> tuple[float, float, float] | None:
        """Return the RGB of a colour name."""
        return self.colors.get(_norm(text).replace("grey", "gray")) or self.colors.get(_norm(text))

    def resolve(self, text: str, color: str | None = None) -> MaterialChoice:
        """Resolve a request such as ``"red leather"`` or ``"pale blue"`` (a bare colour means paint).

        Raises:
            ValueError: neither a known material nor a known colour is named.
        """
        words = _norm(text).split()
        whole = " ".join(words)
        spec, color_name = None, None
        if self.color(whole) is not None and self.find(whole) is None and self._paint:
            spec, color_name = self.materials[self._paint], whole  # "steel blue" is a colour: paint
        # the longest material name at the end whose leading words are a colour ("off white plastic")
        for i in range(len(words)) if spec is None else ():
            cand = self.find(" ".join(words[i:]))
            if cand is None:
                continue
            rest = " ".join(words[:i])
            if not rest or self.color(rest) is not None:
                spec, color_name = cand, rest or None
                break
        if spec is None:
            for i in range(1, len(words)):
                cand = self.find(" ".join(words[:len(words) - i]))
                rest = " ".join(words[len(words) - i:])
                if cand and self.color(rest) is not None:  # "leather red" and the like
                    spec, color_name = cand, rest
                    break
        if spec is None:
            if words and words[-1] in ("paint", "painted") and self._paint and self.color(" ".join(words[:-1])):
                spec, color_name = self.materials[self._paint], " ".join(words[:-1])
            else:
                known = [w for w in words if self.find(w) is None and self.color(w) is None]
                hint = f" (unknown word {known[0]!r})" if known else ""
                raise ValueError(f"unknown material {text!r}{hint}; try e.g. oak wood, marble, red leather, pale blue paint")
        if color:
            color_name = _norm(color)
        rgb = None
        if color_name:
            rgb = self.color(color_name)
            if rgb is None:
                raise ValueError(f"unknown colour {color_name!r}")
        return MaterialChoice(spec, color_name, rgb)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("-", " ").replace("_", " "))


def _spec_from_toml(name: str, d: dict) -> MaterialSpec:
    return MaterialSpec(
        name=name, family=str(d.get("family", "plastic")), color=tuple(float(c) for c in d.get("color", (0.7, 0.7, 0.7))),
        roughness=float(d.get("roughness", 0.5)), metallic=float(d.get("metallic", 0.0)),
        opacity=float(d.get("opacity", 1.0)), ior=float(d.get("ior", 1.5)),
        synonyms=tuple(s.lower() for s in d.get("synonyms", ())),
        static_friction=float(d.get("static_friction", 0.5)), dynamic_friction=float(d.get("dynamic_friction", 0.4)),
        restitution=float(d.get("restitution", 0.1)),
    )


@lru_cache(maxsize=1)
def material_library() -> MaterialLibrary:
    """Load the library from ``data/`` once per process."""
    raw = read_toml(data_dir() / "materials.toml")
    colors_raw = read_toml(data_dir() / "colors.toml").get("colors", {})
    materials = {k.lower(): _spec_from_toml(k.lower(), v) for k, v in raw.items()}
    colors = {k.lower(): tuple(float(c) for c in v) for k, v in colors_raw.items()}
    return MaterialLibrary(materials, colors)


def prim_name(label: str) -> str:
    """Return a valid prim name for a material class."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", label.strip().lower())
    return name if name and not name[0].isdigit() else f"m_{name}"


def ensure_material(stage: Usd.Stage, choice: MaterialChoice) -> UsdShade.Material:
    """Author (once) the ``UsdShade.Material`` for ``choice`` under ``/World/Looks`` and return it."""
    path = LOOKS.AppendChild(prim_name(choice.label))
    existing = stage.GetPrimAtPath(path)
    if existing and existing.IsA(UsdShade.Material):
        return UsdShade.Material(existing)
    material = UsdShade.Material.Define(stage, path)
    shader = UsdShade.Shader.Define(stage, path.AppendChild("PreviewSurface"))
    shader.CreateIdAttr("UsdPreviewSurface")
    spec = choice.spec
    diffuse = shader.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f)
    diffuse.Set(Gf.Vec3f(*choice.diffuse))  # the colour, also for readers that ignore the texture
    pattern = texture_settings().pattern(spec.name, spec.family)
    if pattern is not None:
        _texture(stage, path, diffuse, pattern, choice.diffuse)
    shader.CreateInput("roughness", Sdf.ValueTypeNames.Float).Set(spec.roughness)
    shader.CreateInput("metallic", Sdf.ValueTypeNames.Float).Set(spec.metallic)
    shader.CreateInput("opacity", Sdf.ValueTypeNames.Float).Set(spec.opacity)
    shader.CreateInput("ior", Sdf.ValueTypeNames.Float).Set(spec.ior)
    material.CreateSurfaceOutput().ConnectToSource(shader.ConnectableAPI(), "surface")
    prim = material.GetPrim()
    prim.SetCustomDataByKey("generalist:material", choice.label)
    prim.SetCustomDataByKey("generalist:family", spec.family)
    prim.SetCustomDataByKey("generalist:static_friction", spec.static_friction)
    prim.SetCustomDataByKey("generalist:dynamic_friction", spec.dynamic_friction)
    prim.SetCustomDataByKey("generalist:restitution", spec.restitution)
    return material


def _texture(stage: Usd.Stage, path: Sdf.Path, diffuse: UsdShade.Input, pattern: str,
             color: tuple[float, float, float]) -> None:
    """Drive ``diffuse`` by a generated texture (a ``UsdUVTexture`` reading the meshes' ``st`` primvar)."""
    name = texture_name(pattern, color, texture_settings().size)  # the file is made on saving or drawing
    reader = UsdShade.Shader.Define(stage, path.AppendChild("uv"))
    reader.CreateIdAttr("UsdPrimvarReader_float2")
    reader.CreateInput("varname", Sdf.ValueTypeNames.Token).Set(UV_PRIMVAR)
    tex = UsdShade.Shader.Define(stage, path.AppendChild("diffuse_texture"))
    tex.CreateIdAttr("UsdUVTexture")
    tex.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(Sdf.AssetPath(f"./{TEXTURE_FOLDER}/{name}"))
    tex.CreateInput("st", Sdf.ValueTypeNames.Float2).ConnectToSource(
        reader.CreateOutput("result", Sdf.ValueTypeNames.Float2))
    for wrap in ("wrapS", "wrapT"):
        tex.CreateInput(wrap, Sdf.ValueTypeNames.Token).Set("repeat")
    tex.CreateInput("sourceColorSpace", Sdf.ValueTypeNames.Token).Set("sRGB")
    diffuse.ConnectToSource(tex.CreateOutput("rgb", Sdf.ValueTypeNames.Float3))
    prim = tex.GetPrim()  # what made it: a world whose cache lost the image can make it again
    prim.SetCustomDataByKey("generalist:pattern", pattern)
    prim.SetCustomDataByKey("generalist:color", Gf.Vec3f(*color))


def retexture(stage: Usd.Stage, look: Sdf.Path, spec: MaterialSpec, color: tuple[float, float, float]) -> None:
    """Keep the texture of the material at ``look`` in step with a new material class or colour (the
    randomizer's swaps and jitter): the image of ``spec``'s pattern in ``color``, or none."""
    shader = UsdShade.Shader(stage.GetPrimAtPath(look.AppendChild("PreviewSurface")))
    diffuse = shader.GetInput("diffuseColor") if shader else None
    if not diffuse:
        return
    pattern = texture_settings().pattern(spec.name, spec.family)
    tex = UsdShade.Shader(stage.GetPrimAtPath(look.AppendChild("diffuse_texture")))
    if pattern is None:
        if diffuse.HasConnectedSource():
            diffuse.DisconnectSource()
        return
    if not tex or not diffuse.HasConnectedSource():
        _texture(stage, look, diffuse, pattern, color)
        return
    tex.GetInput("file").Set(Sdf.AssetPath(f"./{TEXTURE_FOLDER}/{texture_name(pattern, color, texture_settings().size)}"))
    tex.GetPrim().SetCustomDataByKey("generalist:pattern", pattern)
    tex.GetPrim().SetCustomDataByKey("generalist:color", Gf.Vec3f(*color))


def bind_material(prim: Usd.Prim, material: UsdShade.Material) -> None:
    """Bind ``material`` to ``prim`` (it applies to every mesh below it)."""
    UsdShade.MaterialBindingAPI.Apply(prim).Bind(material)
