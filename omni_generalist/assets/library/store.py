"""Asset libraries on disk: registering a folder, indexing it incrementally, listing, showing, removing.

The index lives in the user's cache folder (:func:`omni_generalist.paths.cache_dir`)::

    <cache>/library/libraries.json          name → folder, when added
    <cache>/library/<name>/index.json       files seen (size, mtime), assets, scenes, broken files
    <cache>/library/<name>/converted/<key>/asset.usdc   non-USD assets converted once (with textures)
    <cache>/library/decompositions/<hash>.npz           CoACD pieces, by mesh hash

One asset is one description file (USD with a default prim, URDF, MJCF) or one standalone mesh that
no description in the folder owns (names, or sits beside). Files that did not change since the last
``add`` (same size and modification time) keep their entry; changed files are read again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...io import write_json
from ...paths import cache_dir
from .annotate import annotate, read_sidecar, unlabelled_description
from .convert import CONVERTER_VERSION, convert
from .load import (
    MESH_EXTS,
    USD_EXTS,
    AssetError,
    is_mjcf,
    load,
    mjcf_references,
    urdf_references,
)

INDEX_VERSION = 7
"""Bumped when annotation changes: an index of another version is rebuilt on the next ``add``."""
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
Progress = Callable[[int, int, str], None]


@dataclass
class LibrarySettings:
    """How a folder is indexed (the ``[assets]`` settings)."""

    max_file_mb: float = 200.0
    decomposition: str = "coacd"
    use_model: bool = True
    clip_checkpoint: str = ""
    """A CLIP-style model folder: objects are also labelled from renders (:mod:`.render_label`)."""
    clip_min_confidence: float = 0.5
    """A render label becomes the category (of an asset whose names gave none) at this confidence."""


def library_root() -> Path:
    return cache_dir() / "library"


def _registry_file() -> Path:
    return library_root() / "libraries.json"


def libraries() -> dict[str, dict]:
    """Every registered library: name → {"folder", "added", ...}."""
    f = _registry_file()
    if not f.is_file():
        return {}
    return json.loads(f.read_text(encoding="utf-8"))


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise InputError(f"library name {name!r}: use lower-case letters, digits, '-' and '_' (up to 64)")
    return name


def default_name(folder: Path) -> str:
    return re.sub(r"[^a-z0-9_-]+", "_", folder.name.lower()).strip("_-")[:64] or "library"


def index_file(name: str) -> Path:
    return library_root() / name / "index.json"


def load_index(name: str) -> dict:
    """The index of library ``name``; InputError when no such library is registered."""
    known = libraries()
    if name not in known:
        raise InputError(f"no asset library named {name!r} (known: {', '.join(sorted(known)) or 'none'}; "
                         "add one with: omni-generalist assets add DIR --name NAME)")
    f = index_file(name)
    if not f.is_file():
        return {"version": INDEX_VERSION, "files": {}, "assets": {}, "broken": {}, "skipped": 0}
    return json.loads(f.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- discovery
def discover(folder: Path) -> tuple[list[Path], int]:
    """The candidate asset files under ``folder`` (descriptions, then meshes no description owns),
    and how many other files were passed over."""
    descriptions: list[Path] = []
    meshes: list[Path] = []
    other = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith("."):
                continue
            p = (Path(dirpath) / fn).resolve()
            ext = p.suffix.lower()
            if ext in USD_EXTS or ext == ".urdf" or ext == ".mjcf":
                descriptions.append(p)
            elif ext == ".xml":
                if is_mjcf(p):
                    descriptions.append(p)
                else:
                    other += 1
            elif ext in MESH_EXTS:
                meshes.append(p)
            elif not fn.endswith(".json"):
                other += 1
    root = folder.resolve()
    owned: set[Path] = set()
    included: set[Path] = set()
    ref_dirs: dict[Path, set[Path]] = {}
    for d in descriptions:
        refs = mjcf_references(d) if d.suffix.lower() in (".xml", ".mjcf") else \
            urdf_references(d) if d.suffix.lower() == ".urdf" else []
        owned.update(refs)
        included.update(r for r in refs if r.suffix.lower() in (".xml", ".mjcf"))
        ref_dirs[d.resolve()] = {r.parent for r in refs} - {d.parent.resolve()}

    stems = {(d.parent, d.stem) for d in descriptions}

    def in_named_folder(p: Path) -> bool:
        """Inside a folder named after a description beside it (``cabinet.xml`` and ``cabinet/``)."""
        return any((a.parent, a.name) in stems for a in (p.parent, *p.parent.parents) if a != root and root in a.parents)

    def component(e: Path) -> bool:
        """A part of another description: included by it, or beside the description named after their folder."""
        e = e.resolve()
        if e in included or in_named_folder(e):
            return True
        return e.stem != e.parent.name and any(o.parent == e.parent and o.stem == o.parent.name and o != e
                                               for o in ref_dirs)

    def mesh_owned(m: Path) -> bool:
        m = m.resolve()
        if m in owned or in_named_folder(m):
            return True
        if any(m.parent in dirs for dirs in ref_dirs.values()):
            return True
        # the folder of a description named after it (milk/milk.xml) holds its source and collision meshes
        return any((dd, dd.name) in stems for dd in (m.parent, m.parent.parent) if dd != root)

    descriptions = [d for d in descriptions if not component(d)]
    standalone = [m for m in meshes if not mesh_owned(m)]
    return descriptions + standalone, other + len(meshes) - len(standalone)


def _key(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _content_hash(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _deps_key(refs: list[str]) -> str:
    parts = []
    for r in sorted(set(refs)):
        p = Path(r)
        parts.append(f"{r}={_key(p) if p.exists() else 'missing'}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def index_asset(path: Path, folder: Path, name: str, settings: LibrarySettings) -> dict:
    """Read, annotate and (unless it is USD) convert one file; raises AssetError/ValueError when unusable."""
    size_mb = path.stat().st_size / 1e6
    if size_mb > settings.max_file_mb:
        raise AssetError(f"{size_mb:.1f} MB is over the size cap (setting assets.max_file_mb = {settings.max_file_mb:g})")
    model = load(path)
    for ref in model.references:
        p = Path(ref)
        if p.exists() and p.suffix.lower() in MESH_EXTS and p.stat().st_size / 1e6 > settings.max_file_mb:
            raise AssetError(f"its mesh {p.name} ({p.stat().st_size / 1e6:.1f} MB) is over the size cap "
                             f"(setting assets.max_file_mb = {settings.max_file_mb:g})")
    if path.parent == folder:  # the library's own folder name says nothing about one asset
        model.names = [(n, src) for n, src in model.names if src != "folder name"]
    sidecar = read_sidecar(path)
    ann = annotate(path, model, sidecar, use_model=settings.use_model)
    rel = path.relative_to(folder).as_posix()
    entry = {
        "id": f"{name}/{rel}", "file": str(path), "rel": rel, "format": model.format, "kind": ann.kind,
        "category": ann.label.category, "known": ann.label.known, "label": ann.label.to_dict(),
        "size": list(ann.size), "scale": ann.scale, "up": ann.up, "front_yaw": ann.front_yaw,
        "surfaces": ann.surfaces, "collision": ann.collision, "volume": ann.volume, "mass": ann.mass,
        "articulated": ann.articulated, "joints": ann.joints, "overridden": ann.overridden,
        "references": sorted(set(model.references)), "deps": _deps_key(model.references),
    }
    if ann.label.category is None:
        entry["unlabelled"] = unlabelled_description(ann)
    if path.suffix.lower() in USD_EXTS:
        entry["usd"] = str(path)  # referenced as it is
        if hasattr(ann, "_rot"):  # (a scene of planes only has none)
            rot, off = ann._rot, ann._offset  # type: ignore[attr-defined]
            entry["transform"] = {"rotation": rot.round(6).tolist(), "offset": off.round(6).tolist()}
    elif ann.kind == "object":
        key = hashlib.sha1(f"{_content_hash(path)}:{entry['deps']}:{CONVERTER_VERSION}:{INDEX_VERSION}:{json.dumps(sidecar, sort_keys=True)}:"
                           f"{settings.decomposition}".encode()).hexdigest()[:20]
        out = library_root() / name / "converted" / key / "asset.usdc"
        if not out.is_file():
            convert(model, ann, out, library_root(), settings.decomposition)
        entry["usd"] = str(out)
    if settings.clip_checkpoint and ann.kind == "object" and entry.get("usd"):
        _label_from_renders(entry, settings)
    return entry


def _label_from_renders(entry: dict, settings: LibrarySettings) -> None:
    """Add the render label of ``entry``; it becomes its category when the names gave no knowledge-base
    category and it is sure enough (a name the knowledge base knows wins: it is the author's word)."""
    from .render_label import asset_views, label_from_renders

    got = label_from_renders(asset_views(entry), settings.clip_checkpoint)
    entry["render_label"] = got.to_dict()
    if not entry["known"] and entry["overridden"].count("category") == 0 \
            and got.confidence >= settings.clip_min_confidence:
        entry["category"], entry["known"] = got.category, True
        entry["label"] = {"category": got.category, "known": True, "confidence": got.confidence, "source": "render",
                          "text": entry["label"].get("text", "")}
        entry.pop("unlabelled", None)


def add_library(folder: str | Path, name: str | None = None, settings: LibrarySettings | None = None,
                progress: Progress | None = None) -> dict:
    """Register (or refresh) the library at ``folder`` and index what changed; return a summary."""
    settings = settings or LibrarySettings()
    if settings.decomposition not in ("coacd", "hull"):
        raise InputError(f"setting assets.decomposition must be 'coacd' or 'hull', got {settings.decomposition!r}")
    if settings.clip_checkpoint:  # a bad checkpoint fails the command, not every asset
        from ...train.clip_score import check_checkpoint

        check_checkpoint(Path(settings.clip_checkpoint).expanduser())
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise InputError(f"asset folder {str(folder)!r} does not exist or is not a folder")
    root = root.resolve()
    name = check_name(name or default_name(root))
    known = libraries()
    if name in known and Path(known[name]["folder"]) != root:
        raise InputError(f"a library named {name!r} already indexes {known[name]['folder']}; "
                         "remove it first or pick another --name")
    known[name] = {"folder": str(root), "added": known.get(name, {}).get("added", time.strftime("%Y-%m-%dT%H:%M:%S"))}
    library_root().mkdir(parents=True, exist_ok=True)
    write_json(_registry_file(), known)
    index = load_index(name)
    old_files, old_assets, old_broken = index.get("files", {}), index.get("assets", {}), index.get("broken", {})
    if index.get("version") != INDEX_VERSION:  # indexed by another annotator version: read everything again
        old_files = {}
    files, skipped = discover(root)
    new_files, assets, broken = {}, {}, {}
    reread = 0
    for i, path in enumerate(files):
        rel = path.relative_to(root).as_posix()
        if progress:
            progress(i + 1, len(files), rel)
        try:
            key = _key(path) + ":" + (_key(path.with_name(path.name + ".json"))
                                     if path.with_name(path.name + ".json").exists() else "")
        except OSError as exc:
            broken[rel] = f"cannot read it: {exc.strerror}"
            continue
        key += f":{settings.clip_checkpoint}:{settings.clip_min_confidence:g}" if settings.clip_checkpoint else ""
        prev = old_assets.get(rel)
        if old_files.get(rel) == key and prev is not None and prev.get("deps") == _deps_key(prev.get("references", [])) \
                and (prev.get("usd") is None or Path(prev["usd"]).exists()):
            assets[rel] = prev
            new_files[rel] = key
            continue
        if old_files.get(rel) == key and rel in old_broken:
            broken[rel] = old_broken[rel]
            new_files[rel] = key
            continue
        reread += 1
        try:
            assets[rel] = index_asset(path, root, name, settings)
        except (AssetError, ValueError, OSError) as exc:
            broken[rel] = str(exc) or type(exc).__name__
        new_files[rel] = key
        if reread % 10 == 0:  # a long first run keeps what it did if interrupted
            _save(name, new_files, assets, broken, skipped)
    _save(name, new_files, assets, broken, skipped)
    out = summary(name)
    out["read"] = reread
    return out


def _save(name: str, files: dict, assets: dict, broken: dict, skipped: int) -> None:
    index_file(name).parent.mkdir(parents=True, exist_ok=True)
    write_json(index_file(name), {"version": INDEX_VERSION, "files": files, "assets": assets, "broken": broken,
                                  "skipped": skipped})


def summary(name: str) -> dict:
    """Counts of library ``name``: objects (labelled, unlabelled), scenes, broken, skipped files."""
    idx = load_index(name)
    objs = [a for a in idx["assets"].values() if a["kind"] == "object"]
    return {"name": name, "folder": libraries()[name]["folder"], "objects": len(objs),
            "labelled": sum(1 for a in objs if a.get("category")),
            "unlabelled": sum(1 for a in objs if not a.get("category")),
            "scenes": sum(1 for a in idx["assets"].values() if a["kind"] == "scene"),
            "broken": dict(sorted(idx["broken"].items())), "skipped_files": idx.get("skipped", 0)}


def remove_library(name: str) -> None:
    """Forget library ``name`` and delete its index and converted files (never the user's folder)."""
    import shutil

    known = libraries()
    if name not in known:
        raise InputError(f"no asset library named {name!r} (known: {', '.join(sorted(known)) or 'none'})")
    del known[name]
    write_json(_registry_file(), known)
    shutil.rmtree(library_root() / name, ignore_errors=True)


def assets_of(names: list[str] | tuple[str, ...]) -> list[dict]:
    """Every indexed object asset of the libraries ``names`` (scenes left out)."""
    out = []
    for n in names:
        out += [a for a in load_index(n)["assets"].values() if a["kind"] == "object"]
    return out


def show_asset(asset_id: str) -> dict:
    """The index entry of asset ``LIBRARY/RELPATH``."""
    lib, _, rel = asset_id.partition("/")
    idx = load_index(lib)
    if rel not in idx["assets"]:
        if rel in idx["broken"]:
            raise InputError(f"asset {asset_id!r} is not usable: {idx['broken'][rel]}")
        raise InputError(f"no asset {asset_id!r} in library {lib!r} (see: omni-generalist assets list {lib})")
    return idx["assets"][rel]


def print_progress(done: int, total: int, rel: str) -> None:
    """A one-line progress display on stderr for ``add``."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r[{done}/{total}] {rel[:70]:<70}")
        if done == total:
            sys.stderr.write("\n")
    elif done == total or done % 25 == 0:
        sys.stderr.write(f"indexed {done}/{total}\n")
