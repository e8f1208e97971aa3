"""User asset libraries: folders of USD, glTF/GLB, OBJ, STL, MuJoCo ``.msh``, URDF and MJCF assets,
indexed and annotated automatically (docs/assets.md, "Asset libraries"); distinct from the category
catalogue (:mod:`omni_generalist.assets.catalog`), whose categories they provide models for."""

from .store import (
                    LibrarySettings,
                    add_library,
                    assets_of,
                    libraries,
                    library_root,
                    load_index,
                    remove_library,
                    show_asset,
                    summary,
)

__all__ = ["LibrarySettings", "add_library", "assets_of", "libraries", "library_root", "load_index",
           "remove_library", "show_asset", "summary"]
