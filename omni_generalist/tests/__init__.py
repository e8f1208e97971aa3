"""Kit tests of the omni_generalist extension (run inside Kit / Isaac Sim, not by pytest).

Kit's test runner imports ``omni_generalist.tests`` (the ``tests`` submodule of the extension's
python module) and runs every ``omni.kit.test.AsyncTestCase`` it finds here. See docs/kit.md.
"""

from .test_extension import *  # noqa: F401,F403
from .test_physx_engine import *  # noqa: F401,F403
from .test_replicator import *  # noqa: F401,F403
from .test_stage_adapter import *  # noqa: F401,F403
