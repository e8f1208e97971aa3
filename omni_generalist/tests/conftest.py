"""These are Kit tests (omni.kit.test): pytest outside Kit must not collect them."""

collect_ignore_glob = ["test_*.py"]
