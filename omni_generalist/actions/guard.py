"""Static checks on action code before it runs: a whitelist of Python over an ``ast`` parse.

Action code may call the action API, use ``pxr`` through the injected modules and the ``stage``
handle, and use plain Python (loops, functions, comprehensions, arithmetic). It may not import
anything but the injected names, reach dunder or private attributes, call the introspection
built-ins (``eval``, ``exec``, ``getattr``, ``globals``...), define classes, or use pxr's file
entry points (``Export``, ``Save``, ``Open``...). What the static checks cannot see (run time,
memory) the worker's limits bound.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

from ..errors import ActionError

ALLOWED_NODES: tuple[type, ...] = (
    ast.Module, ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.While, ast.If, ast.Break,
    ast.Continue, ast.Pass, ast.FunctionDef, ast.Return, ast.Lambda, ast.arguments, ast.arg, ast.keyword,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.comprehension, ast.BinOp, ast.UnaryOp,
    ast.BoolOp, ast.Compare, ast.Call, ast.Name, ast.Attribute, ast.Subscript, ast.Slice, ast.Constant,
    ast.List, ast.Tuple, ast.Dict, ast.Set, ast.JoinedStr, ast.FormattedValue, ast.IfExp, ast.Starred,
    ast.NamedExpr, ast.Try, ast.ExceptHandler, ast.Raise, ast.Assert, ast.Delete, ast.Import, ast.ImportFrom,
    ast.alias, ast.Load, ast.Store, ast.Del, ast.operator, ast.unaryop, ast.boolop, ast.cmpop,
    ast.expr_context,
)

ALLOWED_IMPORTS = {"math", "random", "pxr"}
"""Modules an action may import: they bind to the objects the sandbox injects."""

BANNED_NAMES = {
    "eval", "exec", "compile", "open", "globals", "locals", "vars", "getattr", "setattr", "delattr",
    "hasattr", "input", "breakpoint", "help", "memoryview", "type", "object", "super", "classmethod",
    "staticmethod", "property", "exit", "quit", "dir", "id", "issubclass", "BaseException",
    "SystemExit", "KeyboardInterrupt", "GeneratorExit", "os", "sys", "subprocess", "socket", "shutil",
    "builtins", "importlib", "ctypes", "pathlib", "io", "pickle", "marshal", "signal", "threading",
    "multiprocessing", "gc", "inspect", "code", "codeop", "pty", "resource", "posix", "nt",
}

BANNED_ATTRS = {
    # string formatting reaches attributes by name at run time
    "format", "format_map",
    # frames, code and generator internals (belt and braces: they are dunder-free names)
    "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "f_globals", "f_locals", "f_builtins",
    "f_back", "f_code", "tb_frame", "tb_next", "co_code", "func_globals", "mro",
    # pxr entry points that read or write files, or escape the edit layer
    "Export", "Save", "Open", "OpenMasked", "OpenAsAnonymous", "CreateNew", "FindOrOpen",
    "FindOrOpenRelativeToLayer", "Reload", "ReloadLayers", "Import", "SetEditTarget", "MuteLayer",
    "UnmuteLayer", "MuteAndUnmuteLayers", "SetPermissionToEdit", "SetPermissionToSave", "TransferContent",
    "SaveSessionLayer", "SetDefaultPrim", "ClearDefaultPrim",
}

MAX_NODES = 100_000


def _fail(kind: str, msg: str, node: ast.AST | None) -> ActionError:
    return ActionError(kind, msg, getattr(node, "lineno", None))


def check(tree: ast.AST) -> None:
    """Raise :class:`ActionError` (kind ``SandboxViolation``) for the first forbidden construct."""
    nodes = []
    for node in ast.walk(tree):
        nodes.append(node)
        if len(nodes) > MAX_NODES:
            raise _fail("SandboxViolation", f"action code is too large (more than {MAX_NODES} syntax nodes)", None)
    # report the first offence in reading order
    nodes.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0), getattr(n, "end_col_offset", 0) or 0))
    for node in nodes:
        if not isinstance(node, ALLOWED_NODES):
            raise _fail("SandboxViolation", f"{type(node).__name__} is not allowed in action code", node)
        if isinstance(node, ast.Name):
            if node.id.startswith("__") or node.id in BANNED_NAMES:
                raise _fail("SandboxViolation", f"the name {node.id!r} is not available in action code", node)
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                raise _fail("SandboxViolation", f"private attribute {node.attr!r} is not accessible", node)
            if node.attr in BANNED_ATTRS:
                raise _fail("SandboxViolation", f"attribute {node.attr!r} is not allowed in action code", node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            mod = node.module if isinstance(node, ast.ImportFrom) else None
            names = [mod] if mod else [a.name for a in node.names]
            if isinstance(node, ast.ImportFrom) and node.level:
                raise _fail("SandboxViolation", "relative imports are not allowed", node)
            for name in names:
                if name is None or name.split(".")[0] not in ALLOWED_IMPORTS:
                    raise _fail("SandboxViolation", f"import of {name!r} is not allowed (available: "
                                f"{', '.join(sorted(ALLOWED_IMPORTS))})", node)
            for alias in node.names:
                if alias.name == "*" or alias.name.startswith("_") or (alias.asname or "").startswith("_"):
                    raise _fail("SandboxViolation", f"import of {alias.name!r} is not allowed", node)
        elif isinstance(node, ast.FunctionDef):
            if node.decorator_list:
                raise _fail("SandboxViolation", "decorators are not allowed", node)
            if node.name.startswith("__"):
                raise _fail("SandboxViolation", f"the name {node.name!r} is not allowed", node)
        elif isinstance(node, ast.arg):
            if node.arg.startswith("__"):
                raise _fail("SandboxViolation", f"the name {node.arg!r} is not allowed", node)
        elif isinstance(node, ast.keyword):
            if node.arg is not None and node.arg.startswith("__"):
                raise _fail("SandboxViolation", f"the keyword {node.arg!r} is not allowed", node)
        elif isinstance(node, ast.ExceptHandler):
            if node.type is None:
                raise _fail("SandboxViolation", "a bare 'except:' is not allowed; name the exception", node)
        elif isinstance(node, ast.alias):
            if node.name.startswith("__"):
                raise _fail("SandboxViolation", f"import of {node.name!r} is not allowed", node)


MAX_FSTRING_CHARS = 5_000
"""Longest f-string accepted: CPython 3.11 parses an f-string in time quadratic in its length."""


_FSTRING_START = re.compile(r"(?i)(?:f|fr|rf)['\"]")


def _check_fstrings(code: str) -> None:
    """Refuse an f-string longer than :data:`MAX_FSTRING_CHARS` (a linear scan before the parse)."""
    if len(code) <= MAX_FSTRING_CHARS or not _FSTRING_START.search(code):
        return
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.STRING and len(tok.string) > MAX_FSTRING_CHARS:
                prefix = tok.string[: tok.string.index(tok.string[-1])].lower()
                if "f" in prefix:
                    raise ActionError("SandboxViolation", f"an f-string of {len(tok.string)} characters; the limit "
                                      f"is {MAX_FSTRING_CHARS} (build long text with join)", tok.start[0])
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return  # the parse below reports it


def parse(code: str, max_chars: int = 200_000) -> ast.Module:
    """Parse and check action code; raise :class:`ActionError` on a syntax error or a violation."""
    if not isinstance(code, str):
        raise ActionError("TypeError", "action code must be text")
    if len(code) > max_chars:
        raise ActionError("SandboxViolation", f"action code is {len(code)} characters; the limit is {max_chars}")
    if "\x00" in code:
        raise ActionError("SyntaxError", "action code contains a NUL character")
    _check_fstrings(code)
    try:
        tree = ast.parse(code, filename="<action>", mode="exec")
    except SyntaxError as exc:
        raise ActionError("SyntaxError", exc.msg or "invalid syntax", exc.lineno) from None
    except (ValueError, MemoryError, RecursionError) as exc:
        raise ActionError("SyntaxError", f"cannot parse action code: {type(exc).__name__}") from None
    check(tree)
    return tree


def compile_checked(code: str, max_chars: int = 200_000):
    """Parse, check and compile action code into a code object."""
    tree = parse(code, max_chars)
    try:
        return compile(tree, "<action>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise ActionError("SyntaxError", f"cannot compile action code: {exc}", getattr(exc, "lineno", None)) from None
