"""A recording stand-in of ``omni.replicator.core`` (Replicator 1.12, Isaac Sim 5.x) for tests outside Kit.

Every function has the parameter list of the real one, taken from the Replicator 1.12 sources
(Isaac Sim 5.0 ships omni.replicator.core 1.12.16, 5.1 ships 1.12.27; see ``SIGNATURES`` for the
module of each entry), so a call with a parameter the real function lacks raises ``TypeError``
exactly as it would in Kit. What the graph does is played on a ``pxr`` stage the way Replicator
1.12 does it:

* ``create.*`` makes an ``Xform`` wrapper ``/Replicator/<Type>_Xform`` with the prim below it and
  returns the wrapper (``_create_prim`` in ``create.py``); ops in a ``with`` block on it target the
  wrapper;
* ``modify.attribute`` writes the named attribute on its target prims, ``modify.pose`` writes
  ``xformOp:translate`` and ``xformOp:rotate<order>`` (``_position`` / ``_rotation`` in
  ``modify.py``, both ``OgnWritePrimAttribute`` nodes that write the attribute and nothing else);
* ``new_layer(name)`` clears what an earlier layer of that name registered;
* ``orchestrator.step`` / ``step_async`` fires every ``on_frame`` trigger once.

Only the functions our Kit code calls are here. Writes are recorded in ``writes``.
"""

from __future__ import annotations

import contextlib
import inspect
import random
import re
import sys
import types
from dataclasses import dataclass, field
from typing import Any

from pxr import Gf, Sdf, Usd, UsdGeom, UsdLux

R112 = "omni.replicator.core 1.12 omni/replicator/core/scripts"
SIGNATURES: dict[str, tuple[str, str]] = {
    # name: (parameters, required ones before "|"; where they come from)
    "create.light": ("| position scale rotation look_at look_at_up_axis light_type color intensity exposure "
                     "temperature texture count name parent", f"{R112}/create.py light()"),
    "create.camera": ("| position rotation look_at look_at_up_axis focal_length focus_distance f_stop "
                      "horizontal_aperture horizontal_aperture_offset vertical_aperture_offset clipping_range "
                      "projection_type fisheye_nominal_width fisheye_nominal_height fisheye_optical_centre_x "
                      "fisheye_optical_centre_y openCV_focal_x openCV_focal_y fisheye_max_fov fisheye_polynomial_a "
                      "fisheye_polynomial_b fisheye_polynomial_c fisheye_polynomial_d fisheye_polynomial_e "
                      "fisheye_polynomial_f fisheye_p0 fisheye_p1 fisheye_s0 fisheye_s1 fisheye_s2 fisheye_s3 "
                      "cross_camera_reference_name count parent name", f"{R112}/create.py camera()"),
    "create.cube": ("| position scale pivot rotation look_at look_at_up_axis semantics material visible as_mesh "
                    "count name parent", f"{R112}/create.py cube()"),
    "create.sphere": ("| position scale pivot rotation look_at look_at_up_axis semantics material visible as_mesh "
                      "count name parent", f"{R112}/create.py sphere()"),
    "create.cylinder": ("| position scale pivot rotation look_at look_at_up_axis semantics material visible "
                        "as_mesh count name parent", f"{R112}/create.py cylinder()"),
    "create.render_product": ("camera resolution | force_new name render_vars",
                              "Replicator 1.12.16 API reference, create.render_product"),
    "modify.attribute": ("name value | attribute_type input_prims", f"{R112}/modify.py attribute()"),
    "modify.pose": ("| position position_x position_y position_z rotation rotation_x rotation_y rotation_z "
                    "rotation_order scale size pivot look_at look_at_up_axis input_prims name",
                    f"{R112}/modify.py pose()"),
    "modify.visibility": ("| value input_prims name", f"{R112}/modify.py visibility()"),
    "get.prims": ("| path_pattern path_match path_pattern_exclusion prim_types prim_types_exclusion semantics "
                  "semantics_exclusion cache_result ignore_case name", f"{R112}/get.py prims()"),
    "distribution.uniform": ("lower upper | num_samples seed name", f"{R112}/distribution.py uniform()"),
    "distribution.normal": ("mean std | num_samples seed name", f"{R112}/distribution.py normal()"),
    "distribution.choice": ("choices | weights num_samples seed with_replacements name",
                            f"{R112}/distribution.py choice()"),
    "trigger.on_frame": ("| interval num_frames name rt_subframes max_execs", f"{R112}/trigger.py on_frame()"),
    "randomizer.register": ("fn | override fn_name", f"{R112}/randomizer.py register() (as create.register)"),
    "new_layer": ("| name", "Replicator 1.12.16 API reference, new_layer"),
    "set_global_seed": ("seed |", "Replicator 1.12.16 API reference, set_global_seed"),
}
DEFAULTS = {"create.light": {"light_type": "Distant", "intensity": 1000.0, "count": 1},
            "create.camera": {"clipping_range": (1.0, 1000000.0), "count": 1},
            "modify.pose": {"rotation_order": "XYZ"}, "trigger.on_frame": {"interval": 1, "max_execs": 0,
                                                                           "num_frames": 0}}


