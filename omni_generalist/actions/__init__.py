"""The action API, its sandboxed executor and the action log."""

from .api import ActionAPI, api_reference
from .executor import ActionResult, Sandbox
from .log import ActionLog

__all__ = ["ActionAPI", "ActionLog", "ActionResult", "Sandbox", "api_reference"]
