"""The quality renderer: Blender (``bpy`` 4.5 LTS, as a Python module) with Cycles on the CPU.

Blender imports the USD stage itself (meshes with their authored normals and UVs, UsdPreviewSurface
materials with their ``UsdUVTexture`` images, UsdLux lights); the dome light becomes the world colour. One render gives the
denoised image (OpenImageDenoise), the ``Depth`` pass and the ``IndexOB`` pass (each mesh's
``pass_index`` is the id of its instance), written by compositor File Output nodes as 32-bit EXR
and read back through ``bpy``. Panoramas use Cycles' true equirectangular camera.

Blender 5.0 renamed passes and compositor/EXR settings: this module is pinned to 4.x (4.5 LTS).
"""

from __future__ import annotations

import math
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from pxr import Usd

from ..errors import GeneralistError, InputError
from .base import RenderResult
from .cameras import Camera
from .scene import SceneData, scene_from_stage

_SUFFIX = re.compile(r"\.\d{3,}$")
WATTS_PER_M2 = 12.0
"""Total power of the stage's lamps in Blender watts per square meter of the world's footprint."""


def _bpy():
    try:
        import bpy
    except ImportError:  # pragma: no cover - the render extra is missing
        raise GeneralistError("the quality renderer needs Blender as a module: pip install 'bpy>=4.5,<4.6'") from None
    if not (4, 2) <= tuple(bpy.app.version[:2]) < (5, 0):
        raise GeneralistError(f"the quality renderer is pinned to Blender 4.5 LTS; found {bpy.app.version_string}")
    return bpy


def _object_path(obj) -> str:
    names = []
    while obj is not None:
        names.append(_SUFFIX.sub("", obj.name))
        obj = obj.parent
    return "/" + "/".join(reversed(names))


