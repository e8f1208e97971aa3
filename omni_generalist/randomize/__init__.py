"""Domain randomization: specs and presets, the USD-native variant writer, and the spec as a
Replicator graph description for Kit (see ``docs/randomization.md``)."""

from .replicator_graph import check_graph, spec_to_graph
from .spec import RandomizationSpec, check_spec, load_spec, spec_digest, spec_to_dict
from .usd_randomizer import (
                             RandomizeResult,
                             VariantResult,
                             draw_variant,
                             physics_api,
                             randomize_world,
                             spread,
                             variant_signature,
)

__all__ = ["RandomizationSpec", "RandomizeResult", "VariantResult", "check_graph", "check_spec", "draw_variant",
           "load_spec", "physics_api", "randomize_world", "spec_digest", "spec_to_dict", "spec_to_graph", "spread",
           "variant_signature"]
