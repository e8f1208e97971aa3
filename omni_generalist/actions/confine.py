"""Operating-system confinement of the sandbox worker, applied once it has loaded what it needs.

Four levels, the strongest the kernel offers (``sandbox.confinement = "fallback"`` skips Landlock):

``landlock+seccomp``
    Landlock (Linux ≥ 5.13) limits the file system to read-only access to the Python runtime,
    the loaded libraries, this package and the allowed asset roots, and read-write access to a
    private scratch folder (the worker's working directory); nothing else can be opened, created,
    truncated, renamed, removed or listed, whatever code path asks (pxr's C++ composition
    included). Where the kernel's Landlock has them, TCP connect/bind and signals or abstract
    sockets outside the worker are denied too. seccomp (``pyseccomp``) denies process creation
    (fork, exec, non-thread clone), sockets, ptrace and io_uring.
``landlock``
    Landlock as above without the seccomp rules (``pyseccomp`` or ``libseccomp`` missing).
``seccomp``
    (no Landlock, or the fallback forced) seccomp denies the same, and every system call that
    creates, changes or removes a file: ``open`` for writing, creating or truncating, ``mkdir``,
    ``unlink``, ``rename``, ``link``, ``chmod``, ``truncate``... So nothing on disk can change.
    Reading is not confined by the kernel at this level: the pxr file entry points are refused in
    Python (see :mod:`.pxr_guard`), but a file reached by C++ composition could still be read.
``rlimits``
    (neither available) only the resource limits: no bytes written (``RLIMIT_FSIZE = 0``), plus
    the pxr refusals. Creation or truncation of a file is then not prevented.

Every level also keeps the resource limits of :mod:`.worker` (address space, CPU time).
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Landlock ABI (linux/landlock.h)
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # same on x86_64 and aarch64
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
FS_REMOVE_DIR, FS_REMOVE_FILE, FS_MAKE_CHAR, FS_MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
FS_MAKE_REG, FS_MAKE_SOCK, FS_MAKE_FIFO, FS_MAKE_BLOCK, FS_MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
FS_REFER, FS_TRUNCATE, FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1}
_FS_ABI5 = (1 << 16) - 1
_NET_BIND_TCP, _NET_CONNECT_TCP = 1 << 0, 1 << 1
_SCOPE_ABSTRACT_UNIX, _SCOPE_SIGNAL = 1 << 0, 1 << 1
_READ = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV

LEVELS = ("landlock+seccomp", "landlock", "seccomp", "rlimits")
"""Confinement levels, strongest first (``report.json``'s ``sandbox.confinement``)."""


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


@dataclass
class Confinement:
    """What was applied to the worker."""

    level: str = "rlimits"
    landlock_abi: int = 0
    read_roots: list[str] = field(default_factory=list)
    scratch: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"level": self.level, "landlock_abi": self.landlock_abi, "notes": list(self.notes)}


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version (0 when it has none or it is disabled)."""
    if not sys.platform.startswith("linux"):
        return 0
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    r = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                     ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return int(r) if r > 0 else 0


def seccomp_available() -> bool:
    """True when ``pyseccomp`` and its ``libseccomp`` load."""
    try:
        import pyseccomp  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def runtime_read_roots() -> list[str]:
    """Folders the worker must read after confinement: the Python runtime, ``sys.path``, the folders
    of every mapped shared library, this package's data, and the system library folders."""
    from ..paths import data_dir

    package = Path(__file__).resolve().parents[1]
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(package), str(data_dir())}
    for entry in sys.path:
        if not entry:
            continue
        if Path(entry).resolve() == package.parent:
            continue  # a source checkout on the path (editable install): only the package, not the repo
        roots.add(entry)
    try:
        with open("/proc/self/maps") as fh:
            for line in fh:
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and parts[5].startswith("/"):
                    roots.add(str(Path(parts[5].strip()).parent))
    except OSError:
        pass
    for sysdir in ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo"):
        roots.add(sysdir)
    return sorted(r for r in roots if os.path.isdir(r))


