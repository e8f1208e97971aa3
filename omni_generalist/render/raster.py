"""The fast renderer: OpenGL 3.3 through moderngl on Mesa's EGL (llvmpipe on the CPU, no display).

One draw gives distance to the camera and instance ids (unfiltered); colour is drawn again into a
4× multisampled target and resolved (anti-aliasing). Occlusion ratios come from one occlusion query per visible instance drawn alone.
Panoramas are six 90° cube faces resampled to equirectangular. Shading is a preview model:
hemisphere ambient, the stage's point lights (no shadows), a head light and a little specular;
diffuse textures (``UsdUVTexture`` on ``diffuseColor``) are sampled from one mipmapped texture array.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np
from pxr import Tf, Usd

from ..errors import GeneralistError
from .base import RenderResult
from .cameras import Camera
from .scene import SceneData, scene_from_stage

MAX_LIGHTS = 16

_VERT = """
#version 330
uniform mat4 mvp;
in vec3 in_pos; in vec3 in_nrm; in vec3 in_alb; in vec3 in_mat; in float in_id; in vec2 in_uv; in float in_tex;
out vec3 v_pos; out vec3 v_nrm; out vec3 v_alb; out vec3 v_mat; flat out float v_id; out vec2 v_uv; flat out float v_tex;
void main() {
    gl_Position = mvp * vec4(in_pos, 1.0);
    v_pos = in_pos; v_nrm = in_nrm; v_alb = in_alb; v_mat = in_mat; v_id = in_id; v_uv = in_uv; v_tex = in_tex;
}
"""

_FRAG = """
#version 330
uniform vec3 eye;
uniform vec3 view_dir;
uniform int ortho;
uniform int n_lights;
uniform vec3 light_pos[%(n)d];
uniform vec3 light_col[%(n)d];
uniform vec3 sky;
uniform vec3 ground;
uniform float alpha_scale;
uniform sampler2DArray textures;
in vec3 v_pos; in vec3 v_nrm; in vec3 v_alb; in vec3 v_mat; flat in float v_id; in vec2 v_uv; flat in float v_tex;
layout(location = 0) out vec4 f_color;
layout(location = 1) out vec4 f_data;
void main() {
    vec3 alb = v_alb;
    if (v_tex >= 0.0) {                            // a diffuse texture (sRGB, rows top first) replaces the colour
        vec3 t = texture(textures, vec3(v_uv.x, 1.0 - v_uv.y, v_tex)).rgb;
        alb = mix(t / 12.92, pow((t + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), t));
    }
    vec3 V = ortho == 1 ? -view_dir : normalize(eye - v_pos);
    vec3 n = normalize(v_nrm);
    if (dot(n, V) < 0.0) n = -n;
    vec3 light = mix(ground, sky, 0.5 + 0.5 * n.z) + vec3(0.22) * max(dot(n, V), 0.0);
    vec3 spec = vec3(0.0);
    float shininess = mix(80.0, 4.0, clamp(v_mat.x, 0.0, 1.0));
    for (int i = 0; i < n_lights; ++i) {
        vec3 L = light_pos[i] - v_pos;
        float d = length(L);
        L /= max(d, 1e-4);
        float att = 1.0 / (1.0 + 0.12 * d * d);
        light += light_col[i] * max(dot(n, L), 0.0) * att;
        vec3 H = normalize(L + V);
        spec += light_col[i] * pow(max(dot(n, H), 0.0), shininess) * att * (1.0 - v_mat.x) * 0.5;
    }
    vec3 base = alb * (1.0 - 0.5 * v_mat.y);
    vec3 c = base * light + spec * mix(vec3(0.04), alb, v_mat.y);
    c = c / (1.0 + 0.25 * c);                      // soft shoulder
    f_color = vec4(pow(clamp(c, 0.0, 1.0), vec3(1.0 / 2.2)), clamp(v_mat.z * alpha_scale, 0.0, 1.0));
    float dist = ortho == 1 ? dot(v_pos - eye, view_dir) : length(v_pos - eye);
    f_data = vec4(dist, v_id, 0.0, 1.0);
}
"""

_CONTEXT = threading.local()


def gl_context():
    """Return the process's standalone EGL context (created on first use).

    Raises:
        GeneralistError: EGL/OpenGL 3.3 is not available (install ``libegl1 libegl-mesa0 libgl1-mesa-dri``).
    """
    # a GL context is current on one thread: each thread that renders (the panel renders from a
    # worker thread) gets its own
    ctx = getattr(_CONTEXT, "ctx", None)
    if ctx is None:
        import moderngl

        try:
            ctx = moderngl.create_context(standalone=True, backend="egl", require=330)
        except Exception as exc:  # noqa: BLE001 - one clear message for a missing driver
            raise GeneralistError(f"cannot open an OpenGL context on EGL ({exc}); install the Debian "
                                  "packages libegl1 libegl-mesa0 libgl1-mesa-dri (make install does)") from None
        _CONTEXT.ctx = ctx
    return ctx


_PROGRAMS: dict[int, object] = {}


def _program(ctx):
    """The shader program, compiled once per GL context and shared by every renderer."""
    key = id(ctx)
    if key not in _PROGRAMS:
        _PROGRAMS[key] = ctx.program(vertex_shader=_VERT, fragment_shader=_FRAG % {"n": MAX_LIGHTS})
    return _PROGRAMS[key]


TEXTURE_SIZE = 256
"""Every diffuse texture is drawn from a layer of one texture array of this size (resized on load)."""


def _texture_array(ctx, files: list[str]):
    """One mipmapped, repeating RGB texture array holding ``files`` (a 1×1 white layer when there are none)."""
    import moderngl
    from PIL import Image

    if not files:
        tex = ctx.texture_array((1, 1, 1), 3, bytes((255, 255, 255)))
    else:
        layers = []
        for f in files:
            with Image.open(f) as im:
                im = im.convert("RGB")
                if im.size != (TEXTURE_SIZE, TEXTURE_SIZE):
                    im = im.resize((TEXTURE_SIZE, TEXTURE_SIZE), Image.Resampling.BILINEAR)
                layers.append(np.asarray(im, dtype=np.uint8))
        tex = ctx.texture_array((TEXTURE_SIZE, TEXTURE_SIZE, len(layers)), 3, np.stack(layers).tobytes())
        tex.build_mipmaps()
        tex.filter = (moderngl.LINEAR_MIPMAP_LINEAR, moderngl.LINEAR)
    tex.repeat_x = tex.repeat_y = True
    return tex


class _GpuScene:
    def __init__(self, ctx, prog, scene: SceneData):
        self.scene = scene
        n = len(scene.vertices)
        uv = scene.uv if scene.uv is not None else np.zeros((n, 2), np.float32)
        layer = scene.texture if scene.texture is not None else np.full(n, -1, np.int32)
        data = np.concatenate([scene.vertices, scene.normals, scene.albedo, scene.material,
                               scene.instance[:, None].astype(np.float32), uv,
                               layer[:, None].astype(np.float32)], axis=1).astype("f4")
        self.vbo = ctx.buffer(data.tobytes()) if len(data) else None
        self.vao = (ctx.vertex_array(prog, [(self.vbo, "3f 3f 3f 3f 1f 2f 1f", "in_pos", "in_nrm", "in_alb", "in_mat",
                                             "in_id", "in_uv", "in_tex")])
                    if self.vbo else None)
        self.textures = _texture_array(ctx, scene.textures)

    def use(self, prog) -> None:
        """Bind the scene's texture array for the next draws."""
        self.textures.use(location=0)
        if "textures" in prog:
            prog["textures"].value = 0

    def release(self) -> None:
        for obj in (self.vao, self.vbo, self.textures):
            if obj is not None:
                obj.release()


