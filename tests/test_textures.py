"""Procedural textures: deterministic tileable images, bound through UsdUVTexture with UVs on every
generated mesh, carried beside a saved world, and drawn by both renderers."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from pxr import Gf, Sdf, UsdGeom, UsdShade

from omni_generalist.actions.pxr_guard import allowed_asset
from omni_generalist.assets.materials import ensure_material, material_library
from omni_generalist.assets.textures import (
    PATTERNS,
    find_texture,
    is_world_texture,
    texture_image,
    texture_settings,
)
from omni_generalist.assets.toolkit import box_part
from omni_generalist.render import Camera, get_renderer
from omni_generalist.world.stage import new_stage, open_stage, save_layer

BRICK = (0.55, 0.25, 0.18)


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "cache"))


def _high_freq(img: np.ndarray) -> float:
    """Mean absolute difference between neighbouring pixels (texture detail; smooth shading is ~0)."""
    g = img.astype(float).mean(axis=2)
    return float(np.abs(np.diff(g, axis=0)).mean() + np.abs(np.diff(g, axis=1)).mean())


def test_patterns_are_deterministic_tileable_and_tinted():
    for name in PATTERNS:
        a = texture_image(name, BRICK, 64)
        assert a.shape == (64, 64, 3) and a.dtype == np.uint8
        assert np.array_equal(a, texture_image(name, BRICK, 64)), name
        assert not np.array_equal(a, texture_image(name, (0.2, 0.4, 0.6), 64)), name
        g = a.astype(float)
        for axis in (0, 1):  # the step across the wrap is no bigger than the biggest step inside
            seam = np.abs(np.take(g, 0, axis) - np.take(g, -1, axis)).mean()
            inner = np.abs(np.diff(g, axis=axis)).mean(axis=(1 - axis, 2)).max()
            assert seam <= inner + 1.0, f"{name} does not tile ({seam:.2f} across the seam, at most {inner:.2f} inside)"
    with pytest.raises(ValueError, match="unknown texture pattern"):
        texture_image("plaid", BRICK)


def test_only_generated_world_textures_pass_the_sandbox():
    assert is_world_texture("./textures/wood_0123456789abcdef.png")
    assert allowed_asset("./textures/wood_0123456789abcdef.png", ())
    for bad in ("./textures/../../etc/passwd", "textures/wood_0123456789abcdef.png", "./textures/plaid_0123456789abcdef.png",
                "/tmp/textures/wood_0123456789abcdef.png", "./textures/wood_0123456789abcdef.png.exe"):
        assert not is_world_texture(bad) and not allowed_asset(bad, ()), bad


def _two_walls():
    """A textured brick slab beside an untextured one of the same colour (left and right as the camera at +Y
    sees them), and a dome light."""
    stage = new_stage()
    for name, x0 in (("textured", 0.05), ("plain", -1.05)):
        UsdGeom.Xform.Define(stage, f"/World/Objects/{name}")
        box_part(stage, f"/World/Objects/{name}/slab", (x0, -0.05, 0.0), (x0 + 1.0, 0.05, 1.0))
    brick = ensure_material(stage, material_library().resolve("brick"))
    plain = UsdShade.Material.Define(stage, "/World/Looks/plain_brick")
    shader = UsdShade.Shader.Define(stage, "/World/Looks/plain_brick/PreviewSurface")
    shader.CreateIdAttr("UsdPreviewSurface")
    shader.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f).Set(Gf.Vec3f(*material_library().find("brick").color))
    plain.CreateSurfaceOutput().ConnectToSource(shader.ConnectableAPI(), "surface")
    for name, mat in (("textured", brick), ("plain", plain)):
        UsdShade.MaterialBindingAPI.Apply(stage.GetPrimAtPath(f"/World/Objects/{name}")).Bind(mat)
    from pxr import UsdLux

    UsdLux.DomeLight.Define(stage, "/World/Dome").CreateIntensityAttr(600.0)
    return stage


CAM = Camera((0.0, 2.2, 0.5), (0.0, 0.0, 0.5), 96, 48, 56.0)


def _halves(rgb: np.ndarray) -> tuple[float, float]:
    h, w = rgb.shape[:2]
    return _high_freq(rgb[h // 4:3 * h // 4, 6:w // 2 - 6]), _high_freq(rgb[h // 4:3 * h // 4, w // 2 + 6:w - 6])


def test_a_textured_material_names_its_image_and_meshes_carry_uvs():
    stage = _two_walls()
    tex = UsdShade.Shader(stage.GetPrimAtPath("/World/Looks/brick/diffuse_texture"))
    assert tex.GetIdAttr().Get() == "UsdUVTexture"
    asset = tex.GetInput("file").Get().path
    assert is_world_texture(asset) and asset.startswith("./textures/brick_")
    surface = UsdShade.Shader(stage.GetPrimAtPath("/World/Looks/brick/PreviewSurface"))
    assert surface.GetInput("diffuseColor").HasConnectedSource()
    st = UsdGeom.PrimvarsAPI(stage.GetPrimAtPath("/World/Objects/textured/slab")).GetPrimvar("st")
    uv = np.asarray(st.Get())
    assert st.GetInterpolation() == UsdGeom.Tokens.faceVarying and len(uv) == 24
    # per face, (u, v) spans its two sides in meters / ``meters``: 1 × 1 m at the front and back,
    # 1 × 0.1 m on top and bottom, 0.1 × 1 m at the ends
    spans = sorted(tuple(round(float(v), 4) for v in np.ptp(f, axis=0) * texture_settings().meters)
                   for f in uv.reshape(6, 4, 2))
    assert spans == [(0.1, 1.0)] * 2 + [(1.0, 0.1)] * 2 + [(1.0, 1.0)] * 2


def test_a_saved_world_carries_its_textures_and_a_moved_folder_still_finds_them(tmp_path, monkeypatch):
    stage = _two_walls()
    save_layer(stage.GetRootLayer(), tmp_path / "w" / "world.usda")
    files = sorted(p.name for p in (tmp_path / "w" / "textures").iterdir())
    assert len(files) == 1 and files[0].startswith("brick_")
    shutil.move(tmp_path / "w", tmp_path / "moved")
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "empty"))
    moved = open_stage(tmp_path / "moved")
    asset = UsdShade.Shader(moved.GetPrimAtPath("/World/Looks/brick/diffuse_texture")).GetInput("file").Get().path
    assert find_texture(asset, tmp_path / "moved") == (tmp_path / "moved" / "textures" / files[0]).resolve()
    assert not (tmp_path / "empty").exists(), "found beside the world: nothing made again in the cache"


def test_both_renderers_draw_the_texture():
    stage = _two_walls()
    fast = get_renderer("fast")
    try:
        textured, plain = _halves(fast.render(stage, CAM, occlusion=False).rgb)
    finally:
        fast.close()
    assert textured > 3 * plain + 1.0, (textured, plain)
    quality = get_renderer("quality", samples=4)
    try:
        textured, plain = _halves(quality.render(stage, CAM, occlusion=False).rgb)
    finally:
        quality.close()
    assert textured > 2 * plain and textured > 1.5, (textured, plain)