def _landlock(abi: int, read_roots: list[str], rw_roots: list[str], read_files: list[str]) -> None:
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    fs = _FS_ABI5 if abi >= 5 else _FS_BY_ABI.get(abi, _FS_BY_ABI[1])
    if abi >= 6:
        attr = (ctypes.c_uint64 * 3)(fs, _NET_BIND_TCP | _NET_CONNECT_TCP, _SCOPE_ABSTRACT_UNIX | _SCOPE_SIGNAL)
    elif abi >= 4:
        attr = (ctypes.c_uint64 * 2)(fs, _NET_BIND_TCP | _NET_CONNECT_TCP)
    else:
        attr = (ctypes.c_uint64 * 1)(fs)
    ruleset = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        def allow(path: str, access: int) -> None:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                return
            try:
                if not os.path.isdir(path):
                    access &= _FILE_RIGHTS
                rule = _PathBeneath(access & fs, fd)
                if libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(fd)

        for root in read_roots:
            allow(root, _READ)
        for f in read_files:
            allow(f, FS_READ_FILE)
        for root in rw_roots:
            allow(root, fs)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS) failed")
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)


_PROCESS_CALLS = ("execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
                  "socket", "socketpair", "io_uring_setup", "io_uring_enter", "io_uring_register")
_FILE_CHANGE_CALLS = ("creat", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2",
                      "link", "linkat", "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "chown", "fchown",
                      "lchown", "fchownat", "truncate", "ftruncate", "mknod", "mknodat", "utime", "utimes",
                      "utimensat", "futimesat", "setxattr", "lsetxattr", "fsetxattr", "removexattr",
                      "lremovexattr", "fremovexattr", "name_to_handle_at", "open_by_handle_at", "mount", "umount2",
                      "pivot_root", "chroot", "swapon", "swapoff", "acct", "fallocate")


def _seccomp(deny_file_changes: bool) -> None:
    import pyseccomp as sc

    f = sc.SyscallFilter(sc.ALLOW)
    eperm = sc.ERRNO(errno.EPERM)

    def deny(name: str, *args) -> None:
        try:
            f.add_rule(eperm, name, *args)
        except (OSError, ValueError):
            pass  # not a system call on this architecture

    for name in _PROCESS_CALLS:
        deny(name)
    clone_thread = 0x00010000
    deny("clone", sc.Arg(0, sc.MASKED_EQ, clone_thread, 0))  # a thread is fine, a new process is not
    try:
        f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")  # glibc then falls back to clone, checked above
    except (OSError, ValueError):
        pass
    if deny_file_changes:
        for name in _FILE_CHANGE_CALLS:
            deny(name)
        for flag in (os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_TRUNC, os.O_APPEND):
            deny("open", sc.Arg(1, sc.MASKED_EQ, flag, flag))
            deny("openat", sc.Arg(2, sc.MASKED_EQ, flag, flag))
        try:
            f.add_rule(sc.ERRNO(errno.ENOSYS), "openat2")  # flags sit behind a pointer: callers fall back to openat
        except (OSError, ValueError):
            pass
    f.load()


def confine(mode: str, scratch: str, asset_roots: list[str]) -> Confinement:
    """Apply the strongest confinement available (see the module text); return what was applied.

    Args:
        mode: ``"auto"`` (Landlock where the kernel has it) or ``"fallback"`` (never Landlock).
        scratch: the worker's private read-write folder.
        asset_roots: folders the worker may read (asset libraries, their conversion cache).
    """
    info = Confinement(scratch=scratch)
    abi = landlock_abi() if mode == "auto" else 0
    have_seccomp = seccomp_available()
    if abi:
        roots = runtime_read_roots() + [r for r in asset_roots if os.path.isdir(r)]
        info.read_roots = roots
        _landlock(abi, roots, [scratch] if scratch else [], [p for p in ("/etc/ld.so.cache", "/etc/localtime",
                                                                         "/dev/null", "/dev/urandom") if os.path.exists(p)])
        info.landlock_abi = abi
        if have_seccomp:
            _seccomp(deny_file_changes=False)
            info.level = "landlock+seccomp"
        else:
            info.level = "landlock"
            info.notes.append("pyseccomp/libseccomp not available: process creation is not blocked by seccomp")
        return info
    if mode != "auto":
        info.notes.append("Landlock skipped (sandbox.confinement = fallback)")
    else:
        info.notes.append("the kernel has no Landlock")
    if have_seccomp:
        _seccomp(deny_file_changes=True)
        info.level = "seccomp"
    else:
        info.notes.append("pyseccomp/libseccomp not available")
        info.level = "rlimits"
    return info
