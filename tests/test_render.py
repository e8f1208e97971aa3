"""Renderers, cameras, previews: behaviour checked against the known geometry of a small room."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PIL import Image
from pxr import Usd

from omni_generalist.errors import InputError, WorldFormatError
from omni_generalist.render import (
    Camera,
    get_renderer,
    object_view,
    panorama_camera,
    plan_view,
    room_views,
    scene_from_stage,
    tight_boxes,
)
from omni_generalist.render.preview import ceiling_paths, render_preview
from omni_generalist.world.geometry import point_in_polygon
from omni_generalist.world.model import room_info
from omni_generalist.world.stage import new_stage, open_stage

from .render_world import DEPTH, HEIGHT, WIDTH, world_dir


@pytest.fixture(scope="module")
def stage() -> Usd.Stage:
    return open_stage(world_dir())


@pytest.fixture(scope="module")
def fast():
    r = get_renderer("fast")
    yield r
    r.close()


def _ids_of(result, path: str) -> int:
    return next(i for i, inst in result.instances.items() if inst.path == path)


def test_scene_groups_meshes_into_labelled_instances(stage):
    scene = scene_from_stage(stage)
    by_path = {i.path: i for i in scene.instances}
    assert by_path["/World/Objects/living_room/sofa_0"].label == "sofa"
    assert by_path["/World/Rooms/living_room/Floor"].label == "floor"
    assert by_path["/World/Objects/living_room/coffee_table_0"].label.split(",")[0] == "coffee table"
    assert {i.id for i in scene.instances} == set(range(1, len(scene.instances) + 1))
    assert np.allclose(np.linalg.norm(scene.normals, axis=1), 1.0, atol=1e-4)
    assert set(np.unique(scene.instance)) == {i.id for i in scene.instances}
    # every instance's draw ranges cover exactly its vertices
    for inst in scene.instances:
        covered = sum(c for _, c in inst.ranges)
        assert covered == int((scene.instance == inst.id).sum())
    assert any(lt.kind == "point" for lt in scene.lights)


def test_depth_is_distance_to_camera_within_one_percent(stage, fast):
    # from the room centre, look straight at the east wall (x = +WIDTH/2) and down at the floor
    eye = np.array([0.0, 0.0, 1.4])
    cam = Camera(tuple(eye), (1.0, 0.0, 1.0), 96, 96, 80.0)
    res = fast.render(stage, cam)
    rays = cam.ray_directions()
    wall = res.instance_ids == _ids_of(res, "/World/Rooms/living_room/Walls/wall_1")
    floor = res.instance_ids == _ids_of(res, "/World/Rooms/living_room/Floor")
    assert wall.sum() > 500 and floor.sum() > 300
    expect_wall = (WIDTH / 2 - eye[0]) / rays[..., 0]
    expect_floor = eye[2] / -rays[..., 2]
    # the window's reveals (the wall's thickness around the opening) are not on the wall plane
    window = res.instance_ids == _ids_of(res, next(i.path for i in res.instances.values() if i.label == "window"))
    near_window = np.zeros_like(window)
    ys, xs = np.nonzero(window)
    near_window[max(0, ys.min() - 8):ys.max() + 9, max(0, xs.min() - 8):xs.max() + 9] = True
    assert (wall & ~near_window).sum() > 500
    for mask, expect in ((wall & ~near_window, expect_wall), (floor, expect_floor)):
        rel = np.abs(res.depth[mask] - expect[mask]) / expect[mask]
        assert rel.max() < 0.01, rel.max()
    assert np.isinf(res.depth[res.instance_ids == 0]).all()
    assert res.depth.dtype == np.float32 and res.rgb.shape == (96, 96, 3) and res.rgb.dtype == np.uint8


def test_room_views_are_inside_clear_of_walls_and_see_the_room(stage, fast):
    room = room_info(stage)
    cams = room_views(stage, 128, 96)
    assert len(cams) >= 2
    for cam in cams:
        x, y, z = cam.eye
        assert point_in_polygon((x, y), room.polygon)
        assert abs(x) <= WIDTH / 2 - 0.29 and abs(y) <= DEPTH / 2 - 0.29
        assert 0.3 < z < HEIGHT
        res = fast.render(stage, cam, occlusion=False)
        labels = res.semantic_classes()
        assert "floor" in labels and "wall" in labels
        assert res.rgb.std() > 10, "the image is flat (black or unlit)"
        assert np.isfinite(res.depth).mean() > 0.99, "a view from inside a closed room hits something everywhere"
        assert (res.depth[np.isfinite(res.depth)] > 0.2).all(), "camera inside or against geometry"


def test_object_view_sees_its_object(stage, fast):
    cam = object_view(stage, "vase", 96, 96)
    res = fast.render(stage, cam)
    vid = _ids_of(res, "/World/Objects/living_room/vase_0")
    assert res.visible().get(vid, 0) > 50
    ys, xs = np.nonzero(res.instance_ids == vid)
    assert 20 < xs.mean() < 76 and 20 < ys.mean() < 76, "the object is near the image centre"
    with pytest.raises(InputError, match="no object named"):
        object_view(stage, "piano")


def test_plan_view_is_top_down_without_ceiling(stage, fast):
    cam = plan_view(stage, 160, 128)
    hidden = ceiling_paths(stage)
    assert "/World/Rooms/living_room/Ceiling" in hidden
    res = fast.render(stage, cam, hide=hidden)
    labels = res.semantic_classes()
    assert "ceiling" not in labels and {"floor", "sofa", "armchair"} <= set(labels)
    # north (+Y) is up: the sofa against the north wall is in the top half
    ys, _ = np.nonzero(res.instance_ids == _ids_of(res, "/World/Objects/living_room/sofa_0"))
    assert ys.mean() < 64
    with_ceiling = fast.render(stage, cam)
    assert "ceiling" in with_ceiling.semantic_classes()


def test_panorama_is_equirectangular_from_the_centre(stage, fast):
    cam = panorama_camera(stage, 256)
    assert (cam.width, cam.height) == (256, 128)
    res = fast.render(stage, cam)
    assert np.isfinite(res.depth).mean() > 0.99
    # the image centre looks along +X (the east wall, whose window glass sits in the wall's
    # thickness); a quarter to the left is +Y (north), a quarter to the right −Y, the edges −X
    ex, ey, ez = cam.eye
    assert WIDTH / 2 - ex <= res.depth[64, 128] <= WIDTH / 2 - ex + 0.13
    assert res.depth[64, 64] == pytest.approx(DEPTH / 2 - ey, rel=0.01)
    assert res.depth[64, 0] == pytest.approx(WIDTH / 2 + ex, rel=0.01)
    assert res.depth[64, 192] >= DEPTH / 2 + ey - 0.01  # south: the wall or the open door behind it
    assert res.depth[0].max() == pytest.approx(HEIGHT - ez, rel=0.05)  # straight up: the ceiling


def test_boxes_enclose_visible_pixels_and_report_occlusion(stage, fast):
    cam = room_views(stage, 128, 128)[0]
    res = fast.render(stage, cam)
    boxes = tight_boxes(res)
    assert boxes
    for b in boxes:
        ys, xs = np.nonzero(res.instance_ids == b.instance.id)
        assert (b.x_min, b.y_min, b.x_max, b.y_max) == (xs.min(), ys.min(), xs.max(), ys.max())
        assert 0.0 <= b.occlusion <= 1.0
    floor = next(b for b in boxes if b.instance.label == "floor")
    assert floor.occlusion > 0.05, "furniture stands on the floor: part of it is hidden"


def test_preview_collage(stage):
    img = render_preview(stage)
    assert img.size == (2 * 512 + 6, 384)
    arr = np.asarray(img)
    assert arr[:, :512].std() > 10 and arr[:, 518:].std() > 10


def test_bad_input_is_reported(stage):
    with pytest.raises(InputError, match="width"):
        Camera((0, 0, 1), (1, 0, 1), 0, 10)
    with pytest.raises(InputError, match="height"):
        Camera((0, 0, 1), (1, 0, 1), 10, 10**6)
    with pytest.raises(InputError, match="target"):
        Camera((0, 0, 1), (0, 0, 1), 10, 10)
    with pytest.raises(InputError, match="unknown renderer"):
        get_renderer("raytrace")
    with pytest.raises(WorldFormatError, match="no room"):
        room_views(new_stage())


def test_quality_renderer_agrees_with_fast(stage, fast):
    """One small Cycles render: same instances and distances as the rasteriser, and a lit image."""
    cam = room_views(stage, 96, 96)[0]
    q = get_renderer("quality", samples=4)
    try:
        a = q.render(stage, cam)
    finally:
        q.close()
    b = fast.render(stage, cam)
    assert (a.instance_ids == b.instance_ids).mean() > 0.9
    both = (a.instance_ids == b.instance_ids) & np.isfinite(a.depth) & np.isfinite(b.depth)
    rel = np.abs(a.depth[both] - b.depth[both]) / b.depth[both]
    assert np.median(rel) < 0.01
    assert 40 < a.rgb.mean() < 245 and a.rgb.std() > 8, "Cycles image is black, blown out or flat"
    assert a.unoccluded, "occlusion counts come with the quality renderer too"


def test_heavy_modules_load_lazily():
    code = ("import sys, omni_generalist, omni_generalist.render, omni_generalist.render.dataset, "
            "omni_generalist.cli, omni_generalist.generate; "
            "print('bpy' in sys.modules, 'moderngl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_images_are_pngs_a_person_can_open(tmp_path, stage, fast):
    res = fast.render(stage, room_views(stage, 64, 48)[0])
    Image.fromarray(res.rgb).save(tmp_path / "x.png")
    with Image.open(tmp_path / "x.png") as im:
        assert im.size == (64, 48) and im.mode == "RGB"


@pytest.mark.parametrize("preview", [True, False])
def test_generate_writes_preview_unless_disabled(tmp_path, preview):
    from omni_generalist.config import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy import ScriptPolicy

    script = tmp_path / "a.py"
    script.write_text("# %% action 0\ncreate_room(4, 3)\nadd_object('sofa', against_wall='north')\n")
    settings = Settings()
    settings.generator.preview = preview
    settings.generator.validate = False  # physics is not what this test is about
    settings.render.preview_width, settings.render.preview_height = 160, 120
    res = generate_world("a room with a sofa", tmp_path / "w", ScriptPolicy.from_file(script), settings=settings)
    png = res.out / "preview.png"
    assert png.is_file() == preview
    assert ("preview_s" in res.report["timings"]) == preview
    if preview:
        with Image.open(png) as im:
            assert im.size == (2 * 160 + 6, 120)
            assert np.asarray(im.convert("RGB")).std() > 10
