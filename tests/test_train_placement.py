"""Asset-level placement: 50 small things on a 1.2 x 0.8 m table, a stack of 5 plates, books between
shelf boards — placed through the action API, then settled in PhysX (SAPIEN); the point predictor's
pixel ↔ surface ray."""

from __future__ import annotations

import itertools
import random

import pytest

pytest.importorskip("sapien")

from omni_generalist.actions.api import ActionAPI  # noqa: E402
from omni_generalist.errors import PlacementError  # noqa: E402
from omni_generalist.physics.authoring import author_physics  # noqa: E402
from omni_generalist.physics.validate import validate_world  # noqa: E402
from omni_generalist.train.placement import dense_layout, placement_code, stack_layout, surfaces_of  # noqa: E402
from omni_generalist.train.point_predictor import (  # noqa: E402
    TopCamera,
    parse_point,
    pixel_to_surface,
    point_records,
    surface_png,
    surface_to_pixel,
    world_point_records,
)
from omni_generalist.world.geometry import footprints_overlap  # noqa: E402
from omni_generalist.world.stage import new_stage  # noqa: E402

SMALL = ["cup", "can", "jar", "apple", "box"]


def _room():
    api = ActionAPI(new_stage(), random.Random(0))
    api.create_room(width=5.0, depth=5.0)
    return api


def _run(api: ActionAPI, code: str) -> None:
    exec(code, {"add_object": api.add_object})  # the action code placement_code writes


def _settle(api: ActionAPI, names: list[str]):
    author_physics(api.stage)
    rep = validate_world(api.stage, joints=False, asset_rules=False)
    moved = {m.path.rsplit("/", 1)[-1]: m for m in rep.motions}
    assert set(names) <= set(moved), "every placed thing is a body that was settled"
    return rep, [n for n in names if not moved[n].stable]


def test_fifty_small_things_on_a_table_do_not_overlap_and_stay(tmp_path):
    api = _room()
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), center=True)
    (top,) = surfaces_of(api.get_object("table_0"))
    rng = random.Random(3)
    sizes = [(rng.uniform(0.06, 0.1), rng.uniform(0.06, 0.1), rng.uniform(0.05, 0.12)) for _ in range(50)]
    cats = [SMALL[i % len(SMALL)] for i in range(50)]
    poses = dense_layout(top, sizes, rng)
    before = {o.name for o in api.list_objects()}
    _run(api, placement_code(cats, sizes, poses))
    things = [o for o in api.list_objects() if o.name not in before]
    assert len(things) == 50 and all(o.support == api.get_object("table_0").path for o in things)
    for a, b in itertools.combinations(things, 2):
        assert not footprints_overlap(a.footprint, b.footprint), (a.name, b.name)
    rep, unstable = _settle(api, [o.name for o in things])
    assert not unstable and not rep.of_kind("interpenetration") and not rep.of_kind("floating"), rep.summary()
    # more than fits is refused, not overlapped
    with pytest.raises(PlacementError, match="do not fit"):
        dense_layout(top, [(0.1, 0.1, 0.05)] * 200, rng)


