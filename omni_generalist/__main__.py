"""``python -m omni_generalist`` runs the command line."""

from .cli import entry

entry()
