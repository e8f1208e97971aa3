"""Math libraries run single-threaded where a world is built, checked and drawn.

A world's matrices are 3 x 3 and 4 x 4 and its grids a few thousand cells: BLAS threads bring
nothing there and on a busy machine only wait for a core (a 3 x 3 ``numpy.linalg.inv`` took 2 ms
instead of 0.05 ms on a loaded 2-core machine, 1,500 of them per preview). The sandbox worker gets
every variable of :data:`WORKER`; the command line sets only numpy's OpenBLAS (:data:`NUMPY`), so a
model policy or training keeps torch's threads. A value the user set is kept. It must be set
before numpy is imported: the library reads it once, when it loads.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping

NUMPY = ("OPENBLAS_NUM_THREADS",)
WORKER = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_math(env: MutableMapping[str, str], names: Iterable[str] = NUMPY) -> None:
    """Set each variable of ``names`` to 1 in ``env`` unless it is set already."""
    for name in names:
        env.setdefault(name, "1")
