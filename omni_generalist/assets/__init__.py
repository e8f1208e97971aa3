"""Procedural assets: the object catalogue, generators, convex parts and the material library."""

from .builders import build_asset, generator, generator_for
from .catalog import Catalog, Category, catalog
from .materials import MaterialChoice, MaterialLibrary, material_library
from .parts import AssetWriter, BuiltAsset, Surface

__all__ = ["AssetWriter", "BuiltAsset", "Catalog", "Category", "MaterialChoice", "MaterialLibrary", "Surface",
           "build_asset", "catalog", "generator", "generator_for", "material_library"]
