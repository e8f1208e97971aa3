"""The tools family: categories in objects.toml, generators in tools."""
