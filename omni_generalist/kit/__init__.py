"""The Omniverse Kit / Isaac Sim side of omni_generalist (the only package that imports ``omni``/``carb``).

Kit imports ``omni_generalist.kit.extension`` because ``extension.toml`` lists it under
``[[python.module]]``, and instantiates the ``omni.ext.IExt`` subclass it finds there,
:class:`~omni_generalist.kit.extension.OmniGeneralistExtension`. This package itself imports
nothing, so a headless app (``scripts/generate_worlds_kit.py``) can use one adapter without the
UI extensions. Every module is a thin adapter over the tested plain-Python core: ``window`` binds
omni.ui to :mod:`omni_generalist.panel`, ``stage_adapter`` applies worlds as one undo group,
``physx_engine`` serves the physics engine interface with ``omni.physx``, ``replicator_writer``
attaches ``BasicWriter``, ``replicator_randomizer`` builds randomization graphs, ``services``
connects the last two to the panel.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["OmniGeneralistExtension"]


def __getattr__(name: str) -> Any:
    if name == "OmniGeneralistExtension":
        return import_module(".extension", __name__).OmniGeneralistExtension
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
