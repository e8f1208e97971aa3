"""Procedural assets: the object catalogue (families), generators, the modelling toolkit and materials."""

from .builders import build_asset, generator, generator_for
from .catalog import Catalog, Category, Role, catalog
from .materials import MaterialChoice, MaterialLibrary, material_library
from .toolkit import AssetWriter, BuiltAsset, Surface

__all__ = ["AssetWriter", "BuiltAsset", "Catalog", "Category", "MaterialChoice", "MaterialLibrary", "Role", "Surface",
           "build_asset", "catalog", "generator", "generator_for", "material_library"]