def _signature(name: str) -> inspect.Signature:
    spec, _ = SIGNATURES[name]
    required, _, optional = spec.partition("|")
    P = inspect.Parameter
    params = [P(n, P.POSITIONAL_OR_KEYWORD) for n in required.split()]
    params += [P(n, P.POSITIONAL_OR_KEYWORD, default=DEFAULTS.get(name, {}).get(n)) for n in optional.split()]
    return inspect.Signature(params)


def _bind(name: str, args, kwargs) -> dict[str, Any]:
    bound = _signature(name).bind(*args, **kwargs)  # TypeError for an unknown parameter, as in Kit
    bound.apply_defaults()
    return dict(bound.arguments)


@dataclass
class Dist:
    kind: str
    args: dict[str, Any]

    def sample(self, rng: random.Random) -> Any:
        if self.kind == "uniform":
            lo, hi = self.args["lower"], self.args["upper"]
            if isinstance(lo, (list, tuple)):
                return tuple(rng.uniform(a, b) for a, b in zip(lo, hi, strict=True))
            return rng.uniform(lo, hi)
        if self.kind == "normal":
            m, s = self.args["mean"], self.args["std"]
            if isinstance(m, (list, tuple)):
                return tuple(rng.gauss(a, b) for a, b in zip(m, s, strict=True))
            return rng.gauss(m, s)
        return rng.choices(self.args["choices"], weights=self.args["weights"])[0]


@dataclass
class Item:
    """What ``create.*`` and ``get.prims`` return: prims a ``with`` block targets."""

    rep: Replicator
    paths: list[str]
    node: object = field(default_factory=object)

    def __enter__(self):
        self.rep._targets.append(self.paths)
        return self

    def __exit__(self, *exc):
        self.rep._targets.pop()
        return False

    def get_output_prims(self) -> dict[str, list[Usd.Prim]]:
        return {"prims": [self.rep.stage.GetPrimAtPath(p) for p in self.paths]}


@dataclass
class Node:
    kind: str
    args: dict[str, Any]
    targets: list[str]


@dataclass
class Trigger:
    max_execs: int
    nodes: list[Node] = field(default_factory=list)
    execs: int = 0


_LIGHTS = {"cylinder": UsdLux.CylinderLight, "disk": UsdLux.DiskLight, "distant": UsdLux.DistantLight,
           "dome": UsdLux.DomeLight, "rect": UsdLux.RectLight, "sphere": UsdLux.SphereLight}
_TYPES = {"float": Sdf.ValueTypeNames.Float, "color3f": Sdf.ValueTypeNames.Color3f,
          "double3": Sdf.ValueTypeNames.Double3, "bool": Sdf.ValueTypeNames.Bool}