def test_a_stack_of_five_plates_is_stable():
    api = _room()
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), center=True)
    (top,) = surfaces_of(api.get_object("table_0"))
    sizes = [(0.26, 0.26, 0.025)] * 5
    poses = stack_layout(top, sizes)
    _run(api, placement_code(["plate"] * 5, sizes, poses))
    plates = api.list_objects("plate")
    assert [round(p.bottom, 3) for p in plates] == [round(top.top + 0.025 * k, 3) for k in range(5)]
    assert plates[1].support == plates[0].path
    rep, unstable = _settle(api, [p.name for p in plates])
    assert not unstable and not rep.of_kind("interpenetration"), rep.summary()
    # a stack taller than the clearance between shelf boards, or one overhanging the surface, is refused
    api.add_object("bookcase", name="bookcase_0", against_wall="north")
    board = next(s for s in surfaces_of(api.get_object("bookcase_0")) if not s.inside)
    fits = int((board.clearance - 0.01) // 0.03)
    assert len(stack_layout(board, [(0.2, 0.15, 0.03)] * fits)) == fits
    with pytest.raises(PlacementError, match="clearance"):
        stack_layout(board, [(0.2, 0.15, 0.03)] * (fits + 1))
    with pytest.raises(PlacementError, match="overhangs"):
        stack_layout(top, sizes, at=(top.x1 - 0.05, 0.0))


def test_books_stand_between_shelf_boards_within_clearance():
    api = _room()
    api.add_object("bookcase", name="bookcase_0", against_wall="north")
    boards = [s for s in surfaces_of(api.get_object("bookcase_0")) if not s.inside]
    assert len(boards) >= 3
    rng = random.Random(1)
    names = []
    for board in boards[:-1]:  # every board with another above it
        sizes = [(rng.uniform(0.025, 0.05), 0.18, rng.uniform(0.2, board.clearance - 0.03)) for _ in range(6)]
        poses = dense_layout(board, sizes, rng, gap=0.003)
        before = {o.name for o in api.list_objects()}
        _run(api, placement_code(["book"] * 6, sizes, poses))
        new = [o for o in api.list_objects() if o.name not in before]
        assert all(o.top <= board.top + board.clearance - 0.01 + 1e-6 for o in new)
        names += [o.name for o in new]
    # a book taller than the clearance is refused
    with pytest.raises(PlacementError, match="clearance"):
        dense_layout(boards[0], [(0.03, 0.18, boards[0].clearance + 0.05)], rng)
    rep, unstable = _settle(api, names)
    assert len(names) == 6 * (len(boards) - 1) and not unstable and not rep.of_kind("interpenetration"), rep.summary()


def test_a_marked_pixel_lands_where_the_thing_was():
    api = _room()
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), position=(0.5, -0.3), rotation=30.0)
    (top,) = surfaces_of(api.get_object("table_0"))
    cam = TopCamera(top)
    for lx, ly in ((0.0, 0.0), (0.4, -0.3), (-0.45, 0.35)):
        x, y = top.to_world(lx, ly)
        u, v = surface_to_pixel(cam, x, y)
        px, py = pixel_to_surface(cam, u, v)
        assert abs(px - x) < 0.01 and abs(py - y) < 0.01  # within a pixel's footprint
    assert pixel_to_surface(cam, 0, 0) is None  # a corner of the picture misses the table
    poses = dense_layout(top, [(0.08, 0.08, 0.1)] * 3, random.Random(0))
    recs = point_records(cam, ["cup"] * 3, poses, "images/t.png")
    for rec, (x, y, _, _) in zip(recs, poses, strict=True):
        px, py = pixel_to_surface(cam, *parse_point(rec["messages"][-1]["content"]))
        assert abs(px - x) < 0.01 and abs(py - y) < 0.01


def _changed_pixels(a: bytes, b: bytes):
    """Mean (u, v) and count of the pixels that differ between two renders."""
    import io

    import numpy as np
    from PIL import Image

    x, y = (np.asarray(Image.open(io.BytesIO(p)).convert("RGB")).astype(int) for p in (a, b))
    vs, us = np.nonzero(np.abs(x - y).sum(-1) > 30)
    return (float(us.mean()) if len(us) else -1.0, float(vs.mean()) if len(vs) else -1.0), len(us)


