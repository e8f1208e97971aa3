"""Procedural assets: the object catalogue, asset builders, meshes and the material library."""

from .builders import BuiltAsset, build_asset, register_builder
from .catalog import Catalog, Category, catalog
from .materials import MaterialChoice, MaterialLibrary, material_library

__all__ = ["BuiltAsset", "Catalog", "Category", "MaterialChoice", "MaterialLibrary", "build_asset", "catalog",
           "material_library", "register_builder"]
