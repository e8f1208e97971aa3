"""The randomization spec: what varies between variants of a world, and by how much.

The spec is :class:`omni_generalist.config.RandomizationConfig` (the ``[randomization]``
settings section). :func:`load_spec` layers, in order: the settings' values, a preset from
``config/randomization.toml``, a spec file (TOML or JSON, flat keys or a ``[randomization]``
table, optionally naming its own ``preset``), then explicit overrides.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

from ..config import RandomizationConfig, _apply, load_preset, read_toml
from ..errors import InputError
from ..io import read_text_file

RandomizationSpec = RandomizationConfig
"""The spec type (one dataclass serves as settings section and spec)."""


def _read_spec_file(path: Path) -> dict[str, Any]:
    if path.suffix.lower() == ".json":
        text = read_text_file(path, "spec file")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"spec file {path} is not valid JSON: {exc}") from None
    else:
        data = read_toml(path)
    if not isinstance(data, dict):
        raise InputError(f"spec file {path} must hold a table of settings")
    if "randomization" in data:
        data = data["randomization"]
        if not isinstance(data, dict):
            raise InputError(f"spec file {path}: [randomization] must be a table")
    return dict(data)


def load_spec(preset: str | None = None, spec_file: str | Path | None = None,
              base: RandomizationConfig | None = None, overrides: dict[str, Any] | None = None) -> RandomizationConfig:
    """Build a validated spec.

    Args:
        preset: preset name in ``config/randomization.toml``; default ``base.preset``.
        spec_file: TOML or JSON file with spec keys (may name a ``preset`` of its own).
        base: starting values (e.g. ``Settings().randomization``); the dataclass defaults if omitted.
        overrides: key → value applied last.

    Returns:
        The merged spec.

    Raises:
        InputError: an unknown preset or key, a value of the wrong type or out of range.
    """
    spec = dataclasses.replace(base) if base is not None else RandomizationConfig()
    file_data = _read_spec_file(Path(spec_file)) if spec_file is not None else {}
    name = preset or file_data.get("preset") or spec.preset or "default"
    _apply(spec, load_preset("randomization", str(name)), "randomization")
    spec.preset = str(name)
    _apply(spec, {k: v for k, v in file_data.items() if k != "preset"}, "randomization")
    if overrides:
        _apply(spec, overrides, "randomization")
    check_spec(spec)
    return spec


def check_spec(spec: RandomizationConfig) -> None:
    """Raise :class:`InputError` for values out of range (negative jitters, inverted ranges)."""
    def nonneg(*names: str) -> None:
        for n in names:
            if getattr(spec, n) < 0:
                raise InputError(f"randomization.{n} must be >= 0, got {getattr(spec, n)}")

    nonneg("material_options", "color_jitter", "roughness_jitter", "pose_jitter_m", "pose_jitter_deg", "distractors",
           "light_position_jitter_m", "cameras")
    for n in ("articulation_open_fraction", "material_swap_prob", "articulation_open_prob"):
        v = getattr(spec, n)
        if not 0.0 <= v <= 1.0:
            raise InputError(f"randomization.{n} must be within [0, 1], got {v}")
    for n in ("light_intensity_range", "light_temperature_range_k", "light_count_delta", "camera_height_range_m"):
        lo, hi = getattr(spec, n)
        if lo > hi:
            raise InputError(f"randomization.{n} must be (low, high) with low <= high, got {(lo, hi)}")
    if spec.light_intensity_range[0] < 0 or spec.light_temperature_range_k[0] < 1000:
        raise InputError("light intensity scales must be >= 0 and colour temperatures >= 1000 K")
    if spec.max_attempts < 1:
        raise InputError("randomization.max_attempts must be >= 1")
    if spec.cameras > 64 or spec.distractors > 64:
        raise InputError("at most 64 cameras and 64 distractors per variant")


def spec_to_dict(spec: RandomizationConfig) -> dict[str, Any]:
    """The spec as a JSON-able dict (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(spec).items()}


def spec_digest(spec: RandomizationConfig) -> str:
    """A short stable hash of the spec's values (identifies what a set of variants was drawn with)."""
    text = json.dumps(spec_to_dict(spec), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
