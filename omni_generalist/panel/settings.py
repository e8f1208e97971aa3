"""The extension's settings (``[settings]`` of ``extension.toml``) and how they map to :class:`Settings`.

Kit exposes ``[settings] exts."omni_generalist".KEY`` as the carb setting
``/exts/omni_generalist/KEY``. Keys in :data:`MIRRORED` hold the same defaults as
``config/default.toml`` (a test keeps them equal) and override the matching field of
:class:`~omni_generalist.config.Settings`; keys in :data:`PANEL_ONLY` are the panel's own field
defaults.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ..config import Settings, load_settings
from ..errors import InputError
from .viewmodel import PanelDefaults

EXTENSION_NAME = "omni_generalist"

MIRRORED: dict[str, tuple[str, str]] = {
    "policy": ("generator", "policy"),
    "max_steps": ("generator", "max_steps"),
    "max_failures": ("generator", "max_failures"),
    "max_prompt_chars": ("generator", "max_prompt_chars"),
    "validate_on_generate": ("generator", "validate"),
    "action_timeout_s": ("sandbox", "timeout_s"),
    "action_memory_mb": ("sandbox", "memory_mb"),
    "physics_hz": ("physics", "hz"),
    "settle_s": ("physics", "settle_s"),
    "randomization_preset": ("randomization", "preset"),
}
"""Extension setting → (section, field) of :class:`Settings`."""

PANEL_ONLY: dict[str, Any] = {
    "seed": 0, "variants": 4, "frames": 8, "output_dir": "", "engine": "omni.physx", "width": 640, "height": 480,
}
"""Extension settings that only the panel uses, with their defaults."""


def settings_keys() -> list[str]:
    """Every key the extension reads below ``/exts/omni_generalist/``."""
    return sorted([*MIRRORED, *PANEL_ONLY])


def _coerce(value: Any, like: Any, key: str) -> Any:
    try:
        if isinstance(like, bool):
            return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
        if isinstance(like, int):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(value)
        if isinstance(like, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise InputError(f"extension setting {key}: {value!r} is not a valid {type(like).__name__}") from None


def settings_from_extension(values: Mapping[str, Any], base: Settings | None = None) -> tuple[Settings, PanelDefaults]:
    """Build the panel's settings and field defaults from extension setting values.

    Args:
        values: key → value for the keys that are set (missing keys keep their defaults).
        base: settings to start from (default: ``load_settings()``, i.e. ``config/default.toml``).

    Returns:
        ``(settings, defaults)``.

    Raises:
        InputError: a value of the wrong type.
    """
    settings = copy.deepcopy(base) if base is not None else load_settings()
    for key, (section, name) in MIRRORED.items():
        if values.get(key) is None:
            continue
        part = getattr(settings, section)
        setattr(part, name, _coerce(values[key], getattr(part, name), key))
    panel = {k: _coerce(values[k], v, k) if values.get(k) is not None else v for k, v in PANEL_ONLY.items()}
    defaults = PanelDefaults(policy=settings.generator.policy, seed=panel["seed"], variants=panel["variants"],
                             frames=panel["frames"], output_dir=panel["output_dir"], engine=panel["engine"],
                             width=panel["width"], height=panel["height"])
    return settings, defaults
