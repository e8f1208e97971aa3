"""omni_generalist: text prompt to simulation-ready OpenUSD worlds.

The public API is small: :func:`generate` builds a world from a prompt (or an action file),
:class:`Sandbox` runs action code on a world, :class:`ActionAPI` is what that code calls, and
:mod:`omni_generalist.world` reads worlds back. Nothing here imports Omniverse Kit modules.
"""

from .version import __version__

__all__ = ["__version__"]