class CyclesRenderer:
    """Cycles path tracer on the CPU. Reuse one for many frames of the same world."""

    name = "quality"

    def __init__(self, samples: int = 8, denoise: bool = True, threads: int = 0):
        if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
            raise InputError(f"samples must be a whole number ≥ 1, got {samples!r}")
        self.samples = samples
        self.denoise = denoise
        self.threads = threads
        self._key: tuple | None = None
        self._scene: SceneData | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="og-cycles-")

    def close(self) -> None:
        """Forget the loaded world and remove temporary files."""
        self._key = None
        self._scene = None
        self._tmp.cleanup()

    # -- loading ------------------------------------------------------------------------------
    def _load(self, stage: Usd.Stage, hide: frozenset[str]) -> SceneData:
        key = (id(stage), stage.GetRootLayer().identifier, hide)
        if self._key == key and self._scene is not None:
            return self._scene
        bpy = _bpy()
        bpy.ops.wm.read_factory_settings(use_empty=True)
        usd = Path(self._tmp.name) / "world.usdc"
        stage.Export(str(usd))
        _textures_beside(stage, usd.parent)
        res = bpy.ops.wm.usd_import(filepath=str(usd), import_cameras=False, import_lights=True,
                                    import_materials=True, import_usd_preview=True, merge_parent_xform=False,
                                    import_guide=False, import_proxy=False, create_collection=False)
        if "FINISHED" not in res:
            raise GeneralistError("Blender could not import the world")
        scene = scene_from_stage(stage)
        ids = sorted(((i.path, i.id) for i in scene.instances), key=lambda t: -len(t[0]))
        for obj in bpy.data.objects:
            path = _object_path(obj)
            if obj.type == "MESH":
                obj.pass_index = next((iid for p, iid in ids if path == p or path.startswith(p + "/")), 0)
            if any(path == h or path.startswith(h.rstrip("/") + "/") for h in hide):
                obj.hide_render = True
        self._normalise_lights(bpy, scene)
        self._setup_scene(bpy, scene)
        self._key, self._scene = key, scene
        return scene

    @staticmethod
    def _normalise_lights(bpy, scene: SceneData) -> None:
        """Scale the imported lights to a fixed power per floor area, keeping their ratios.

        Stage intensities are authored for RTX (nits); Blender's importer turns them into watts that
        burn a room out. What matters for a look is the ratio between lamps, so the total is set to
        :data:`WATTS_PER_M2` times the floor area.
        """
        lights = [o for o in bpy.data.objects if o.type == "LIGHT" and o.data.type != "SUN"]
        total = sum(o.data.energy for o in lights)
        if total <= 0:
            return
        lo, hi = scene.bounds
        area = max(4.0, float((hi[0] - lo[0]) * (hi[1] - lo[1])))
        k = WATTS_PER_M2 * area / total
        for o in lights:
            o.data.energy *= k

    def _setup_scene(self, bpy, scene: SceneData) -> None:
        sc = bpy.context.scene
        sc.render.engine = "CYCLES"
        cy = sc.cycles
        cy.device = "CPU"
        cy.samples = self.samples
        cy.use_adaptive_sampling = False
        cy.use_denoising = self.denoise
        if self.denoise:
            cy.denoiser = "OPENIMAGEDENOISE"
            # the albedo pass keeps texture detail (wood grain, mortar) that colour-only denoising
            # smears at 8 spp; measured on 2 cores, 480×360: no slower (45 s against 51 s, noisy);
            # the fast prefilter saves a little more
            cy.denoising_input_passes = "RGB_ALBEDO"
            cy.denoising_prefilter = "FAST"
        cy.use_light_tree = False          # a handful of lamps: the light tree costs ~1.7 s a frame
        sc.render.use_persistent_data = True  # keep the BVH between frames of one world
        cy.max_bounces = 3              # enough for a lit interior; each bounce costs a lot on 2 cores
        cy.diffuse_bounces = 2
        cy.glossy_bounces = 1
        cy.transmission_bounces = 2
        cy.transparent_max_bounces = 2
        cy.volume_bounces = 0
        cy.caustics_reflective = cy.caustics_refractive = False
        cy.blur_glossy = 1.0
        cy.sample_clamp_indirect = 10.0
        cy.pixel_filter_type = "BLACKMAN_HARRIS"
        sc.render.threads_mode = "FIXED" if self.threads else "AUTO"
        if self.threads:
            sc.render.threads = self.threads
        sc.render.film_transparent = False
        sc.view_settings.view_transform = "AgX"
        sc.view_settings.look = "None"
        sc.view_settings.exposure = 0.0
        # the dome light becomes a uniform world colour
        world = bpy.data.worlds.new("dome")
        world.use_nodes = True
        dome = [lt for lt in scene.lights if lt.kind == "dome"]
        bg = world.node_tree.nodes.get("Background")
        if dome:
            bg.inputs["Color"].default_value = (*dome[0].color, 1.0)
            bg.inputs["Strength"].default_value = min(3.0, dome[0].intensity / 300.0)
        else:
            bg.inputs["Strength"].default_value = 0.3
        sc.world = world
        layer = sc.view_layers[0]
        layer.use_pass_z = True
        layer.use_pass_object_index = True
        sc.use_nodes = True
        tree = sc.node_tree
        tree.nodes.clear()
        rl = tree.nodes.new("CompositorNodeRLayers")
        comp = tree.nodes.new("CompositorNodeComposite")
        tree.links.new(rl.outputs["Image"], comp.inputs["Image"])
        out = tree.nodes.new("CompositorNodeOutputFile")
        out.base_path = str(Path(self._tmp.name) / "passes")
        out.format.file_format = "OPEN_EXR"
        out.format.color_depth = "32"
        out.format.exr_codec = "NONE"
        out.file_slots.clear()
        for name, socket in (("depth", "Depth"), ("index", "IndexOB")):
            out.file_slots.new(name)
            tree.links.new(rl.outputs[socket], out.inputs[name])

    # -- rendering ----------------------------------------------------------------------------
    def _camera(self, bpy, camera: Camera):
        sc = bpy.context.scene
        cam = bpy.data.objects.get("og_camera")
        if cam is None:
            cam = bpy.data.objects.new("og_camera", bpy.data.cameras.new("og_camera"))
            sc.collection.objects.link(cam)
        sc.camera = cam
        data = cam.data
        data.clip_start, data.clip_end = camera.near, camera.far
        if camera.kind == "perspective":
            data.type = "PERSP"
            data.sensor_fit = "HORIZONTAL"
            data.angle = math.radians(camera.hfov_deg)
        elif camera.kind == "orthographic":
            data.type = "ORTHO"
            data.sensor_fit = "HORIZONTAL"
            data.ortho_scale = camera.ortho_width
        else:
            data.type = "PANO"
            data.panorama_type = "EQUIRECTANGULAR"
        r, u, b = camera.basis()
        if camera.kind == "equirect":  # Cycles' equirect centre looks along the camera's −Z like ours
            fwd = -b.copy()
            fwd[2] = 0.0
            fwd /= np.linalg.norm(fwd) or 1.0
            b = -fwd
            u = np.array([0.0, 0.0, 1.0])
            r = np.cross(u, b)
        m = np.eye(4)
        m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = r, u, b, camera.eye
        from mathutils import Matrix

        cam.matrix_world = Matrix(m.tolist())
        sc.render.resolution_x, sc.render.resolution_y = camera.width, camera.height
        sc.render.resolution_percentage = 100
        sc.render.pixel_aspect_x = sc.render.pixel_aspect_y = 1.0

    def render(self, stage: Usd.Stage, camera: Camera, hide: frozenset[str] = frozenset(),
               occlusion: bool = True) -> RenderResult:
        """Render ``stage`` through ``camera`` with Cycles; see :class:`~.base.RenderResult`.

        Occlusion ratios (``occlusion=True``) are counted with the fast rasteriser from the same camera.
        """
        if "bpy" not in sys.modules and "sapien" in sys.modules:
            # SAPIEN and Blender both bundle OpenImageDenoise: bpy cannot load into a process that
            # already holds SAPIEN (a validation ran here), so this frame renders in a fresh process
            return _render_in_child(stage, camera, hide, occlusion, self.samples, self.denoise, self.threads)
        t0 = time.perf_counter()
        bpy = _bpy()
        hide = frozenset(hide)
        scene = self._load(stage, hide)
        self._camera(bpy, camera)
        passes = Path(self._tmp.name) / "passes"
        for f in passes.glob("*.exr"):
            f.unlink()
        sc = bpy.context.scene
        sc.frame_set(1)
        still = Path(self._tmp.name) / "rgb.png"
        sc.render.filepath = str(still)
        sc.render.image_settings.file_format = "PNG"
        sc.render.image_settings.color_mode = "RGB"
        sc.render.image_settings.color_depth = "8"
        bpy.ops.render.render(write_still=True)
        from PIL import Image

        with Image.open(still) as im:
            rgb = np.asarray(im.convert("RGB"), dtype=np.uint8).copy()
        depth = self._read_exr(bpy, passes / "depth0001.exr", camera)
        index = self._read_exr(bpy, passes / "index0001.exr", camera)
        ids = np.rint(index).astype(np.int32)
        depth = np.where((ids > 0) & (depth < 1e9), depth, np.inf).astype(np.float32)
        if camera.kind == "perspective":  # Cycles' Depth pass is along the view axis: make it radial
            fwd = -camera.basis()[2]
            depth = (depth / np.maximum(camera.ray_directions() @ fwd, 1e-6)).astype(np.float32)
        unocc: dict[int, int] = {}
        if occlusion and camera.kind != "equirect":
            from .raster import RasterRenderer

            fast = RasterRenderer(samples=0)
            try:
                unocc = fast.render(stage, camera, hide).unoccluded
            finally:
                fast.close()
        instances = {i.id: i for i in scene.instances}
        return RenderResult(rgb, depth, ids, instances, camera, unocc, time.perf_counter() - t0)

    @staticmethod
    def _read_exr(bpy, path: Path, camera: Camera) -> np.ndarray:
        if not path.is_file():
            raise GeneralistError(f"Cycles wrote no {path.name}")
        img = bpy.data.images.load(str(path), check_existing=False)
        try:
            img.colorspace_settings.name = "Non-Color"
            w, h = img.size
            buf = np.empty(w * h * 4, np.float32)
            img.pixels.foreach_get(buf)
        finally:
            bpy.data.images.remove(img)
        if (w, h) != (camera.width, camera.height):
            raise GeneralistError(f"Cycles pass {path.name} is {w}×{h}, expected {camera.width}×{camera.height}")
        return buf.reshape(h, w, 4)[::-1, :, 0].copy()


