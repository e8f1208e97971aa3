"""Dataset export in Omniverse Replicator's ``BasicWriter`` layout, rendered on the CPU.

Per frame and camera (``XXXX`` is the zero-padded frame number)::

    rgb_XXXX.png                                  RGBA uint8
    distance_to_camera_XXXX.npy                   float32 H×W meters, inf where nothing is hit
    semantic_segmentation_XXXX.png                RGBA colours, one per class
    semantic_segmentation_labels_XXXX.json        {"(r, g, b, a)": {"class": "sofa"}}
    instance_segmentation_XXXX.png                RGBA colours, one per labelled prim
    instance_segmentation_mapping_XXXX.json       {"(r, g, b, a)": "/World/Objects/sofa_0"}
    instance_segmentation_semantics_mapping_XXXX.json  {"(r, g, b, a)": {"class": "sofa"}}
    bounding_box_2d_tight_XXXX.npy                structured (semanticId, x_min, y_min, x_max, y_max, occlusionRatio)
    bounding_box_2d_tight_labels_XXXX.json        {"<semanticId>": {"class": "sofa"}}
    bounding_box_2d_tight_prim_paths_XXXX.json    ["/World/Objects/sofa_0", ...] (rows of the .npy)
    camera_params_XXXX.json                       cameraViewTransform, cameraProjection, ...

With one camera the files lie in the output folder; with several, BasicWriter's multi render
product layout ``<render_product>/<annotator>/<file>`` is used, the render products being named
``Replicator``, ``Replicator_01``, ... as Replicator names them. See docs/rendering.md.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pxr import Usd, UsdGeom

from ..config import RenderConfig
from ..errors import InputError
from ..io import atomic_dir, write_json
from ..world.stage import open_stage
from .base import BBOX_DTYPE, Renderer, RenderResult, get_renderer, semantic_ids, tight_boxes
from .cameras import HORIZONTAL_APERTURE_MM, Camera, object_views, room_views
from .files import write_npy, write_png
from .scene import BACKGROUND, UNLABELLED

ProgressFn = Callable[[str, int, int], None]
StageLike = Usd.Stage | str | Path
PADDING = 4
BACKGROUND_RGBA = (0, 0, 0, 0)
UNLABELLED_RGBA = (0, 0, 0, 255)


@dataclass
class DatasetResult:
    """What :func:`write_dataset` wrote."""

    out: Path
    frames: int
    cameras: list[str]
    files: int
    seconds: float


def id_color(i: int) -> tuple[int, int, int, int]:
    """A distinct opaque colour for id ``i`` ≥ 1 (an odd multiplier is a bijection modulo 2²⁴)."""
    v = (int(i) * 2654435761) & 0xFFFFFF
    return ((v >> 16) & 255, (v >> 8) & 255, v & 255, 255)


def color_key(rgba: Sequence[int]) -> str:
    """Replicator's JSON key for a colour: ``"(r, g, b, a)"``."""
    return "(" + ", ".join(str(int(c)) for c in rgba) + ")"


def camera_params(camera: Camera) -> dict:
    """Replicator's ``camera_params`` for ``camera`` (row-major 4×4s flattened, as ``Gf.Matrix4d``)."""
    pano = camera.kind == "equirect"
    return {
        "cameraAperture": [HORIZONTAL_APERTURE_MM, HORIZONTAL_APERTURE_MM * camera.height / camera.width],
        "cameraApertureOffset": [0.0, 0.0],
        "cameraFisheyeLensP": [],
        "cameraFisheyeLensS": [],
        "cameraFisheyeMaxFOV": 360.0 if pano else 0.0,
        "cameraFisheyeNominalHeight": camera.height if pano else 0,
        "cameraFisheyeNominalWidth": camera.width if pano else 0,
        "cameraFisheyeOpticalCentre": [camera.width / 2, camera.height / 2] if pano else [0.0, 0.0],
        "cameraFisheyePolynomial": [0.0, 0.0, 0.0, 0.0, 0.0],
        "cameraFocalLength": camera.focal_length_mm,
        "cameraFocusDistance": 400.0,
        "cameraFStop": 0.0,
        "cameraModel": "fisheyeSpherical" if pano else ("orthographic" if camera.kind == "orthographic" else "pinhole"),
        "cameraNearFar": [camera.near, camera.far],
        "cameraProjection": camera.projection_matrix().T.reshape(-1).tolist(),
        "cameraViewTransform": camera.view_matrix().T.reshape(-1).tolist(),
        "metersPerSceneUnit": 1.0,
        "renderProductResolution": [camera.width, camera.height],
    }


