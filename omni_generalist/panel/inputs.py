"""Validation of what a person types into the panel: policy choice, seed, counts, folders.

Every function returns the cleaned value or raises :class:`~omni_generalist.errors.InputError`
with one line that says what is wrong and what to type instead; the panel shows that line in
its log. Nothing here touches a stage.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError

POLICY_KINDS: tuple[str, ...] = ("procedural", "local model", "endpoint", "action file")
"""The choices of the panel's policy selector, in the order the combo box shows them."""

MAX_SEED = 2**63 - 1


def policy_spec(kind: str, value: str = "") -> str:
    """Turn the policy selector and its text field into a policy string for ``make_policy``.

    Args:
        kind: one of :data:`POLICY_KINDS`.
        value: the model folder (``local model``), the server URL (``endpoint``) or the action
            file (``action file``); ignored for ``procedural``.

    Returns:
        ``procedural``, ``hf:PATH``, ``openai:URL`` or ``actions:PATH``.

    Raises:
        InputError: an unknown kind, a missing model path, a malformed URL, a missing file.
    """
    kind = (kind or "").strip()
    value = (value or "").strip()
    if kind == "procedural":
        return "procedural"
    if kind == "local model":
        return "hf:" + str(check_model_path(value))
    if kind == "endpoint":
        return "openai:" + check_endpoint_url(value)
    if kind == "action file":
        if not value:
            raise InputError("choose an action file (.py with '# %% action' cells)")
        path = Path(value).expanduser()
        if not path.is_file():
            raise InputError(f"action file {path} does not exist")
        return "actions:" + str(path.absolute())
    raise InputError(f"unknown policy kind {kind!r}; choose one of {', '.join(POLICY_KINDS)}")


def check_model_path(value: str) -> Path:
    """Return the absolute path of a local model folder or file.

    Raises:
        InputError: the field is empty or the path does not exist.
    """
    value = (value or "").strip()
    if not value:
        raise InputError("the local model path is empty; give the folder of a transformers model")
    path = Path(value).expanduser()
    if not path.exists():
        raise InputError(f"model path {path} does not exist")
    return path.absolute()


def check_endpoint_url(value: str) -> str:
    """Return a cleaned ``http(s)://host[:port][/path]`` URL of an OpenAI-compatible server.

    Raises:
        InputError: an empty or malformed URL (no scheme, another scheme, no host, bad port,
            spaces).
    """
    url = (value or "").strip()
    if not url:
        raise InputError("the endpoint URL is empty; give e.g. http://localhost:8000/v1")
    if any(c.isspace() for c in url):
        raise InputError(f"malformed endpoint URL {url!r}: it contains spaces")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"malformed endpoint URL {url!r}: it must start with http:// or https://")
    if not parts.hostname:
        raise InputError(f"malformed endpoint URL {url!r}: it has no host name")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError:
        raise InputError(f"malformed endpoint URL {url!r}: the port is not a number in 0-65535") from None
    return url.rstrip("/")


def parse_seed(text: str | int) -> int:
    """Return the seed typed in the seed field (a whole number from 0 to 2**63 - 1).

    Raises:
        InputError: empty, not a whole number, negative or too large.
    """
    if isinstance(text, bool):
        raise InputError("the seed must be a whole number such as 0 or 42")
    if isinstance(text, int):
        value = text
    else:
        raw = (text or "").strip()
        if not raw:
            raise InputError("the seed is empty; type a whole number such as 0 or 42")
        try:
            value = int(raw, 10)
        except ValueError:
            raise InputError(f"the seed {raw!r} is not a whole number; type e.g. 0 or 42") from None
    if value < 0 or value > MAX_SEED:
        raise InputError(f"the seed {value} is out of range; use 0 to {MAX_SEED}")
    return value


def parse_count(text: str | int, what: str, low: int = 1, high: int = 10_000) -> int:
    """Return a whole number typed for ``what`` (variants, frames) within ``[low, high]``.

    Raises:
        InputError: not a whole number, or out of range.
    """
    if isinstance(text, bool):
        raise InputError(f"the number of {what} must be a whole number")
    if isinstance(text, int):
        value = text
    else:
        raw = (text or "").strip()
        try:
            value = int(raw, 10)
        except ValueError:
            raise InputError(f"the number of {what} {raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise InputError(f"the number of {what} must be between {low} and {high} (got {value})")
    return value


def parse_output_dir(text: str) -> Path:
    """Return the absolute output folder typed in the panel (it may not exist yet).

    Raises:
        InputError: empty, or the path is an existing file.
    """
    raw = (text or "").strip()
    if not raw:
        raise InputError("the output folder is empty; type where to write (e.g. ~/datasets/kitchen)")
    path = Path(raw).expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(f"the output path {path} is a file, not a folder")
    return path.absolute()
