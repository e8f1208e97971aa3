"""Exceptions shared across the package.

Each user-facing error maps to one exit status of the command line: :class:`InputError` is
a problem with what the user gave us (exit 2), :class:`WorldInvalidError` a world that fails
validation (exit 1).
"""

from __future__ import annotations


class GeneralistError(Exception):
    """Base class of every error raised on purpose by omni_generalist."""

    exit_code = 1


class InputError(GeneralistError):
    """Bad input: an empty prompt, an unreadable file, an output path that cannot be written."""

    exit_code = 2


class WorldFormatError(InputError):
    """A world folder or USD file that is missing, corrupt or not laid out as docs/design.md §3 says."""


class PolicyError(InputError):
    """A model policy cannot run: a missing or unloadable model, an unreachable or failing server."""


class WorldInvalidError(GeneralistError):
    """A world that was built but fails validation."""

    exit_code = 1


class ActionError(GeneralistError):
    """An action failed; carries what the policy needs to read (type, message, line)."""

    def __init__(self, kind: str, message: str, line: int | None = None):
        self.kind = kind
        self.message = message
        self.line = line
        where = f" (line {line})" if line else ""
        super().__init__(f"{kind}{where}: {message}")


class PlacementError(ValueError):
    """An object could not be placed as asked (no free spot, unknown target, outside the room)."""
