"""The floor-grid helpers of reachability give what scipy.ndimage gives (they replace it there)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from omni_generalist.metrics.reachability import CELL, clear_of, components


@pytest.mark.parametrize("seed", range(4))
def test_clearance_and_regions_match_scipy(seed):
    rng = np.random.default_rng(seed)
    for _ in range(25):
        nx, ny = (int(v) for v in rng.integers(3, 90, 2))
        blocked = rng.random((nx, ny)) < rng.uniform(0.002, 0.3)
        blocked[:, 0] = True
        for radius in (0.05, 0.25, 0.3):
            want = ndimage.distance_transform_edt(~blocked) * CELL > radius
            assert np.array_equal(clear_of(blocked, radius), want)
        free = rng.random((nx, ny)) < rng.uniform(0.3, 0.8)
        ref, n = ndimage.label(free)
        got = components(free)
        assert np.array_equal(got > 0, free)
        pairs = set(zip(ref[free].tolist(), got[free].tolist(), strict=True))
        assert len(pairs) == n == len({b for _, b in pairs})  # the same regions, one label each


def test_empty_grid_has_no_regions():
    assert not components(np.zeros((4, 5), dtype=bool)).any()
