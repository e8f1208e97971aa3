"""Typed settings: dataclass configs filled from ``config/*.toml`` and command-line overrides.

The dataclass defaults and ``config/default.toml`` hold the same values (a test keeps them in
step); a user file given with ``--config`` and ``--set section.key=value`` overrides win, in that
order.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from .errors import InputError
from .paths import config_dir


@dataclass
class SandboxConfig:
    """Limits of the sandboxed executor that runs action code."""

    timeout_s: float = 20.0
    """Wall-clock limit of one action; past it the worker is stopped and the action fails."""
    plan_timeout_s: float = 120.0
    """Wall-clock limit of an action that calls ``apply_plan`` (a whole furnished world in one action)."""
    memory_mb: int = 2048
    """Address-space headroom of the worker beyond what it uses at start."""
    max_code_chars: int = 200_000
    """Longest action code accepted."""
    max_output_chars: int = 20_000
    """What ``print`` in an action may write before it is cut."""
    recursion_limit: int = 400
    """Python recursion depth allowed inside an action."""
    confinement: str = "auto"
    """OS confinement of the worker: ``auto`` (Landlock + seccomp where the kernel has Landlock) or
    ``fallback`` (never Landlock: seccomp denies every file change; see docs/sandbox.md)."""
    asset_roots: tuple[str, ...] = ()
    """Extra folders whose USD assets actions may reference (besides the registered asset libraries)."""
    python: str = ""
    """The worker's Python interpreter ("" finds it: ``sys.executable``, or Kit's own Python inside Kit)."""
    max_prims: int = 20_000
    """Most prims one action may author."""
    max_array_len: int = 1_000_000
    """Most elements in one attribute array an action authors."""
    max_array_elements: int = 4_000_000
    """Most array elements one action may author in all."""
    max_edit_chars: int = 64_000_000
    """Largest edit (in USD text characters) one action may leave."""


@dataclass
class GeneratorConfig:
    """How ``generate`` runs the policy loop and writes the world."""

    policy: str = "procedural"
    max_steps: int = 300
    """Most actions a policy may take for one world."""
    max_failures: int = 64
    """Most failed actions tolerated before generation stops with an error."""
    max_prompt_chars: int = 8000
    format: str = "usd"
    """``usd`` (binary crate) or ``usda`` (text)."""
    preview: bool = True
    validate: bool = True
    lock_timeout_s: float = 30.0
    """How long ``edit`` (or ``generate`` onto an existing world) waits for another process that is
    writing the same world folder before it gives up (exit 2)."""


@dataclass
class PolicyConfig:
    """The model policies: ``hf:PATH`` (a local transformers model) and ``openai:URL`` (a server)."""

    model: str = ""
    """Model name sent to an OpenAI-compatible server; empty: the first one its ``/models`` lists."""
    api_key_env: str = "OPENAI_API_KEY"
    """Environment variable holding the server's API key (local servers need none)."""
    max_new_tokens: int = 1024
    """Longest reply (tokens) per action."""
    temperature: float = 0.0
    """Sampling temperature; 0 decodes greedily."""
    timeout_s: float = 120.0
    """Wall-clock limit of one request to a server."""
    observe: bool = True
    """Send a render of the world (a room view and the labelled plan) with each request."""
    history: int = 6
    """Earlier actions and their outcomes kept in the conversation."""
    device: str = "cpu"
    """Where a local model runs (``cpu``, ``cuda``, ``cuda:1``)."""
    adapter: str = ""
    """A LoRA adapter folder loaded on top of an ``hf:`` model (as ``hf:PATH@ADAPTER``); empty: none."""
    max_rooms: int = 30
    """The most rooms a home or building may have (docs/homes.md); more is an input error (exit 2).
    Hotels and dorms raise it."""


@dataclass
class PhysicsConfig:
    """Physics defaults: simulation rate, settle time and the validation thresholds of docs/design.md §5."""

    engine: str = "physx"
    hz: float = 240.0
    settle_s: float = 2.0
    stable_move_m: float = 0.01
    stable_turn_deg: float = 5.0
    penetration_m: float = 0.01
    floating_m: float = 0.01
    robot_radius_m: float = 0.25