class Replicator:
    """The stand-in; ``module()`` wraps it as the ``omni.replicator.core`` module."""

    def __init__(self, stage: Usd.Stage, seed: int = 0):
        self.stage = stage
        self.rng = random.Random(seed)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.writes: list[tuple[str, str, Any]] = []
        self.layers: dict[str, list[Trigger]] = {}
        self._layer_prims: dict[str, list[str]] = {}
        self._layer = ""
        self._targets: list[list[str]] = []
        self._trigger: Trigger | None = None
        self.randomizers: dict[str, Any] = {}
        self.render_products: list[Any] = []
        self.writer_kwargs: dict[str, Any] = {}

    # ----------------------------------------------------------------- helpers
    def _call(self, name: str, args, kwargs) -> dict[str, Any]:
        a = _bind(name, args, kwargs)
        self.calls.append((name, a))
        return a

    def _node(self, kind: str, args: dict[str, Any]) -> Node:
        targets = list(args.get("input_prims") or (self._targets[-1] if self._targets else []))
        node = Node(kind, args, targets)
        if self._trigger is not None:
            self._trigger.nodes.append(node)
        else:
            self._run(node)
        return node

    def _value(self, v: Any) -> Any:
        return v.sample(self.rng) if isinstance(v, Dist) else v

    def _write(self, path: str, attr: str, value: Any, type_name: str | None) -> None:
        prim = self.stage.GetPrimAtPath(path)
        a = prim.GetAttribute(attr)
        if not a:
            a = prim.CreateAttribute(attr, _TYPES[type_name or "double3"])
        if isinstance(value, tuple) and len(value) == 3:
            value = Gf.Vec3d(*value) if a.GetTypeName() == Sdf.ValueTypeNames.Double3 else Gf.Vec3f(*value)
        a.Set(value)
        self.writes.append((path, attr, value))

    def _run(self, node: Node) -> None:
        a = node.args
        for path in node.targets:
            if node.kind == "modify.attribute":
                self._write(path, a["name"], self._value(a["value"]), a["attribute_type"])
            elif node.kind == "modify.pose":
                if a["position"] is not None:
                    self._write(path, "xformOp:translate", tuple(self._value(a["position"])), "double3")
                if a["rotation"] is not None:
                    self._write(path, f"xformOp:rotate{a['rotation_order']}", tuple(self._value(a["rotation"])),
                                "double3")
            elif node.kind == "modify.visibility":
                visible = self._value(a["value"])
                UsdGeom.Imageable(self.stage.GetPrimAtPath(path)).GetVisibilityAttr().Set(
                    UsdGeom.Tokens.inherited if visible else UsdGeom.Tokens.invisible)
                self.writes.append((path, "visibility", visible))

    def _create(self, kind: str, args: dict[str, Any]) -> Item:
        if kind == "light":
            prim_type = f"{str(args['light_type']).capitalize()}Light"
        else:
            prim_type = {"camera": "Camera"}.get(kind, kind.capitalize())
        if kind == "light":
            assert str(args["light_type"]).lower() in _LIGHTS  # as create.light does
        if not self.stage.GetPrimAtPath("/Replicator"):
            self.stage.DefinePrim("/Replicator", "Scope")
        base = args.get("name") or prim_type
        paths = []
        for i in range(int(args["count"] or 1)):
            xf = Sdf.Path(f"/Replicator/{base}_Xform" + (f"_{i:02d}" if i else ""))
            n = 0
            while self.stage.GetPrimAtPath(xf):
                n += 1
                xf = Sdf.Path(f"/Replicator/{base}_Xform_{n:02d}")
            UsdGeom.Xform.Define(self.stage, xf)
            child = xf.AppendChild(base)
            if kind == "light":
                light = _LIGHTS[str(args["light_type"]).lower()].Define(self.stage, child)
                light.CreateIntensityAttr(float(args["intensity"] if not isinstance(args["intensity"], Dist) else 1000.0))
            elif kind == "camera":
                cam = UsdGeom.Camera.Define(self.stage, child)
                cam.CreateClippingRangeAttr(Gf.Vec2f(*args["clipping_range"]))
            else:
                self.stage.DefinePrim(child, prim_type)
            paths.append(str(xf))
            self._layer_prims.setdefault(self._layer, []).append(str(xf))
        item = Item(self, paths)
        with item:
            if args.get("position") is not None or args.get("look_at") is not None:
                self._node("modify.pose", _bind("modify.pose", (), {"position": args.get("position")}))
        return item

    # ------------------------------------------------------------- the module
    def module(self) -> types.ModuleType:
        rep = types.ModuleType("omni.replicator.core")
        me = self

        def fn(name: str, body):
            def f(*args, **kwargs):
                return body(me._call(name, args, kwargs))
            f.__name__ = name.rsplit(".", 1)[-1]
            f.__signature__ = _signature(name)
            return f

        def ns(**members):
            return types.SimpleNamespace(**members)

        rep.create = ns(**{k: fn(f"create.{k}", lambda a, k=k: me._create(k, a))
                           for k in ("light", "camera", "cube", "sphere", "cylinder")},
                        render_product=fn("create.render_product", me._render_product))
        rep.modify = ns(**{k: fn(f"modify.{k}", lambda a, k=k: me._node(f"modify.{k}", a))
                           for k in ("attribute", "pose", "visibility")})
        rep.get = ns(prims=fn("get.prims", me._get_prims))
        rep.distribution = ns(**{k: fn(f"distribution.{k}", lambda a, k=k: Dist(k, a))
                                 for k in ("uniform", "normal", "choice")})
        rep.trigger = ns(on_frame=fn("trigger.on_frame", me._on_frame))
        rep.randomizer = types.SimpleNamespace()
        rep.randomizer.register = fn("randomizer.register", lambda a: me._register(rep.randomizer, a))
        rep.new_layer = fn("new_layer", me._new_layer)
        rep.set_global_seed = fn("set_global_seed", lambda a: me.rng.seed(a["seed"]))
        rep.orchestrator = ns(step=me.step, step_async=me.step_async, wait_until_complete_async=me._noop_async)
        rep.WriterRegistry = ns(get=me._writer)
        return rep

    def _register(self, namespace, a):
        f = a["fn"]
        name = a["fn_name"] or f.__name__
        self.randomizers[name] = f
        setattr(namespace, name, f)

    def _get_prims(self, a):
        flags = re.I if a["ignore_case"] in (None, True) else 0
        pat = re.compile(a["path_pattern"] or ".*", flags)
        types_ = a["prim_types"]
        paths = [str(p.GetPath()) for p in self.stage.Traverse()
                 if pat.search(str(p.GetPath())) and (not types_ or p.GetTypeName() in types_)]
        return Item(self, paths)

    @contextlib.contextmanager
    def _on_frame_cm(self, trig: Trigger):
        prev, self._trigger = self._trigger, trig
        try:
            yield Item(self, [])
        finally:
            self._trigger = prev

    def _on_frame(self, a):
        trig = Trigger(int(a["max_execs"] or a["num_frames"] or 0))
        self.layers.setdefault(self._layer, []).append(trig)
        return self._on_frame_cm(trig)

    @contextlib.contextmanager
    def _layer_cm(self, name: str):
        prev, self._layer = self._layer, name
        try:
            yield
        finally:
            self._layer = prev

    def _new_layer(self, a):
        name = a["name"] or "Replicator"
        for path in self._layer_prims.pop(name, []):  # an existing layer of that name is cleared
            self.stage.RemovePrim(path)
        self.layers.pop(name, None)
        return self._layer_cm(name)

    def step(self, *args, **kwargs) -> None:
        """One Replicator frame: every trigger that has executions left fires once."""
        for trigs in self.layers.values():
            for trig in trigs:
                if trig.max_execs and trig.execs >= trig.max_execs:
                    continue
                trig.execs += 1
                for node in trig.nodes:
                    self._run(node)

    async def step_async(self, *args, **kwargs) -> None:
        self.step()

    async def _noop_async(self, *args, **kwargs) -> None:
        return None

    def _render_product(self, a):
        cam = a["camera"]
        product = types.SimpleNamespace(camera=cam, resolution=a["resolution"], destroy=lambda: None)
        self.render_products.append(product)
        return product

    def _writer(self, name: str):
        me = self

        class Writer:
            def initialize(self, **kwargs):
                me.writer_kwargs = kwargs

            def attach(self, products):
                self.products = products

            def detach(self):
                pass

        assert name == "BasicWriter"
        return Writer()


def install(monkeypatch, stage: Usd.Stage, seed: int = 0) -> Replicator:
    """Make ``import omni.replicator.core`` give a stand-in playing on ``stage``."""
    standin = Replicator(stage, seed)
    omni = sys.modules.get("omni") or types.ModuleType("omni")
    replicator = types.ModuleType("omni.replicator")
    core = standin.module()
    replicator.core = core
    omni.replicator = replicator
    monkeypatch.setitem(sys.modules, "omni", omni)
    monkeypatch.setitem(sys.modules, "omni.replicator", replicator)
    monkeypatch.setitem(sys.modules, "omni.replicator.core", core)
    return standin
