"""Procedural asset generators; importing this package registers them all."""

from importlib import import_module

_MODULES = ("furniture", "storage", "small", "decor")

for _name in _MODULES:
    try:
        import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:  # a module not written yet
        if exc.name != f"{__name__}.{_name}":
            raise
