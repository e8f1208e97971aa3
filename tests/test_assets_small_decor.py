"""Small objects and big non-openable things (the family modules built with ``assets/shapes/kit.py``).

Every category whose generator lives in those modules (and the synonyms listed) is built at three realistic sizes and
checked: the asset is correct (:func:`asset_problems`: convex colliders exactly filling the size
box), it has no joints and no links, at most 60 parts, secondary materials only from the allowed
list and none on the root; containers declare an inside surface lying strictly within their walls
(free just above it, a floor just below it, a wall piece beyond each of its sides); other surfaces
lie within the box. The same seed gives the same asset; different seeds give different books,
plants, mugs, boxes, paintings and lamps.

Kept fast (spheres are the costly part of ``asset_problems``): one test per name, three sizes each.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from pxr import Usd, UsdGeom, UsdPhysics, UsdShade

from omni_generalist.assets.builders import build_asset, generator_for
from omni_generalist.assets.catalog import Category, catalog
from omni_generalist.assets.checks import asset_problems
from omni_generalist.world import new_stage

ROOT = "/World/Objects/x"
Size = tuple[float, float, float]

# realistic (min, max) sizes (w, d, h) per registered name, mostly the catalogue's ranges
SIZES: dict[str, tuple[Size, Size]] = {
    "air conditioner": ((0.7, 0.2, 0.25), (1.1, 0.3, 0.35)),
    "apple": ((0.07, 0.07, 0.07), (0.09, 0.09, 0.09)),
    "arcade cabinet": ((0.6, 0.75, 1.7), (0.8, 0.95, 1.9)),
    "backpack": ((0.28, 0.15, 0.4), (0.35, 0.25, 0.55)),
    "baking dish": ((0.2, 0.15, 0.04), (0.4, 0.3, 0.09)),
    "ball": ((0.06, 0.06, 0.06), (0.25, 0.25, 0.25)),
    "banana": ((0.15, 0.04, 0.04), (0.25, 0.15, 0.1)),
    "basket": ((0.25, 0.2, 0.12), (0.55, 0.4, 0.4)),
    "bath mat": ((0.5, 0.4, 0.005), (0.9, 0.6, 0.02)),
    "beaker": ((0.05, 0.05, 0.07), (0.12, 0.12, 0.18)),
    "beer tap": ((0.2, 0.15, 0.35), (0.6, 0.25, 0.6)),
    "bicycle": ((0.45, 1.5, 0.9), (0.65, 1.85, 1.15)),
    "binder": ((0.03, 0.26, 0.3), (0.08, 0.29, 0.32)),
    "bird cage": ((0.4, 0.4, 0.5), (0.8, 0.7, 1.6)),
    "blackboard": ((1, 0.02, 0.8), (3.6, 0.05, 1.3)),
    "blanket": ((0.35, 0.3, 0.05), (0.6, 0.45, 0.2)),
    "blender": ((0.15, 0.15, 0.35), (0.22, 0.22, 0.5)),
    "book": ((0.02, 0.13, 0.18), (0.06, 0.2, 0.28)),
    "book stack": ((0.15, 0.22, 0.08), (0.25, 0.3, 0.3)),
    "bottle": ((0.06, 0.06, 0.18), (0.1, 0.1, 0.33)),
    "bowl": ((0.12, 0.12, 0.05), (0.3, 0.3, 0.14)),
    "box": ((0.2, 0.15, 0.1), (0.6, 0.45, 0.4)),
    "bread": ((0.2, 0.1, 0.08), (0.6, 0.15, 0.15)),
    "bucket": ((0.25, 0.25, 0.25), (0.35, 0.35, 0.4)),
    "cactus": ((0.08, 0.08, 0.1), (0.3, 0.3, 0.6)),
    "cake": ((0.15, 0.15, 0.08), (0.3, 0.3, 0.2)),
    "cake stand": ((0.2, 0.2, 0.08), (0.35, 0.35, 0.35)),
    "calculator": ((0.07, 0.13, 0.01), (0.11, 0.19, 0.03)),
    "can": ((0.065, 0.065, 0.1), (0.1, 0.1, 0.16)),
    "candle": ((0.04, 0.04, 0.05), (0.1, 0.1, 0.3)),
    "cardboard box": ((0.3, 0.25, 0.2), (0.6, 0.45, 0.45)),
    "carpet": ((1.2, 0.8, 0.005), (3.5, 2.5, 0.02)),
    "cash register": ((0.3, 0.35, 0.15), (0.45, 0.45, 0.45)),
    "cat tree": ((0.4, 0.4, 0.6), (0.7, 0.7, 1.8)),
    "ceiling fan": ((0.9, 0.9, 0.3), (1.4, 1.4, 0.5)),
    "ceiling lamp": ((0.25, 0.25, 0.08), (0.6, 0.6, 0.25)),
    "cello": ((0.45, 0.35, 1.2), (0.7, 0.5, 1.9)),
    "cereal box": ((0.19, 0.07, 0.25), (0.3, 0.1, 0.33)),
    "chandelier": ((0.5, 0.5, 0.5), (1.2, 1.2, 1.2)),
    "clock": ((0.1, 0.06, 0.1), (0.3, 0.15, 0.3)),
    "clothes": ((0.25, 0.25, 0.05), (0.4, 0.35, 0.3)),
    "coffee machine": ((0.25, 0.28, 0.3), (0.8, 0.6, 0.55)),
    "coffee maker": ((0.2, 0.2, 0.3), (0.32, 0.3, 0.42)),
    "colander": ((0.2, 0.2, 0.1), (0.35, 0.3, 0.15)),
    "computer": ((0.17, 0.35, 0.35), (0.25, 0.5, 0.5)),
    "corkboard": ((0.6, 0.02, 0.45), (1.5, 0.04, 1.2)),
    "crate": ((0.35, 0.3, 0.25), (0.8, 0.6, 0.5)),
    "cup": ((0.07, 0.07, 0.06), (0.11, 0.1, 0.12)),
    "curtain": ((1, 0.05, 1.5), (3, 0.15, 2.7)),
    "cushion": ((0.35, 0.35, 0.1), (0.6, 0.6, 0.2)),
    "cutting board": ((0.25, 0.18, 0.015), (0.5, 0.35, 0.05)),
    "desk lamp": ((0.15, 0.15, 0.3), (0.3, 0.45, 0.6)),
    "digital piano": ((1.2, 0.3, 0.1), (1.45, 0.45, 0.95)),
    "dog bed": ((0.5, 0.4, 0.12), (1.1, 0.8, 0.3)),
    "doormat": ((0.6, 0.4, 0.01), (0.9, 0.6, 0.025)),
    "drum kit": ((1.4, 1.2, 1), (2.2, 1.8, 1.7)),
    "dumbbell": ((0.25, 0.1, 0.1), (0.4, 0.2, 0.2)),
    "espresso machine": ((0.25, 0.28, 0.3), (0.8, 0.6, 0.55)),
    "exercise bike": ((0.5, 1, 1.1), (0.65, 1.4, 1.4)),
    "eyeglasses": ((0.13, 0.14, 0.04), (0.15, 0.16, 0.05)),
    "fan": ((0.3, 0.3, 0.4), (0.5, 0.45, 1.4)),
    "figurine": ((0.05, 0.05, 0.08), (0.2, 0.15, 0.35)),
    "fire extinguisher": ((0.15, 0.15, 0.45), (0.25, 0.2, 0.65)),
    "fish tank": ((0.4, 0.25, 0.3), (0.98, 0.45, 0.6)),
    "flask": ((0.06, 0.06, 0.1), (0.14, 0.14, 0.25)),
    "floor lamp": ((0.25, 0.25, 1.4), (0.5, 0.5, 1.9)),
    "floor mirror": ((0.4, 0.03, 1.5), (0.8, 0.5, 1.9)),
    "floor speaker": ((0.2, 0.25, 0.8), (0.35, 0.4, 1.2)),
    "flowers": ((0.15, 0.15, 0.3), (0.4, 0.4, 0.7)),
    "folded clothes": ((0.25, 0.25, 0.05), (0.4, 0.35, 0.3)),
    "food container": ((0.12, 0.1, 0.05), (0.25, 0.2, 0.12)),
    "food processor": ((0.2, 0.2, 0.3), (0.3, 0.3, 0.45)),
    "fork": ((0.18, 0.025, 0.01), (0.21, 0.03, 0.02)),
    "fruit": ((0.06, 0.06, 0.06), (0.1, 0.1, 0.1)),
    "fruit bowl": ((0.25, 0.25, 0.08), (0.4, 0.4, 0.15)),
    "game console": ((0.2, 0.2, 0.04), (0.4, 0.32, 0.12)),
    "glass": ((0.06, 0.06, 0.08), (0.09, 0.09, 0.16)),
    "globe": ((0.25, 0.25, 0.3), (0.45, 0.45, 0.6)),
    "grand piano": ((1.45, 1.5, 0.98), (1.6, 2.75, 1.02)),
    "grandfather clock": ((0.45, 0.25, 1.8), (0.6, 0.35, 2.2)),
    "grapes": ((0.1, 0.08, 0.12), (0.15, 0.12, 0.2)),
    "guitar": ((0.35, 0.1, 0.95), (0.42, 0.13, 1.05)),
    "guitar stand": ((0.3, 0.3, 0.35), (0.4, 0.45, 1)),
    "hand truck": ((0.45, 0.45, 1.1), (0.6, 0.6, 1.35)),
    "handbag": ((0.25, 0.1, 0.18), (0.45, 0.2, 0.35)),
    "hanging plant": ((0.2, 0.2, 0.3), (0.45, 0.45, 0.8)),
    "hat": ((0.18, 0.2, 0.1), (0.4, 0.4, 0.18)),
    "headphones": ((0.15, 0.08, 0.17), (0.2, 0.1, 0.22)),
    "heater": ((0.2, 0.15, 0.25), (0.6, 0.3, 0.7)),
    "iron": ((0.25, 0.12, 0.13), (0.3, 0.15, 0.16)),
    "iv stand": ((0.5, 0.5, 1.6), (0.6, 0.6, 2.2)),
    "jacket": ((0.3, 0.3, 0.05), (0.55, 0.45, 0.15)),
    "jar": ((0.07, 0.07, 0.08), (0.16, 0.16, 0.28)),
    "jewelry box": ((0.15, 0.1, 0.06), (0.35, 0.25, 0.2)),
    "kettle": ((0.18, 0.14, 0.2), (0.26, 0.2, 0.3)),
    "kettlebell": ((0.15, 0.12, 0.18), (0.25, 0.2, 0.3)),
    "keyboard": ((0.28, 0.1, 0.02), (0.47, 0.17, 0.04)),
    "knife": ((0.2, 0.02, 0.01), (0.35, 0.05, 0.03)),
    "knife block": ((0.1, 0.15, 0.2), (0.2, 0.25, 0.35)),
    "ladder": ((0.45, 0.5, 1), (0.6, 1, 2.5)),
    "lamp": ((0.2, 0.2, 0.35), (0.45, 0.45, 0.75)),
    "lantern": ((0.12, 0.12, 0.2), (0.3, 0.3, 0.5)),
    "laptop": ((0.3, 0.2, 0.015), (0.4, 0.28, 0.25)),
    "laundry basket": ((0.4, 0.3, 0.3), (0.6, 0.45, 0.65)),
    "lawn mower": ((0.45, 1.2, 0.9), (0.6, 1.7, 1.1)),
    "lemon": ((0.05, 0.05, 0.06), (0.07, 0.07, 0.09)),
    "magazine": ((0.2, 0.27, 0.003), (0.23, 0.3, 0.015)),
    "mannequin": ((0.4, 0.3, 1.5), (0.55, 0.4, 1.9)),
    "medical monitor": ((0.5, 0.5, 1.3), (0.6, 0.6, 1.6)),
    "medicine bottle": ((0.04, 0.04, 0.07), (0.07, 0.07, 0.13)),
    "menu board": ((0.6, 0.03, 0.4), (2.4, 0.08, 1.2)),
    "microscope": ((0.2, 0.25, 0.35), (0.3, 0.4, 0.5)),
    "milk carton": ((0.07, 0.07, 0.2), (0.1, 0.1, 0.26)),
    "mirror": ((0.4, 0.02, 0.5), (1.2, 0.05, 1.2)),
    "monitor": ((0.45, 0.15, 0.3), (0.85, 0.25, 0.6)),
    "mouse": ((0.06, 0.1, 0.03), (0.07, 0.13, 0.045)),
    "mouse pad": ((0.22, 0.18, 0.002), (0.9, 0.4, 0.005)),
    "mug": ((0.1, 0.08, 0.09), (0.13, 0.09, 0.12)),
    "napkin": ((0.1, 0.1, 0.005), (0.2, 0.2, 0.03)),
    "notebook": ((0.14, 0.2, 0.005), (0.22, 0.3, 0.02)),
    "orange": ((0.06, 0.06, 0.06), (0.09, 0.09, 0.09)),
    "paint can": ((0.17, 0.17, 0.19), (0.3, 0.3, 0.38)),
    "painting": ((0.4, 0.02, 0.3), (1.6, 0.06, 1.2)),
    "pallet": ((1, 0.8, 0.12), (1.2, 1.2, 0.15)),
    "pan": ((0.25, 0.2, 0.04), (0.5, 0.35, 0.12)),
    "paper stack": ((0.21, 0.297, 0.005), (0.22, 0.3, 0.06)),
    "paper tray": ((0.25, 0.33, 0.06), (0.28, 0.36, 0.25)),
    "pear": ((0.06, 0.06, 0.09), (0.08, 0.08, 0.12)),
    "pen": ((0.008, 0.14, 0.008), (0.015, 0.17, 0.015)),
    "pen holder": ((0.07, 0.07, 0.09), (0.12, 0.12, 0.13)),
    "pendant light": ((0.2, 0.2, 0.3), (0.6, 0.6, 1)),
    "pet bowl": ((0.15, 0.15, 0.05), (0.25, 0.25, 0.1)),
    "phone": ((0.07, 0.14, 0.008), (0.22, 0.22, 0.1)),
    "piano": ((1.4, 0.55, 1.1), (1.55, 0.65, 1.35)),
    "picture frame": ((0.1, 0.02, 0.13), (0.3, 0.12, 0.35)),
    "pill box": ((0.12, 0.04, 0.02), (0.22, 0.08, 0.04)),
    "pillow": ((0.5, 0.3, 0.1), (0.9, 0.5, 0.2)),
    "pinball machine": ((0.7, 1.3, 1.8), (0.75, 1.4, 2)),
    "pitcher": ((0.1, 0.1, 0.15), (0.2, 0.15, 0.3)),
    "pizza": ((0.25, 0.25, 0.02), (0.4, 0.4, 0.05)),
    "placemat": ((0.4, 0.28, 0.002), (0.48, 0.35, 0.005)),
    "plant": ((0.15, 0.15, 0.2), (0.4, 0.4, 0.6)),
    "planter": ((0.2, 0.2, 0.2), (0.6, 0.6, 0.7)),
    "plate": ((0.15, 0.15, 0.015), (0.32, 0.32, 0.03)),
    "poster": ((0.3, 0.005, 0.4), (0.7, 0.02, 1)),
    "pot": ((0.18, 0.18, 0.1), (0.35, 0.3, 0.3)),
    "potted plant": ((0.4, 0.4, 0.8), (0.9, 0.9, 2)),
    "projector screen": ((1.5, 0.05, 1), (3, 0.1, 2.2)),
    "punching bag": ((0.3, 0.3, 0.9), (0.45, 0.45, 1.8)),
    "radiator": ((0.4, 0.08, 0.3), (1.6, 0.15, 0.9)),
    "radio": ((0.2, 0.08, 0.12), (0.45, 0.18, 0.25)),
    "recycling bin": ((0.3, 0.3, 0.5), (0.5, 0.55, 0.9)),
    "remote control": ((0.04, 0.15, 0.02), (0.06, 0.22, 0.03)),
    "router": ((0.15, 0.1, 0.03), (0.3, 0.2, 0.2)),
    "rug": ((1.2, 0.8, 0.005), (3.5, 2.5, 0.02)),
    "salt shaker": ((0.04, 0.04, 0.07), (0.06, 0.06, 0.2)),
    "sculpture": ((0.3, 0.3, 0.5), (0.8, 0.8, 2)),
    "server rack": ((0.6, 0.6, 1.2), (0.8, 1.2, 2.2)),
    "sewing machine": ((0.35, 0.18, 0.28), (0.5, 0.25, 0.35)),
    "shirt": ((0.22, 0.28, 0.02), (0.35, 0.38, 0.06)),
    "shoes": ((0.2, 0.28, 0.08), (0.3, 0.33, 0.35)),
    "shopping basket": ((0.4, 0.28, 0.22), (0.5, 0.35, 0.45)),
    "shopping cart": ((0.55, 0.85, 0.95), (0.65, 1.05, 1.1)),
    "shower curtain": ((1.5, 0.03, 1.8), (1.85, 0.06, 2)),
    "soap dispenser": ((0.07, 0.07, 0.15), (0.1, 0.1, 0.22)),
    "soundbar": ((0.55, 0.08, 0.05), (0.98, 0.15, 0.12)),
    "speaker": ((0.15, 0.15, 0.2), (0.3, 0.3, 0.45)),
    "spoon": ((0.14, 0.03, 0.01), (0.3, 0.08, 0.03)),
    "spray bottle": ((0.08, 0.06, 0.22), (0.12, 0.1, 0.3)),
    "stapler": ((0.04, 0.15, 0.05), (0.06, 0.22, 0.08)),
    "storage bin": ((0.35, 0.25, 0.2), (0.7, 0.45, 0.4)),
    "subwoofer": ((0.3, 0.3, 0.3), (0.45, 0.45, 0.5)),
    "suitcase": ((0.35, 0.2, 0.5), (0.5, 0.3, 0.78)),
    "table lamp": ((0.2, 0.2, 0.35), (0.45, 0.45, 0.75)),
    "tablet": ((0.15, 0.1, 0.006), (0.3, 0.22, 0.012)),
    "tapestry": ((0.6, 0.01, 0.6), (2, 0.03, 1.8)),
    "teapot": ((0.15, 0.12, 0.12), (0.28, 0.2, 0.22)),
    "teddy bear": ((0.15, 0.12, 0.2), (0.45, 0.35, 0.6)),
    "test tube rack": ((0.15, 0.06, 0.08), (0.3, 0.12, 0.15)),
    "tissue box": ((0.12, 0.12, 0.1), (0.25, 0.13, 0.14)),
    "toaster": ((0.25, 0.15, 0.18), (0.42, 0.25, 0.22)),
    "toaster oven": ((0.4, 0.3, 0.22), (0.55, 0.45, 0.35)),
    "toilet paper": ((0.1, 0.1, 0.1), (0.12, 0.12, 0.12)),
    "toothbrush holder": ((0.07, 0.07, 0.1), (0.1, 0.1, 0.14)),
    "towel": ((0.25, 0.2, 0.03), (0.5, 0.35, 0.12)),
    "toy": ((0.05, 0.05, 0.05), (0.3, 0.25, 0.3)),
    "toy car": ((0.06, 0.12, 0.04), (0.2, 0.4, 0.15)),
    "trash can": ((0.25, 0.22, 0.3), (0.45, 0.4, 0.75)),
    "tray": ((0.3, 0.2, 0.02), (0.6, 0.45, 0.06)),
    "treadmill": ((0.7, 1.6, 1.2), (0.95, 2.1, 1.6)),
    "trophy": ((0.1, 0.1, 0.2), (0.25, 0.2, 0.5)),
    "tv": ((0.7, 0.06, 0.42), (1.9, 0.3, 1.15)),
    "umbrella": ((0.06, 0.06, 0.8), (0.1, 0.1, 1)),
    "umbrella stand": ((0.2, 0.2, 0.45), (0.3, 0.3, 0.62)),
    "upright piano": ((1.4, 0.55, 1.1), (1.55, 0.65, 1.35)),
    "vase": ((0.1, 0.1, 0.2), (0.35, 0.35, 0.7)),
    "vegetable": ((0.05, 0.05, 0.05), (0.2, 0.08, 0.08)),
    "violin": ((0.2, 0.6, 0.12), (0.23, 0.75, 0.14)),
    "wall clock": ((0.25, 0.04, 0.25), (0.6, 0.08, 0.6)),
    "wall sconce": ((0.12, 0.12, 0.2), (0.3, 0.3, 0.45)),
    "water cooler": ((0.3, 0.3, 0.95), (0.4, 0.4, 1.35)),
    "weight bench": ((0.5, 1.1, 0.45), (0.7, 1.5, 1.2)),
    "wheelchair": ((0.6, 0.9, 0.9), (0.7, 1.1, 1)),
    "whiteboard": ((0.9, 0.02, 0.6), (2.4, 0.05, 1.2)),
    "wine bottle": ((0.075, 0.075, 0.29), (0.09, 0.09, 0.33)),
    "wine glass": ((0.07, 0.07, 0.15), (0.1, 0.1, 0.25)),
    "wine rack": ((0.4, 0.25, 0.4), (1, 0.35, 1.8)),
    "yoga mat": ((0.6, 1.7, 0.004), (0.7, 1.9, 0.01)),
}
# names whose asset is an open container: it must declare an inside surface within its walls
CONTAINERS = {"litter box", "mop bucket", "bowl", "fruit bowl", "pet bowl", "pan", "crate", "storage bin", "basket", "laundry basket",
              "shopping basket", "trash can", "recycling bin", "umbrella stand", "dog bed", "bird cage",
              "shopping cart", "colander", "baking dish", "bucket"}
# names that declare a (non-container) support surface: plates, trays, boards, platforms
TOPS = {"plate", "tray", "paper tray", "cutting board", "cake stand", "pallet", "wine rack", "food container",
        "cardboard box", "cat tree"}
VARIED = ("book", "plant", "potted plant", "mug", "box", "painting", "table lamp", "floor lamp", "desk lamp", "lamp")
ALLOWED = {"chrome", "brushed metal", "steel", "black plastic", "white plastic", "glass", "ceramic", "fabric", "rubber",
           "paper", "cardboard", "terracotta", "oak wood", "painted white", "painted black", "felt", "colored plastic",
           "leather", "vinyl", "aluminum", "teak", "dark wood", "acrylic", "foam", "suede", "light wood", "straw",
           "tinted glass", "water", "orange paint"}
MAX_PARTS = 60


# the family modules designed with the Kit (assets/shapes/kit.py)
KIT_MODULES = {
    "appliances.countertop", "bathroom.accessories", "clothing.clothing", "containers.bins", "containers.boxes",
    "decor.ornaments", "decor.statues_clocks", "electronics.gadgets", "electronics.screens", "fitness.machines",
    "fitness.weights", "food.food", "games.arcade", "kitchenware.kitchenware", "lab.lab", "lighting.candles",
    "lighting.lamps", "medical.medical", "music.pianos", "music.strings", "office.paper", "pets.pets",
    "plants.plants", "tableware.tableware", "textiles.floor_and_window", "textiles.soft", "tools.tools",
    "toys.toys", "transport.wheeled", "utilities.climate", "wall_decor.wall_decor", "commercial.commercial",
    "games.game_tables", "transport.vehicles", "medical.padded_tables", "office.machines", "lab.robot_arm",
    "bathroom.racks_tubs", "decor.trophies", "tools.long_tools",
}
# synonyms tested as well (they build their category's generator)
SYNONYMS = {"carpet", "clothes", "coffee machine"}


def _module(name: str) -> str:
    fn = generator_for(Category(name=name, size_min=(1, 1, 1), size_max=(1, 1, 1)))
    return fn.__module__.removeprefix("omni_generalist.assets.families.")


def _mine() -> list[str]:
    """Every catalogue category built by a Kit module, and the synonyms tested."""
    cats = catalog().categories
    return sorted({n for n in cats if _module(n) in KIT_MODULES} | SYNONYMS)


# catalogue categories without sizes of their own here are tested over their catalogue range
SIZES.update({n: (catalog().categories[n].size_min, catalog().categories[n].size_max) for n in _mine()
              if n not in SIZES})


def _sizes(name: str) -> list[Size]:
    lo, hi = SIZES[name]
    mixed = (lo[0], hi[1], (lo[2] + hi[2]) / 2)
    return [lo, hi, mixed]


def _build(name: str, size: Size, seed: int):
    stage = new_stage()
    UsdGeom.Xform.Define(stage, ROOT)
    built = build_asset(stage, ROOT, Category(name=name, size_min=size, size_max=size), size, random.Random(seed))
    return stage, built


def _meshes(stage) -> list[tuple[str, np.ndarray, list[int], list[int]]]:
    out = []
    for prim in Usd.PrimRange(stage.GetPrimAtPath(ROOT)):
        if prim.IsA(UsdGeom.Mesh):
            m = UsdGeom.Mesh(prim)
            out.append((str(prim.GetPath()), np.asarray(m.GetPointsAttr().Get(), dtype=float),
                        list(m.GetFaceVertexCountsAttr().Get()), list(m.GetFaceVertexIndicesAttr().Get())))
    return out


def _signature(stage) -> tuple:
    sig = []
    for path, pts, counts, idx in _meshes(stage):
        rel = UsdShade.MaterialBindingAPI(stage.GetPrimAtPath(path)).GetDirectBindingRel()
        sig.append((path, np.round(pts, 6).tobytes(), tuple(counts), tuple(idx), tuple(rel.GetTargets()) if rel else ()))
    return tuple(sig)


def _planes(pts: np.ndarray, counts: list[int], idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Outward unit normals and offsets of a convex mesh's faces (Newell normals)."""
    centroid = pts.mean(axis=0)
    normals, offsets, pos = [], [], 0
    for c in counts:
        face = pts[idx[pos:pos + c]]
        pos += c
        nxt = np.roll(face, -1, axis=0)
        n = np.array([np.sum((face[:, 1] - nxt[:, 1]) * (face[:, 2] + nxt[:, 2])),
                      np.sum((face[:, 2] - nxt[:, 2]) * (face[:, 0] + nxt[:, 0])),
                      np.sum((face[:, 0] - nxt[:, 0]) * (face[:, 1] + nxt[:, 1]))])
        ln = np.linalg.norm(n)
        if ln < 1e-12:
            continue
        n /= ln
        if n @ (centroid - face[0]) > 0:
            n = -n
        normals.append(n)
        offsets.append(n @ face[0])
    return np.array(normals), np.array(offsets)


