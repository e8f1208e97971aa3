"""A small known world for the rendering tests, built once per test process."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from omni_generalist.actions import Sandbox

WIDTH, DEPTH, HEIGHT = 5.0, 4.0, 2.6
ACTIONS = f"""
create_room(width={WIDTH}, depth={DEPTH}, height={HEIGHT}, room_type="living room")
add_door(wall="south")
add_window(wall="east")
sofa = add_object("sofa", against_wall="north", material="blue fabric")
table = add_object("coffee table", position=(0.3, -0.2))
add_object("vase", on=table)
add_object("armchair", position=(-1.6, -1.0))
add_object("bookshelf", against_wall="west")
add_light("sphere", position=(0.0, 0.0, 2.3), temperature=3000)
add_light("dome", intensity=300)
"""


@functools.lru_cache(maxsize=1)
def world_dir() -> Path:
    """Build the world (a room 5 × 4 × 2.6 m centred on the origin) and return its folder."""
    folder = Path(tempfile.mkdtemp(prefix="og-render-test-"))
    with Sandbox(seed=3) as sb:
        res = sb.run(ACTIONS)
        assert res.ok, res.error
        sb.layer.Export(str(folder / "world.usda"))
    return folder
