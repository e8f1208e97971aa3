"""The world model over USD: stage conventions, labels and metadata, typed read access."""

from .model import ObjectInfo, OpeningInfo, RoomInfo, WallInfo, list_objects, object_info, room_info, rooms
from .stage import new_stage, open_stage

__all__ = ["ObjectInfo", "OpeningInfo", "RoomInfo", "WallInfo", "list_objects", "new_stage", "object_info",
           "open_stage", "room_info", "rooms"]