def _inside(planes, points: np.ndarray, margin: float = 1e-5) -> np.ndarray:
    """For each point: True when it lies strictly inside some part (``planes``: each part's face planes)."""
    hit = np.zeros(len(points), dtype=bool)
    for n, d in planes:
        if len(n):
            hit |= np.all(points @ n.T - d < -margin, axis=1)
    return hit


def _check_inside_surface(name: str, size: Size, stage, surface) -> None:
    w, d, h = size
    meshes = _meshes(stage)
    planes = [_planes(pts, counts, idx) for _, pts, counts, idx in meshes]
    assert -w / 2 < surface.x0 < surface.x1 < w / 2 and -d / 2 < surface.y0 < surface.y1 < d / 2, (name, surface)
    assert 0 < surface.z < h, (name, surface)
    xs = np.linspace(surface.x0, surface.x1, 5)
    ys = np.linspace(surface.y0, surface.y1, 5)
    grid = np.array([(x, y) for x in xs for y in ys])
    for dz in (2e-4, min(0.01, (h - surface.z) / 3)):
        above = np.column_stack([grid, np.full(len(grid), surface.z + dz)])
        assert not _inside(planes, above).any(), f"{name} {size}: a part occupies the inside {dz} m above its floor"
    below = np.array([[(surface.x0 + surface.x1) / 2, (surface.y0 + surface.y1) / 2, surface.z - 2e-4]])
    assert _inside(planes, below, margin=0.0).all(), f"{name} {size}: no floor under the inside surface"
    boxes = [(pts.min(axis=0), pts.max(axis=0)) for _, pts, _, _ in meshes]
    sides = {"-x": lambda lo, hi: hi[0] <= surface.x0 + 1e-6, "+x": lambda lo, hi: lo[0] >= surface.x1 - 1e-6,
             "-y": lambda lo, hi: hi[1] <= surface.y0 + 1e-6, "+y": lambda lo, hi: lo[1] >= surface.y1 - 1e-6}
    for side, beyond in sides.items():
        assert any(beyond(lo, hi) and hi[2] > surface.z + 1e-3 for lo, hi in boxes), f"{name} {size}: no wall on {side}"