@dataclass
class RandomizationConfig:
    """Default amounts of domain randomization (presets live in ``config/randomization.toml``)."""

    preset: str = "default"
    materials: bool = True
    color_jitter: float = 0.08
    roughness_jitter: float = 0.15
    lights: bool = True
    light_intensity_range: tuple[float, float] = (0.6, 1.5)
    light_temperature_range_k: tuple[float, float] = (2700.0, 6500.0)
    poses: bool = True
    pose_jitter_m: float = 0.1
    pose_jitter_deg: float = 10.0
    distractors: int = 0
    articulation_open_fraction: float = 0.3
    material_swap_prob: float = 0.5
    """Chance that a material class is swapped for another of its family (oak → walnut, paint → another colour)."""
    material_options: int = 8
    """Drawn options per material, shared by all variants of a world (each variant picks one per material)."""
    light_count_delta: tuple[int, int] = (-1, 1)
    """Lights removed (negative) or added (positive) per variant: an integer drawn in this range."""
    light_position_jitter_m: float = 0.3
    small_object_shuffle: bool = True
    """Re-place small objects (things resting on other objects) anywhere free on their support."""
    articulation_open_prob: float = 0.5
    """Chance that each door or drawer joint is opened (by up to ``articulation_open_fraction`` of its range)."""
    cameras: int = 2
    """Dataset cameras authored under ``/World/Cameras`` per variant."""
    camera_height_range_m: tuple[float, float] = (1.2, 1.8)
    max_attempts: int = 6
    """Draws per variant before giving up when physics validation keeps failing."""
    validate: bool = True
    """Re-validate every variant with physics (invalid ones are repaired or redrawn, never written)."""


@dataclass
class BatchConfig:
    """Batch generation: worker processes, retries and Ray."""

    workers: int = 0
    """Local worker processes; 0 means one per CPU core."""
    variants: int = 0
    """Randomized variants written beside each world."""
    max_retries: int = 3
    """Times a task is re-run after its worker process died."""
    ray_address: str = ""
    """Ray cluster address for ``--ray`` without one (empty: start a local Ray)."""


@dataclass
class RenderConfig:
    """Rendering, previews and datasets (``omni_generalist.render``)."""

    renderer: str = "fast"
    """``fast`` (moderngl rasteriser on Mesa EGL) or ``quality`` (Blender Cycles on the CPU)."""
    width: int = 512
    height: int = 512
    hfov_deg: float = 75.0
    """Horizontal field of view of the automatic perspective views."""
    panorama_width: int = 2048
    """Equirectangular panoramas are this wide and half as high."""
    samples: int = 8
    """Cycles samples per pixel (the quality renderer), denoised with OpenImageDenoise."""
    denoise: bool = True
    preview_width: int = 512
    """Width of each of the two panels of ``preview.png`` (a room view and the labelled plan)."""
    preview_height: int = 384
    dataset_cameras: int = 1
    """Cameras per dataset frame when the world authors none under ``/World/Cameras``."""


@dataclass
class AssetsConfig:
    """User asset libraries (docs/assets.md, "Asset libraries")."""

    catalogues: tuple[str, ...] = ()
    """Libraries (names given to ``assets add``) whose assets worlds prefer for the categories they cover."""
    max_file_mb: float = 200.0
    """Files (and the meshes a description names) larger than this are listed as broken and skipped."""
    decomposition: str = "coacd"
    """Collision for meshes without their own: ``coacd`` (convex decomposition, cached) or ``hull`` (one convex hull)."""
    clip_checkpoint: str = ""
    """A CLIP-style model folder (transformers ``CLIPModel`` with its tokenizer and image processor): objects
    are also labelled from renders; empty: names only."""
    clip_min_confidence: float = 0.5
    """A render label becomes the category of an asset whose names gave none at this confidence."""


@dataclass
class TrainConfig:
    """The learning loop (``omni-generalist train``, docs/training.md): selection, LoRA and the reward weights."""

    temperature: float = 0.8
    """Sampling temperature of the worlds a round samples from the policy."""
    threshold: float = 0.7
    """Every candidate with at least this reward is kept for fine-tuning."""
    keep_best: int = 1
    """The best candidates kept per prompt whatever their reward (above 0)."""
    heldout_fraction: float = 0.2
    """Share of the prompts held out when the prompts file marks none (the last ones)."""
    images: bool = True
    """Record and train on the renders the policy sees."""
    placement_records: int = 8
    """Point-predictor records per selected world (a small thing's pixel on a render of its surface); 0: none."""
    lora_rank: int = 16
    lora_alpha: float = 0.0
    """LoRA alpha; 0 means twice the rank."""
    lora_dropout: float = 0.0
    lora_targets: str = "all-linear"
    """peft's target: every linear layer but the output head, or a comma-separated list of module names."""
    lr: float = 2e-4
    epochs: int = 1
    max_tokens: int = 8192
    """Training records longer than this are cut from the left of the request (when they hold no picture)."""
    seed: int = 0
    reward_alignment: float = 0.5
    """Weight of prompt alignment (what the prompt asks for is there, in the asked numbers)."""
    reward_arrangement: float = 0.2
    """Weight of the arrangement rules (chairs at tables, nightstands by beds, ...)."""
    reward_physics: float = 0.3
    """Weight of physics validity and stability."""
    reward_clip: float = 0.2
    """Weight of the CLIP image–text score; used only with ``clip``."""
    clip: str = ""
    """Folder of a local transformers ``CLIPModel`` (with its tokenizer and image processor)."""
    validate_physics: bool = True
    """Settle a world built without validation to score its physics (else the term is left out)."""


