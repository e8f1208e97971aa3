"""The stands family: categories in objects.toml, generators in stands."""
