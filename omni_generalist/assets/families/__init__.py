"""Object families: one folder per family of categories.

Each ``<family>/`` holds ``objects.toml`` (one entry per category: sizes, placement, materials,
flags, tags, ``generator``, optional ``variant`` and ``params``) beside the generator modules that
build its categories (each registers its functions with ``@generator("id")``). ``roles.toml`` says
which tags and flags make a role. The shared modelling toolkit is :mod:`omni_generalist.assets.toolkit`;
helpers shared by several families are in :mod:`omni_generalist.assets.shapes`.
"""
