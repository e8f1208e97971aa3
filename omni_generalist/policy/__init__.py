"""Policies: what turns a prompt into action code.

``make_policy`` maps a policy string to an instance: ``procedural`` (the embedded default),
``hf:PATH`` (a local transformers VLM), ``openai:URL`` (an OpenAI-compatible server).
"""

from __future__ import annotations

from ..errors import InputError
from .base import Observation, Policy
from .script import ScriptPolicy

POLICY_KINDS = ("procedural", "hf:PATH", "openai:URL")


def make_policy(spec: str) -> Policy:
    """Return the policy named by ``spec``.

    Raises:
        InputError: an unknown policy, or one that this version does not provide yet.
    """
    spec = (spec or "").strip()
    kind = spec.split(":", 1)[0]
    if kind == "procedural" and spec == "procedural":
        from .procedural import ProceduralPolicy

        return ProceduralPolicy()
    if kind not in ("procedural", "hf", "openai"):
        raise InputError(f"unknown policy {spec!r}; use one of {', '.join(POLICY_KINDS)}")
    raise InputError(f"the {kind} policy is not available in this version yet; "
                     "use --policy procedural or build from an action file with --actions FILE")


__all__ = ["Observation", "Policy", "ScriptPolicy", "make_policy"]
