"""Policies: what turns a prompt into action code.

``make_policy`` maps a policy string to an instance: ``procedural`` (the embedded default),
``hf:PATH`` (a local transformers VLM), ``openai:URL`` (an OpenAI-compatible server).
"""

from __future__ import annotations

from ..config import PolicyConfig
from ..errors import InputError
from .base import Observation, Policy
from .script import ScriptPolicy

POLICY_KINDS = ("procedural", "hf:PATH", "openai:URL")


def make_policy(spec: str, config: PolicyConfig | None = None) -> Policy:
    """Return the policy named by ``spec``.

    Args:
        spec: ``procedural``, ``hf:PATH`` or ``openai:URL``.
        config: settings of the model policies (``[policy]``).

    Raises:
        InputError: an unknown policy; :class:`~omni_generalist.errors.PolicyError` for a model
            folder that is missing or cannot be loaded, or a malformed server address.
    """
    spec = (spec or "").strip()
    kind, _, rest = spec.partition(":")
    if spec == "procedural":
        from .procedural import ProceduralPolicy

        return ProceduralPolicy(max_rooms=config.max_rooms if config is not None else 30)
    if kind == "hf" and rest:
        from .vlm import ChatPolicy
        from .vlm.hf_backend import HFBackend

        return ChatPolicy(HFBackend(rest, config), config)
    if kind == "openai" and rest:
        from .vlm import ChatPolicy
        from .vlm.openai_backend import OpenAIBackend

        return ChatPolicy(OpenAIBackend(rest, config), config)
    if kind in ("hf", "openai"):
        raise InputError(f"{kind}: needs {'a model folder' if kind == 'hf' else 'a server URL'}, e.g. "
                         + ("hf:/models/my-vlm" if kind == "hf" else "openai:http://localhost:8000/v1"))
    raise InputError(f"unknown policy {spec!r}; use one of {', '.join(POLICY_KINDS)}")


__all__ = ["Observation", "Policy", "ScriptPolicy", "make_policy"]
