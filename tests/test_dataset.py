"""The dataset writer: read the files back and check them against BasicWriter's layout and the geometry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pxr import Sdf, Usd

from omni_generalist.cli import main
from omni_generalist.config import RenderConfig
from omni_generalist.errors import InputError, WorldFormatError
from omni_generalist.render.dataset import write_dataset

from .render_world import world_dir

W, H = 160, 120
STEMS = {
    "rgb": "png", "distance_to_camera": "npy",
    "semantic_segmentation": "png", "semantic_segmentation_labels": "json",
    "instance_segmentation": "png", "instance_segmentation_mapping": "json",
    "instance_segmentation_semantics_mapping": "json",
    "bounding_box_2d_tight": "npy", "bounding_box_2d_tight_labels": "json",
    "bounding_box_2d_tight_prim_paths": "json", "camera_params": "json",
}
COLOR_KEY = re.compile(r"^\(\d{1,3}, \d{1,3}, \d{1,3}, \d{1,3}\)$")
BBOX_FIELDS = [("semanticId", "<u4"), ("x_min", "<i4"), ("y_min", "<i4"), ("x_max", "<i4"), ("y_max", "<i4"),
               ("occlusionRatio", "<f4")]
CAMERA_KEYS = {"cameraAperture", "cameraApertureOffset", "cameraFisheyeLensP", "cameraFisheyeLensS",
               "cameraFisheyeMaxFOV", "cameraFisheyeNominalHeight", "cameraFisheyeNominalWidth",
               "cameraFisheyeOpticalCentre", "cameraFisheyePolynomial", "cameraFocalLength",
               "cameraFocusDistance", "cameraFStop", "cameraModel", "cameraNearFar", "cameraProjection",
               "cameraViewTransform", "metersPerSceneUnit", "renderProductResolution"}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ds") / "data"
    res = write_dataset(world_dir(), out, frames=3, config=RenderConfig(width=W, height=H))
    assert res.frames == 3 and res.cameras == ["Replicator"]
    return out


def _json(path: Path):
    return json.loads(path.read_text())


def _colors(img: np.ndarray) -> dict[str, np.ndarray]:
    """Colour key → boolean mask."""
    flat = img.reshape(-1, 4)
    keys, inv = np.unique(flat, axis=0, return_inverse=True)
    return {f"({k[0]}, {k[1]}, {k[2]}, {k[3]})": (inv.reshape(img.shape[:2]) == i) for i, k in enumerate(keys)}


def test_file_names_are_basicwriter_names(dataset):
    want = {f"{stem}_{f:04d}.{ext}" for stem, ext in STEMS.items() for f in range(3)}
    assert {p.name for p in dataset.iterdir()} == want


def test_json_schemas_match_basicwriter(dataset):
    for f in range(3):
        n = f"{f:04d}"
        sem = _json(dataset / f"semantic_segmentation_labels_{n}.json")
        assert all(COLOR_KEY.match(k) and set(v) == {"class"} for k, v in sem.items())
        assert sem["(0, 0, 0, 0)"] == {"class": "BACKGROUND"}
        inst = _json(dataset / f"instance_segmentation_mapping_{n}.json")
        assert all(COLOR_KEY.match(k) and isinstance(v, str) for k, v in inst.items())
        assert all(v.startswith("/World/") or v in ("BACKGROUND", "UNLABELLED") for v in inst.values())
        inst_sem = _json(dataset / f"instance_segmentation_semantics_mapping_{n}.json")
        assert set(inst_sem) <= set(inst) and all(set(v) == {"class"} for v in inst_sem.values())
        boxes = np.load(dataset / f"bounding_box_2d_tight_{n}.npy")
        assert boxes.dtype == np.dtype(BBOX_FIELDS)
        labels = _json(dataset / f"bounding_box_2d_tight_labels_{n}.json")
        assert {str(int(s)) for s in boxes["semanticId"]} == set(labels)
        assert all(set(v) == {"class"} for v in labels.values())
        paths = _json(dataset / f"bounding_box_2d_tight_prim_paths_{n}.json")
        assert isinstance(paths, list) and len(paths) == len(boxes)
        cam = _json(dataset / f"camera_params_{n}.json")
        assert set(cam) == CAMERA_KEYS
        assert len(cam["cameraViewTransform"]) == 16 and len(cam["cameraProjection"]) == 16
        assert cam["renderProductResolution"] == [W, H] and cam["cameraModel"] == "pinhole"
        depth = np.load(dataset / f"distance_to_camera_{n}.npy")
        assert depth.dtype == np.float32 and depth.shape == (H, W)
        with Image.open(dataset / f"rgb_{n}.png") as im:
            assert im.mode == "RGBA" and im.size == (W, H)


def test_every_visible_labelled_object_has_a_mask_and_a_box_of_its_class(dataset):
    seen_objects = set()
    for f in range(3):
        n = f"{f:04d}"
        inst_img = np.asarray(Image.open(dataset / f"instance_segmentation_{n}.png"))
        sem_img = np.asarray(Image.open(dataset / f"semantic_segmentation_{n}.png"))
        inst_map = _json(dataset / f"instance_segmentation_mapping_{n}.json")
        inst_sem = _json(dataset / f"instance_segmentation_semantics_mapping_{n}.json")
        sem_labels = _json(dataset / f"semantic_segmentation_labels_{n}.json")
        boxes = np.load(dataset / f"bounding_box_2d_tight_{n}.npy")
        box_labels = _json(dataset / f"bounding_box_2d_tight_labels_{n}.json")
        paths = _json(dataset / f"bounding_box_2d_tight_prim_paths_{n}.json")
        masks = _colors(inst_img)
        assert set(masks) <= set(inst_map), "every instance colour is in the mapping"
        labelled = {k: v for k, v in inst_map.items() if v not in ("BACKGROUND", "UNLABELLED")}
        assert labelled, "something labelled is in view"
        for key, path in labelled.items():
            mask = masks.get(key)
            assert mask is not None and mask.any(), f"{path} is in the mapping but has no pixels"
            cls = inst_sem[key]["class"]
            # the semantic mask under the instance is one colour, of the same class
            sem_keys = {f"({r}, {g}, {b}, {a})" for r, g, b, a in sem_img[mask]}
            assert len(sem_keys) == 1 and sem_labels[sem_keys.pop()]["class"] == cls
            # one tight box, same class, enclosing exactly the mask
            row = paths.index(path)
            b = boxes[row]
            assert box_labels[str(int(b["semanticId"]))]["class"] == cls
            ys, xs = np.nonzero(mask)
            assert (b["x_min"], b["y_min"], b["x_max"], b["y_max"]) == (xs.min(), ys.min(), xs.max(), ys.max())
            assert 0.0 <= b["occlusionRatio"] <= 1.0
            if path.startswith("/World/Objects/"):
                seen_objects.add(path)
        assert len(paths) == len(labelled)
    assert len(seen_objects) >= 3


def test_depth_and_camera_params_reproduce_the_floor(dataset):
    """Back-project floor pixels with the written camera parameters: they land on z = 0 (within 1 %)."""
    for f in range(3):
        n = f"{f:04d}"
        cam = _json(dataset / f"camera_params_{n}.json")
        depth = np.load(dataset / f"distance_to_camera_{n}.npy")
        inst_img = np.asarray(Image.open(dataset / f"instance_segmentation_{n}.png"))
        inst_map = _json(dataset / f"instance_segmentation_mapping_{n}.json")
        floor_key = next(k for k, v in inst_map.items() if v == "/World/Rooms/living_room/Floor")
        floor = _colors(inst_img)[floor_key]
        view = np.array(cam["cameraViewTransform"]).reshape(4, 4).T  # row-major Gf → column vectors
        proj = np.array(cam["cameraProjection"]).reshape(4, 4).T
        cam_to_world = np.linalg.inv(view)
        ys, xs = np.nonzero(floor)
        ndc = np.stack([(xs + 0.5) / W * 2 - 1, 1 - (ys + 0.5) / H * 2, np.ones_like(xs, float), np.ones_like(xs, float)])
        d = np.linalg.inv(proj) @ ndc
        d = d[:3] / np.linalg.norm(d[:3], axis=0)
        pts = cam_to_world[:3, :3] @ (d * depth[ys, xs]) + cam_to_world[:3, 3:4]
        assert np.abs(pts[2]).max() < 0.01 * depth[ys, xs].max()
        assert np.isinf(depth[~np.any(inst_img[..., :3] > 0, axis=-1) & (inst_img[..., 3] == 0)]).all()


def test_several_cameras_use_render_product_folders(tmp_path):
    out = tmp_path / "multi"
    res = write_dataset(world_dir(), out, frames=1, cameras=2, config=RenderConfig(width=64, height=48))
    assert res.cameras == ["Replicator", "Replicator_01"]
    for rp in res.cameras:
        assert (out / rp / "rgb" / "rgb_0000.png").is_file()
        assert (out / rp / "bounding_box_2d_tight" / "bounding_box_2d_tight_labels_0000.json").is_file()
        assert (out / rp / "instance_segmentation" / "instance_segmentation_semantics_mapping_0000.json").is_file()
        assert (out / rp / "camera_params" / "camera_params_0000.json").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["Replicator", "Replicator_01"]


def test_a_sequence_of_stages_gives_one_variant_per_frame(tmp_path):
    base = Usd.Stage.Open(str(world_dir() / "world.usda"))
    variant = Usd.Stage.Open(Sdf.Layer.CreateAnonymous(".usda"))
    variant.GetRootLayer().TransferContent(base.GetRootLayer())
    for name in ("sofa_0", "armchair_0", "coffee_table_0", "vase_0", "bookcase_0"):
        variant.GetPrimAtPath(f"/World/Objects/living_room/{name}").SetActive(False)
    out = tmp_path / "seq"
    write_dataset([base, variant], out, config=RenderConfig(width=64, height=48))
    first = _json(out / "instance_segmentation_mapping_0000.json").values()
    second = _json(out / "instance_segmentation_mapping_0001.json").values()
    assert any(v.startswith("/World/Objects/") for v in first)
    assert not any(v.startswith("/World/Objects/") for v in second)
    with pytest.raises(InputError, match="one stage per frame"):
        write_dataset([base, variant], tmp_path / "bad", frames=3)


@pytest.mark.parametrize("frames", [0, -2])
def test_bad_frames_are_input_errors(tmp_path, frames):
    with pytest.raises(InputError, match="frames"):
        write_dataset(world_dir(), tmp_path / "x", frames=frames)
    assert not (tmp_path / "x").exists()


def test_missing_world_and_bad_sizes(tmp_path):
    with pytest.raises(WorldFormatError):
        write_dataset(tmp_path / "nope", tmp_path / "x", frames=1)
    with pytest.raises(InputError, match="width"):
        write_dataset(world_dir(), tmp_path / "x", frames=1, config=RenderConfig(width=0))


def test_cli_dataset_and_render(tmp_path, capsys):
    assert main(["dataset", str(world_dir()), "--frames", "1", "--out", str(tmp_path / "d"),
                 "--width", "48", "--height", "32"]) == 0
    assert (tmp_path / "d" / "bounding_box_2d_tight_0000.npy").is_file()
    assert main(["render", str(world_dir()), "--out", str(tmp_path / "r"), "--panorama", "--width", "128",
                 "--views", "1"]) == 0
    for name in ("plan.png", "panorama.png", "render.json"):
        assert (tmp_path / "r" / name).is_file()
    with Image.open(tmp_path / "r" / "panorama.png") as im:
        assert im.size == (128, 64)
    assert main(["dataset", str(world_dir()), "--frames", "0", "--out", str(tmp_path / "e")]) == 2
    assert main(["render", str(tmp_path / "missing"), "--out", str(tmp_path / "f")]) == 2
    assert main(["render", str(world_dir()), "--out", str(tmp_path / "g"), "--width", "-1"]) == 2
    err = capsys.readouterr().err
    assert "error: frames must be a whole number" in err and "error: no such world" in err