def test_the_top_down_render_shows_a_thing_at_its_pixel(tmp_path):
    """What the point predictor sees: a render of the surface through ``TopCamera.camera()``, where a thing
    appears at ``surface_to_pixel`` of its position — on a turned table, and on the lowest board of a
    bookcase (the boards above are clipped away by the near plane)."""
    api = _room()
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), position=(0.5, -0.3), rotation=30.0)
    (top,) = surfaces_of(api.get_object("table_0"))
    x, y = top.to_world(0.35, 0.2)
    api.add_object("cup", name="cup_0", size=(0.1, 0.1, 0.1), position=(x, y, top.top))
    api.add_object("bookcase", name="bookcase_0", against_wall="north")
    board = next(s for s in surfaces_of(api.get_object("bookcase_0")) if not s.inside)
    bx, by = board.to_world((board.x0 + board.x1) / 2, (board.y0 + board.y1) / 2)
    api.add_object("book", name="book_0", size=(0.04, 0.18, 0.2), position=(bx, by, board.top))
    for name, surface, (px, py) in (("cup_0", top, (x, y)), ("book_0", board, (bx, by))):
        cam = TopCamera(surface)
        (u, v), n = _changed_pixels(surface_png(api.stage, cam), surface_png(api.stage, cam, hide=[api.get_object(name).path]))
        eu, ev = surface_to_pixel(cam, px, py)
        assert n > 100 and abs(u - eu) < 8 and abs(v - ev) < 8, (name, n, u, v, eu, ev)
    # records from the world: each thing on another object, asked on a render of its surface without it
    (tmp_path / "w").mkdir()
    api.stage.Export(str(tmp_path / "w" / "world.usda"))
    recs = world_point_records(tmp_path / "w", tmp_path / "ds", "e0")
    assert [r["messages"][0]["content"][0]["text"].split("a ")[-1].split(" can")[0] for r in recs] == ["book", "cup"]
    for rec, name in zip(recs, ("book_0", "cup_0"), strict=True):
        obj = api.get_object(name)
        surface = board if name == "book_0" else top
        px, py = pixel_to_surface(TopCamera(surface), *parse_point(rec["messages"][-1]["content"]))
        assert abs(px - obj.position[0]) < 0.01 and abs(py - obj.position[1]) < 0.01
        assert (tmp_path / "ds" / rec["image"]).stat().st_size > 500


def _box_mesh(stage, path: str, pos, scale) -> None:
    """A box as a ``UsdGeom.Mesh`` (what an imported mesh is), with a collider."""
    from pxr import Gf, UsdGeom, UsdPhysics

    mesh = UsdGeom.Mesh.Define(stage, path)
    mesh.CreatePointsAttr([Gf.Vec3f(x * scale[0] / 2 + pos[0], y * scale[1] / 2 + pos[1], z * scale[2] / 2 + pos[2])
                           for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)])
    mesh.CreateFaceVertexCountsAttr([4] * 6)
    mesh.CreateFaceVertexIndicesAttr([0, 1, 3, 2, 4, 6, 7, 5, 0, 4, 5, 1, 2, 3, 7, 6, 0, 2, 6, 4, 1, 5, 7, 3])
    UsdPhysics.CollisionAPI.Apply(mesh.GetPrim())


def _mesh_file(path, root: str, parts: dict) -> None:
    from pxr import Usd, UsdGeom

    asset = Usd.Stage.CreateNew(str(path))
    UsdGeom.SetStageUpAxis(asset, UsdGeom.Tokens.z)
    UsdGeom.SetStageMetersPerUnit(asset, 1.0)
    asset.SetDefaultPrim(UsdGeom.Xform.Define(asset, f"/{root}").GetPrim())
    for name, (pos, scale) in parts.items():
        _box_mesh(asset, f"/{root}/{name}", pos, scale)
    asset.Save()


