"""The toys family: categories in objects.toml, generators in toys."""