def test_every_registered_name_has_sizes():
    mine = _mine()
    assert len(mine) > 150
    assert set(mine) == set(SIZES)
    assert CONTAINERS <= set(mine) and TOPS <= set(mine) and set(VARIED) <= set(mine)


@pytest.mark.parametrize("name", sorted(SIZES))
def test_asset_is_valid(name):
    for i, size in enumerate(_sizes(name)):
        stage, built = _build(name, size, seed=11 + i)
        assert asset_problems(stage, ROOT, size) == [], (name, size)
        if i == 0:  # the same seed gives the same asset
            assert _signature(_build(name, size, seed=11)[0]) == _signature(stage), f"{name} is not deterministic"
        assert not built.joints and not built.links, name
        assert not any(p.IsA(UsdPhysics.Joint) for p in Usd.PrimRange(stage.GetPrimAtPath(ROOT))), name
        assert not stage.GetPrimAtPath(ROOT).HasAPI(UsdPhysics.ArticulationRootAPI), name
        assert 1 <= len(built.parts) <= MAX_PARTS, (name, len(built.parts))
        assert all(p.startswith(ROOT + "/") for p in built.parts)
        root_binding = UsdShade.MaterialBindingAPI(stage.GetPrimAtPath(ROOT)).GetDirectBindingRel()
        assert not (root_binding and root_binding.GetTargets()), f"{name} binds the main material"
        for path in built.parts:
            rel = UsdShade.MaterialBindingAPI(stage.GetPrimAtPath(path)).GetDirectBindingRel()
            for target in rel.GetTargets() if rel else ():
                label = stage.GetPrimAtPath(target).GetCustomDataByKey("generalist:material")
                assert label in ALLOWED, (name, path, label)
        w, d, h = size
        for s in built.surfaces:
            assert -w / 2 - 1e-6 <= s.x0 < s.x1 <= w / 2 + 1e-6 and -d / 2 - 1e-6 <= s.y0 < s.y1 <= d / 2 + 1e-6, (name, s)
            assert 0 < s.z <= h + 1e-6 and s.clearance > 0, (name, s)
        inside = [s for s in built.surfaces if s.inside]
        if name in CONTAINERS:
            assert inside, f"{name} {size} declares no inside surface"
            for s in inside:
                _check_inside_surface(name, size, stage, s)
        else:
            assert not inside, f"{name} {size} declares an inside surface but is not listed as a container"
        if name in TOPS:
            assert any(not s.inside for s in built.surfaces), f"{name} {size} declares no support surface"


@pytest.mark.parametrize("name", VARIED)
def test_different_seeds_vary(name):
    size = _sizes(name)[1]
    sigs = {_signature(_build(name, size, seed)[0]) for seed in range(4)}
    assert len(sigs) == 4, name