def test_small_things_on_the_top_of_an_imported_mesh(tmp_path):
    """Two tables from a USD file of meshes (referenced, no action-API metadata): 50 small things on the
    1.2 x 0.8 m top face of one, a stack of 5 plates on the other."""
    from pxr import UsdGeom

    from omni_generalist.world.raw import adopt_raw_objects

    parts = {"top": ((0.0, 0.0, 0.74), (1.2, 0.8, 0.04))}
    parts.update({f"leg{i}": ((sx * 0.55, sy * 0.35, 0.36), (0.05, 0.05, 0.72))
                  for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (1, 1), (-1, 1)))})
    _mesh_file(tmp_path / "table.usda", "Table", parts)
    api = _room()
    for name, at in (("imported_table", (0.5, -0.8, 0.0)), ("imported_table_2", (-1.2, 1.2, 0.0))):
        prim = api.stage.DefinePrim(f"/World/Objects/{name}", "Xform")
        prim.GetReferences().AddReference(str(tmp_path / "table.usda"))
        UsdGeom.Xformable(prim).AddTranslateOp().Set(at)
    adopt_raw_objects(api.stage)
    (top,) = surfaces_of(api.get_object("imported_table"))
    assert abs(top.top - 0.76) < 1e-6 and abs((top.x1 - top.x0) - 1.2) < 1e-6 and abs((top.y1 - top.y0) - 0.8) < 1e-6
    rng = random.Random(3)
    sizes = [(rng.uniform(0.06, 0.1), rng.uniform(0.06, 0.1), rng.uniform(0.05, 0.12)) for _ in range(50)]
    before = {o.name for o in api.list_objects()}
    _run(api, placement_code([SMALL[i % 5] for i in range(50)], sizes, dense_layout(top, sizes, rng)))
    things = [o for o in api.list_objects() if o.name not in before]
    assert len(things) == 50 and all(o.support == "/World/Objects/imported_table" for o in things)
    for a, b in itertools.combinations(things, 2):
        assert not footprints_overlap(a.footprint, b.footprint), (a.name, b.name)
    (top2,) = surfaces_of(api.get_object("imported_table_2"))
    plate = (0.26, 0.26, 0.025)
    _run(api, placement_code(["plate"] * 5, [plate] * 5, stack_layout(top2, [plate] * 5)))
    plates = api.list_objects("plate")
    assert [round(p.bottom, 3) for p in plates] == [round(top2.top + 0.025 * k, 3) for k in range(5)]
    assert all(abs(p.position[0] + 1.2) < 1e-6 and abs(p.position[1] - 1.2) < 1e-6 for p in plates)
    rep, unstable = _settle(api, [o.name for o in things] + [p.name for p in plates])
    assert not unstable and not rep.of_kind("interpenetration"), rep.summary()


def test_books_between_the_boards_of_an_imported_bookcase_mesh(tmp_path, monkeypatch):
    """A bookcase from a USD file of meshes, imported as an asset library (``assets add``): its boards and
    their clearance come from the mesh (the library's annotation); books stand between them, stable."""
    from omni_generalist.assets.library.store import LibrarySettings, add_library
    from omni_generalist.assets.library.use import activate

    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "cache"))
    w, d, h, t = 0.8, 0.3, 1.2, 0.02
    parts = {"left": ((-w / 2 + t / 2, 0, h / 2), (t, d, h)), "right": ((w / 2 - t / 2, 0, h / 2), (t, d, h)),
             "back": ((0, d / 2 - t / 2, h / 2), (w - 2 * t, t, h))}
    parts.update({f"board{k}": ((0, -t / 2, z), (w - 2 * t, d - t, t)) for k, z in enumerate((0.05, 0.4, 0.75, h - t / 2))})
    (tmp_path / "lib").mkdir()
    _mesh_file(tmp_path / "lib" / "bookcase.usda", "Bookcase", parts)
    assert add_library(tmp_path / "lib", "shelves", LibrarySettings(decomposition="hull", use_model=False))["objects"] == 1
    stage = new_stage()
    activate(stage.GetRootLayer(), ["shelves"])
    api = ActionAPI(stage, random.Random(0))
    api.create_room(width=5.0, depth=5.0)
    api.add_object("bookcase", name="bookcase_0", against_wall="north")
    case = api.get_object("bookcase_0")
    assert case.extra.get("asset") == "shelves/bookcase.usda"
    boards = [s for s in surfaces_of(case) if s.clearance < 1.0]  # the boards with another above them
    assert len(boards) == 3 and all(0.3 < b.clearance < 0.45 for b in boards), [(b.z, b.clearance) for b in boards]
    rng = random.Random(1)
    names = []
    for board in boards:
        sizes = [(rng.uniform(0.025, 0.05), 0.18, rng.uniform(0.2, board.clearance - 0.03)) for _ in range(6)]
        before = {o.name for o in api.list_objects()}
        _run(api, placement_code(["book"] * 6, sizes, dense_layout(board, sizes, rng, gap=0.003)))
        new = [o for o in api.list_objects() if o.name not in before]
        assert all(o.support == case.path and o.top <= board.top + board.clearance - 0.01 + 1e-6 for o in new)
        names += [o.name for o in new]
    with pytest.raises(PlacementError, match="clearance"):
        dense_layout(boards[0], [(0.03, 0.18, boards[0].clearance + 0.05)], rng)
    rep, unstable = _settle(api, names)
    assert len(names) == 18 and not unstable and not rep.of_kind("interpenetration"), rep.summary()