def stage_cameras(stage: Usd.Stage, width: int, height: int) -> list[Camera]:
    """Cameras authored in the stage (``UsdGeom.Camera`` prims, e.g. by the randomizer), in stage order."""
    out = []
    cache = UsdGeom.XformCache()
    for prim in stage.Traverse():
        if not prim.IsA(UsdGeom.Camera):
            continue
        cam = UsdGeom.Camera(prim)
        m = np.array(cache.GetLocalToWorldTransform(prim), dtype=np.float64)  # row vectors
        eye = m[3, :3]
        fwd, up = -m[2, :3], m[1, :3]
        focal = float(cam.GetFocalLengthAttr().Get() or 18.15)
        aperture = float(cam.GetHorizontalApertureAttr().Get() or HORIZONTAL_APERTURE_MM)
        hfov = math.degrees(2 * math.atan(aperture / (2 * focal)))
        clip = cam.GetClippingRangeAttr().Get()
        near, far = (float(clip[0]), float(clip[1])) if clip else (0.05, 100.0)
        out.append(Camera(tuple(eye), tuple(eye + fwd), width, height, min(170.0, hfov), up=tuple(up),
                          near=max(near, 1e-3), far=max(far, near + 1.0), name=prim.GetName()))
    return out


def viewpoints(stage: Usd.Stage, width: int, height: int, hfov_deg: float) -> list[Camera]:
    """A pool of automatic viewpoints: the room corners (in a home: each room's widest view), then one
    looking at each floor object (in a home the rooms take turns), so frames spread over the rooms."""
    return room_views(stage, width, height, hfov_deg) + object_views(stage, width, height, min(hfov_deg, 70.0))


def _frame_cameras(stage: Usd.Stage, frame: int, n_cams: int, cfg: RenderConfig,
                   pools: dict[int, list[Camera]]) -> list[Camera]:
    authored = stage_cameras(stage, cfg.width, cfg.height)
    if authored:
        return authored[:n_cams]
    if id(stage) not in pools:
        pools.clear()
        pools[id(stage)] = viewpoints(stage, cfg.width, cfg.height, cfg.hfov_deg)
    pool = pools[id(stage)]
    return [pool[(frame * n_cams + k) % len(pool)] for k in range(n_cams)]


def write_frame(folder: Path, frame: int, result: RenderResult) -> int:
    """Write one frame of one camera in BasicWriter's file names; return the number of files written."""
    n = f"{frame:0{PADDING}d}"
    h, w = result.instance_ids.shape
    rgba = np.dstack([result.rgb, np.full((h, w), 255, np.uint8)])
    write_png(folder / f"rgb_{n}.png", rgba)
    write_npy(folder / f"distance_to_camera_{n}.npy", result.depth.astype(np.float32))

    visible = result.visible()
    labels = [inst.label for inst in result.instances.values()]
    sem_ids = semantic_ids(labels)
    # semantic segmentation: one colour per class in view
    lut_sem = np.zeros((max(result.instances, default=0) + 1, 4), np.uint8)
    lut_ins = np.zeros_like(lut_sem)
    sem_json: dict[str, dict] = {color_key(BACKGROUND_RGBA): {"class": BACKGROUND}}
    ins_json: dict[str, str] = {color_key(BACKGROUND_RGBA): BACKGROUND}
    ins_sem_json: dict[str, dict] = {}
    for iid in visible:
        inst = result.instances[iid]
        if inst.label == UNLABELLED:
            lut_sem[iid] = lut_ins[iid] = UNLABELLED_RGBA
            sem_json[color_key(UNLABELLED_RGBA)] = {"class": UNLABELLED}
            ins_json[color_key(UNLABELLED_RGBA)] = UNLABELLED
            continue
        sc, ic = id_color(sem_ids[inst.label]), id_color(iid + 1000)
        lut_sem[iid], lut_ins[iid] = sc, ic
        sem_json[color_key(sc)] = {"class": inst.label}
        ins_json[color_key(ic)] = inst.path
        ins_sem_json[color_key(ic)] = {"class": inst.label}
    write_png(folder / f"semantic_segmentation_{n}.png", lut_sem[result.instance_ids])
    write_json(folder / f"semantic_segmentation_labels_{n}.json", sem_json)
    write_png(folder / f"instance_segmentation_{n}.png", lut_ins[result.instance_ids])
    write_json(folder / f"instance_segmentation_mapping_{n}.json", ins_json)
    write_json(folder / f"instance_segmentation_semantics_mapping_{n}.json", ins_sem_json)

    boxes = tight_boxes(result)
    arr = np.zeros(len(boxes), dtype=BBOX_DTYPE)
    box_labels: dict[str, dict] = {}
    for k, b in enumerate(boxes):
        sid = sem_ids[b.instance.label]
        arr[k] = (sid, b.x_min, b.y_min, b.x_max, b.y_max, b.occlusion)
        box_labels[str(sid)] = {"class": b.instance.label}
    write_npy(folder / f"bounding_box_2d_tight_{n}.npy", arr)
    write_json(folder / f"bounding_box_2d_tight_labels_{n}.json", box_labels)
    write_json(folder / f"bounding_box_2d_tight_prim_paths_{n}.json", [b.instance.path for b in boxes])
    write_json(folder / f"camera_params_{n}.json", camera_params(result.camera))
    return 11