@dataclass
class Settings:
    """All settings, one section per subsystem."""

    generator: GeneratorConfig = field(default_factory=GeneratorConfig)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    physics: PhysicsConfig = field(default_factory=PhysicsConfig)
    randomization: RandomizationConfig = field(default_factory=RandomizationConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)
    render: RenderConfig = field(default_factory=RenderConfig)
    assets: AssetsConfig = field(default_factory=AssetsConfig)
    train: TrainConfig = field(default_factory=TrainConfig)


def _coerce(value: Any, typ: Any, where: str) -> Any:
    origin = getattr(typ, "__origin__", None)
    try:
        if typ is bool:
            if isinstance(value, str):
                low = value.strip().lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if typ in (int, float, str):
            if typ is int and isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            if typ is float and not math.isfinite(float(value)):
                raise ValueError(value)  # nan and inf are never a setting
            return typ(value)
        if origin is tuple:
            items = value.split(",") if isinstance(value, str) else list(value)
            args = typ.__args__
            if len(args) == 2 and args[1] is Ellipsis:  # tuple[str, ...]
                args = (args[0],) * len(items)
            if len(items) != len(args):
                raise ValueError(value)
            return tuple(_coerce(v, t, where) for v, t in zip(items, args, strict=True))
    except (TypeError, ValueError):
        raise InputError(f"setting {where}: {value!r} is not a valid {getattr(typ, '__name__', typ)}") from None
    return value


def _apply(section: Any, values: dict[str, Any], where: str) -> None:
    hints = get_type_hints(type(section))
    for key, value in values.items():
        if key not in hints:
            known = ", ".join(sorted(hints))
            raise InputError(f"unknown setting {where}.{key} (known: {known})")
        setattr(section, key, _coerce(value, hints[key], f"{where}.{key}"))


def _merge_mapping(settings: Settings, data: dict[str, Any], source: str) -> None:
    for name, values in data.items():
        section = getattr(settings, name, None)
        if section is None or not dataclasses.is_dataclass(section):
            raise InputError(f"{source}: unknown settings section [{name}]")
        if not isinstance(values, dict):
            raise InputError(f"{source}: [{name}] must be a table")
        _apply(section, values, name)


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning every failure into a one-line :class:`InputError`."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"config file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"config file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise InputError(f"cannot read config file {path}: {exc.strerror}") from None


def load_settings(path: str | Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Build :class:`Settings` from the defaults, ``config/default.toml``, a user file and overrides.

    Args:
        path: optional TOML file with the same sections as ``config/default.toml``.
        overrides: ``section.key=value`` strings, applied last.

    Returns:
        The merged settings.

    Raises:
        InputError: an unknown section or key, a value of the wrong type, an unreadable file.
    """
    settings = Settings()
    default = config_dir() / "default.toml"
    if default.is_file():
        _merge_mapping(settings, read_toml(default), str(default))
    if path is not None:
        _merge_mapping(settings, read_toml(Path(path)), str(path))
    for item in overrides or []:
        key, sep, value = item.partition("=")
        section, dot, name = key.strip().partition(".")
        if not sep or not dot or not name:
            raise InputError(f"override {item!r} must look like section.key=value")
        _merge_mapping(settings, {section: {name: value.strip()}}, "--set")
    return settings


def load_preset(kind: str, name: str) -> dict[str, Any]:
    """Return preset ``name`` from ``config/<kind>.toml`` (for example randomization presets)."""
    data = read_toml(config_dir() / f"{kind}.toml")
    presets = data.get("presets", {})
    if name not in presets:
        raise InputError(f"unknown {kind} preset {name!r} (known: {', '.join(sorted(presets))})")
    return presets[name]
