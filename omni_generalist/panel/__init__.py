"""The prompt panel's view-model: state, input checks, button actions, jobs and the stage applier.

Plain Python over ``pxr`` (no ``omni``, ``carb`` or ``isaacsim`` import), so it is tested outside
Kit; ``omni_generalist.kit.window`` only binds omni.ui widgets to :class:`PanelViewModel`.
"""

from .build import BuildResult, build_world_async, make_panel_policy, run_policy_async
from .inputs import (
    POLICY_KINDS,
    check_endpoint_url,
    check_model_path,
    parse_count,
    parse_output_dir,
    parse_seed,
    policy_spec,
)
from .jobs import JobCancelled, JobContext, JobOutcome, JobRunner, ServiceUnavailable
from .stage_apply import GENERATED_CHILDREN, ApplyReport, apply_world_layer, snapshot_world
from .viewmodel import (
    ACTIONS,
    ExportRequest,
    LogEntry,
    PanelDefaults,
    PanelServices,
    PanelState,
    PanelViewModel,
    RandomizeRequest,
)

__all__ = [
    "ACTIONS", "ApplyReport", "BuildResult", "ExportRequest", "GENERATED_CHILDREN", "JobCancelled", "JobContext",
    "JobOutcome", "JobRunner", "LogEntry", "POLICY_KINDS", "PanelDefaults", "PanelServices", "PanelState",
    "PanelViewModel", "RandomizeRequest", "ServiceUnavailable", "apply_world_layer", "build_world_async",
    "check_endpoint_url", "check_model_path", "make_panel_policy", "parse_count", "parse_output_dir", "parse_seed",
    "policy_spec", "run_policy_async", "snapshot_world",
]