ANNOTATOR_FILES = {
    "rgb": ("rgb",),
    "distance_to_camera": ("distance_to_camera",),
    "semantic_segmentation": ("semantic_segmentation", "semantic_segmentation_labels"),
    "instance_segmentation": ("instance_segmentation", "instance_segmentation_mapping",
                              "instance_segmentation_semantics_mapping"),
    "bounding_box_2d_tight": ("bounding_box_2d_tight", "bounding_box_2d_tight_labels",
                              "bounding_box_2d_tight_prim_paths"),
    "camera_params": ("camera_params",),
}
"""BasicWriter's annotators and the file stems each writes (its multi-camera sub-folders)."""


def render_product_name(k: int) -> str:
    """Replicator's default name of the ``k``-th render product: ``Replicator``, ``Replicator_01``, ..."""
    return "Replicator" if k == 0 else f"Replicator_{k:02d}"


def _split_by_annotator(flat: Path, dest: Path, frame: int) -> None:
    n = f"{frame:0{PADDING}d}"
    for annotator, stems in ANNOTATOR_FILES.items():
        sub = dest / annotator
        sub.mkdir(parents=True, exist_ok=True)
        for stem in stems:
            for f in flat.glob(f"{stem}_{n}.*"):
                f.rename(sub / f.name)


def _stages(world: StageLike | Sequence[StageLike], frames: int | None) -> tuple[list[StageLike], int]:
    if isinstance(world, (Usd.Stage, str, Path)):
        seq: list[StageLike] = [world]
        if frames is None:
            raise InputError("give the number of frames")
    else:
        seq = list(world)
        if not seq:
            raise InputError("no stages given")
        if frames is None:
            frames = len(seq)
        elif len(seq) != frames:
            raise InputError(f"{len(seq)} stages for {frames} frames: give one stage per frame (or a single one)")
    if isinstance(frames, bool) or not isinstance(frames, int) or frames <= 0:
        raise InputError(f"frames must be a whole number ≥ 1, got {frames!r}")
    return seq, frames


def write_dataset(world: StageLike | Sequence[StageLike], out: str | Path, frames: int | None = None,
                  cameras: int | None = None, config: RenderConfig | None = None, renderer: Renderer | None = None,
                  force: bool = False, progress: ProgressFn | None = None) -> DatasetResult:
    """Render ``frames`` frames of a world into ``out`` in Replicator BasicWriter's layout.

    Args:
        world: a stage or world path, or a sequence of them, one per frame (e.g. randomized variants).
        out: the dataset folder (created atomically; must be absent or empty unless ``force``).
        frames: number of frames (defaults to the length of the sequence).
        cameras: cameras per frame; defaults to the cameras authored under the stage
            (``UsdGeom.Camera`` prims) or ``config.dataset_cameras`` automatic viewpoints.
        config: image size, field of view, renderer name and samples.
        renderer: a renderer to reuse (else one named by ``config.renderer``).
        force: replace a non-empty ``out``.
        progress: optional ``progress(message, step, total)`` callback.

    Raises:
        InputError: frames ≤ 0, a stage count that does not match, bad sizes or camera count.
        WorldFormatError: a missing or malformed world.
    """
    import time

    cfg = config or RenderConfig()
    seq, frames = _stages(world, frames)
    if cameras is not None and (isinstance(cameras, bool) or not isinstance(cameras, int) or cameras <= 0):
        raise InputError(f"cameras must be a whole number ≥ 1, got {cameras!r}")
    from .cameras import check_size

    check_size(cfg.width, cfg.height)
    opened: dict[int, Usd.Stage] = {}
    pools: dict[int, list[Camera]] = {}

    def stage_at(f: int) -> Usd.Stage:
        item = seq[f if len(seq) > 1 else 0]
        key = id(item)
        if key not in opened:
            opened.clear()  # keep one stage open at a time
            opened[key] = item if isinstance(item, Usd.Stage) else open_stage(item)
        return opened[key]

    first = stage_at(0)
    n_cams = cameras or len(stage_cameras(first, cfg.width, cfg.height)) or cfg.dataset_cameras
    own = renderer is None
    rend = renderer or get_renderer(cfg.renderer, samples=cfg.samples, denoise=cfg.denoise)
    t0 = time.perf_counter()
    files = 0
    names: list[str] = []
    try:
        with atomic_dir(out, force) as tmp:
            for f in range(frames):
                stage = stage_at(f)
                cams = _frame_cameras(stage, f, n_cams, cfg, pools)
                names = [render_product_name(k) for k in range(len(cams))]
                for k, cam in enumerate(cams):
                    if progress:
                        progress(f"frame {f + 1}/{frames}", f * len(cams) + k, frames * len(cams))
                    result = rend.render(stage, cam)
                    if len(cams) == 1:
                        files += write_frame(tmp, f, result)
                    else:
                        flat = tmp / ".frame"
                        flat.mkdir(exist_ok=True)
                        files += write_frame(flat, f, result)
                        _split_by_annotator(flat, tmp / names[k], f)
            if (tmp / ".frame").exists():
                (tmp / ".frame").rmdir()
    finally:
        if own:
            rend.close()
    return DatasetResult(Path(out).expanduser().absolute(), frames, names, files, time.perf_counter() - t0)


def read_labels(path: str | Path) -> dict:
    """Read one of the JSON files (a small convenience for users and tests)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