class RasterRenderer:
    """Fast CPU renderer (moderngl + Mesa llvmpipe). Reuse one for many frames."""

    name = "fast"

    def __init__(self, samples: int = 4):
        self.ctx = gl_context()
        self.samples = max(0, int(samples))
        self.prog = _program(self.ctx)
        self._cache: tuple | None = None
        self._parts: tuple[int, dict] | None = None
        """What each prim of the last stage drew (kept across views until the stage changes)."""
        self._listener = None
        self._fbos: dict[tuple[int, int], tuple] = {}

    # -- scene management -------------------------------------------------------------------
    def _gpu(self, stage: Usd.Stage, hide: frozenset[str]) -> _GpuScene:
        key = (id(stage), hide)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        if self._parts is None or self._parts[0] != id(stage):
            self._parts = (id(stage), {})
        parts = self._parts
        gpu = self._load(scene_from_stage(stage, hide, parts[1]), key, stage)
        self._parts = parts  # _load forgot the parts of the stage before; these are current
        return gpu

    def _load(self, scene: SceneData, key: tuple | None, stage: Usd.Stage | None = None) -> _GpuScene:
        self._drop()
        gpu = _GpuScene(self.ctx, self.prog, scene)
        self._cache = (key, gpu)
        if stage is not None:
            self._listener = Tf.Notice.Register(Usd.Notice.ObjectsChanged, lambda *_: self._drop(), stage)
        return gpu

    def _drop(self) -> None:
        if self._cache is not None:
            self._cache[1].release()
        self._cache = None
        self._parts = None
        if self._listener is not None:
            self._listener.Revoke()
            self._listener = None

    def close(self) -> None:
        """Release GPU buffers (the shared GL context stays for the process)."""
        self._drop()
        for fbos in self._fbos.values():
            for f in fbos:
                f.release()
        self._fbos.clear()

    # -- rendering ----------------------------------------------------------------------------
    def render(self, stage: Usd.Stage, camera: Camera, hide: frozenset[str] = frozenset(),
               occlusion: bool = True) -> RenderResult:
        """Render ``stage`` through ``camera``; see :class:`~.base.RenderResult`.

        Args:
            stage: the world (flattened once and kept until the stage changes).
            camera: the view.
            hide: prim paths to leave out (e.g. the ceiling for a plan view).
            occlusion: also count each visible instance's unoccluded pixels (for occlusion ratios).
        """
        return self._render_gpu(self._gpu(stage, frozenset(hide)), camera, occlusion)

    def render_scene(self, scene: SceneData, camera: Camera, occlusion: bool = True) -> RenderResult:
        """Render an already flattened scene (no caching)."""
        return self._render_gpu(self._load(scene, None), camera, occlusion)

    def _render_gpu(self, gpu: _GpuScene, camera: Camera, occlusion: bool) -> RenderResult:
        t0 = time.perf_counter()
        unocc: dict[int, int] = {}
        if camera.kind == "equirect":
            rgb, depth, ids = self._panorama(gpu, camera)
        else:
            rgb, depth, ids = self._draw(gpu, camera, with_rgb=True)
            if occlusion:
                unocc = self._unoccluded(gpu, camera, ids)
        instances = {i.id: i for i in gpu.scene.instances}
        return RenderResult(rgb, depth, ids, instances, camera, unocc, time.perf_counter() - t0)

    def _fbo(self, w: int, h: int, samples: int = 0):
        key = (w, h, samples)
        if key not in self._fbos:
            ctx = self.ctx
            if samples > 0:  # multisampled colour only
                color = ctx.renderbuffer((w, h), 4, samples=samples)
                depth = ctx.depth_renderbuffer((w, h), samples=samples)
                self._fbos[key] = (ctx.framebuffer([color], depth), color, depth)
            elif samples < 0:  # the single-sample colour target a multisampled one resolves into
                color = ctx.renderbuffer((w, h), 4)
                self._fbos[key] = (ctx.framebuffer([color]), color)
            else:
                color = ctx.renderbuffer((w, h), 4)
                data = ctx.renderbuffer((w, h), 4, dtype="f4")
                depth = ctx.depth_renderbuffer((w, h))
                self._fbos[key] = (ctx.framebuffer([color, data], depth), color, data, depth)
        return self._fbos[key][0]

    def _uniforms(self, scene: SceneData, camera: Camera) -> None:
        prog = self.prog
        mvp = camera.projection_matrix() @ camera.view_matrix()
        prog["mvp"].write(mvp.T.astype("f4").tobytes())
        prog["eye"].value = tuple(float(v) for v in camera.eye)
        prog["view_dir"].value = tuple(float(v) for v in -camera.basis()[2])
        prog["ortho"].value = 1 if camera.kind == "orthographic" else 0
        points = [lt for lt in scene.lights if lt.kind == "point"][:MAX_LIGHTS]
        dome = [lt for lt in scene.lights if lt.kind in ("dome", "distant")]
        total = sum(lt.intensity for lt in points) or 1.0
        pos = np.zeros((MAX_LIGHTS, 3), "f4")
        col = np.zeros((MAX_LIGHTS, 3), "f4")
        for i, lt in enumerate(points):
            w = min(1.1, 2.2 * lt.intensity / total)
            tint = 0.55 * np.array(lt.color) + 0.45
            pos[i], col[i] = lt.position, tint / tint.max() * w
        prog["n_lights"].value = len(points)
        prog["light_pos"].write(pos.tobytes())
        prog["light_col"].write(col.tobytes())
        amb = 0.34 if points else 0.55
        sky_tint = np.array(dome[0].color) * 0.3 + 0.7 if dome else np.ones(3)
        prog["sky"].value = tuple(float(v) for v in sky_tint * amb)
        prog["ground"].value = tuple(float(v) for v in sky_tint * amb * 0.55)

    def _draw(self, gpu: _GpuScene, camera: Camera, with_rgb: bool) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
        import moderngl

        ctx, scene = self.ctx, gpu.scene
        w, h = camera.width, camera.height
        self._uniforms(scene, camera)
        gpu.use(self.prog)
        fbo = self._fbo(w, h)
        fbo.use()
        ctx.disable(moderngl.BLEND | moderngl.CULL_FACE)
        ctx.enable(moderngl.DEPTH_TEST)
        fbo.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        if gpu.vao is not None:
            gpu.vao.render(moderngl.TRIANGLES)
        raw = np.frombuffer(fbo.read(components=4, attachment=1, dtype="f4"), "f4").reshape(h, w, 4)[::-1]
        ids = np.rint(raw[..., 1]).astype(np.int32)
        depth = np.where(ids > 0, raw[..., 0], np.inf).astype(np.float32)
        rgb = self._color(gpu, camera) if with_rgb else None
        return rgb, depth, ids

    def _color(self, gpu: _GpuScene, camera: Camera) -> np.ndarray:
        import moderngl

        ctx, scene = self.ctx, gpu.scene
        w, h = camera.width, camera.height
        fbo = self._fbo(w, h, self.samples) if self.samples > 1 else self._fbo(w, h)
        fbo.use()
        bg = (0.80, 0.86, 0.92)
        fbo.clear(*bg, 1.0, depth=1.0)
        ctx.enable(moderngl.DEPTH_TEST)
        gpu.use(self.prog)
        self.prog["alpha_scale"].value = 1.0
        if gpu.vao is not None:
            gpu.vao.render(moderngl.TRIANGLES, vertices=scene.opaque_count, first=0)
            rest = len(scene.vertices) - scene.opaque_count
            if rest:
                ctx.enable(moderngl.BLEND)
                ctx.blend_func = moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA
                ctx.depth_mask = False
                ctx.enable(moderngl.CULL_FACE)  # glass: front faces only (no back/front blend order)
                self.prog["alpha_scale"].value = 1.5
                gpu.vao.render(moderngl.TRIANGLES, vertices=rest, first=scene.opaque_count)
                ctx.depth_mask = True
                ctx.disable(moderngl.BLEND | moderngl.CULL_FACE)
        if self.samples > 1:
            target = self._fbo(w, h, -1)
            ctx.copy_framebuffer(target, fbo)
            fbo = target
        img = np.frombuffer(fbo.read(components=3, attachment=0), np.uint8).reshape(h, w, 3)[::-1]
        return np.ascontiguousarray(img)

    def _unoccluded(self, gpu: _GpuScene, camera: Camera, ids: np.ndarray) -> dict[int, int]:
        import moderngl

        ctx = self.ctx
        fbo = self._fbo(camera.width, camera.height)
        fbo.use()
        self._uniforms(gpu.scene, camera)
        ctx.enable(moderngl.DEPTH_TEST)
        ctx.disable(moderngl.BLEND)
        out: dict[int, int] = {}
        inst = {i.id: i for i in gpu.scene.instances}
        query = ctx.query(samples=True)
        try:
            for iid in np.unique(ids):
                if iid == 0 or iid not in inst:
                    continue
                fbo.clear(depth=1.0)
                ctx.depth_func = "<"
                for first, count in inst[int(iid)].ranges:  # depth pre-pass: the nearest surface
                    gpu.vao.render(moderngl.TRIANGLES, vertices=count, first=first)
                ctx.depth_func = "=="
                with query:  # then count each covered pixel once
                    for first, count in inst[int(iid)].ranges:
                        gpu.vao.render(moderngl.TRIANGLES, vertices=count, first=first)
                out[int(iid)] = int(query.samples)
        finally:
            ctx.depth_func = "<"
            query.release() if hasattr(query, "release") else None
        return out

    def _panorama(self, gpu: _GpuScene, camera: Camera) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        face = max(16, int(math.ceil(camera.width / 4)))
        dirs = camera.ray_directions()
        eye = np.asarray(camera.eye)
        axes = [np.array(a, float) for a in ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1))]
        major = np.argmax(np.stack([dirs @ a for a in axes], axis=-1), axis=-1)
        rgb = np.zeros((camera.height, camera.width, 3), np.uint8)
        depth = np.full((camera.height, camera.width), np.inf, np.float32)
        ids = np.zeros((camera.height, camera.width), np.int32)
        for k, a in enumerate(axes):
            sel = major == k
            if not sel.any():
                continue
            up = (0.0, 0.0, 1.0) if abs(a[2]) < 0.5 else (0.0, 1.0, 0.0)
            cam = Camera(tuple(eye), tuple(eye + a), face, face, 90.0, up=up, near=0.02, far=camera.far)
            c_rgb, c_depth, c_ids = self._draw(gpu, cam, with_rgb=True)
            r, u, b = cam.basis()
            d = dirs[sel]
            fwd = d @ -b
            x = (d @ r) / fwd
            y = (d @ u) / fwd
            px = np.clip(((x + 1) / 2 * face).astype(int), 0, face - 1)
            py = np.clip(((1 - y) / 2 * face).astype(int), 0, face - 1)
            rgb[sel], depth[sel], ids[sel] = c_rgb[py, px], c_depth[py, px], c_ids[py, px]
        return rgb, depth, ids