def _child_render(path: str, camera: Camera, hide: frozenset[str], occlusion: bool, samples: int, denoise: bool,
                  threads: int) -> RenderResult:
    renderer = CyclesRenderer(samples=samples, denoise=denoise, threads=threads)
    try:
        return renderer.render(Usd.Stage.Open(path), camera, hide, occlusion)
    finally:
        renderer.close()


def _render_in_child(stage: Usd.Stage, camera: Camera, hide, occlusion: bool, samples: int, denoise: bool,
                     threads: int) -> RenderResult:
    """Render one frame with Cycles in a spawned process (the world travels as a flattened file)."""
    import multiprocessing

    with tempfile.TemporaryDirectory(prefix="og-cycles-child-") as tmp:
        path = str(Path(tmp) / "world.usdc")
        stage.Flatten().Export(path)
        _textures_beside(stage, Path(tmp))
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            return pool.apply(_child_render, (path, camera, frozenset(hide), occlusion, samples, denoise, threads))


def _textures_beside(stage: Usd.Stage, folder: Path) -> None:
    """Put the generated textures the stage's layers name (``./textures/...``) into ``folder/textures``,
    where the exported copy of the stage looks for them."""
    from ..assets.textures import copy_world_textures

    for layer in stage.GetLayerStack(includeSessionLayers=False):
        copy_world_textures(layer, folder)
