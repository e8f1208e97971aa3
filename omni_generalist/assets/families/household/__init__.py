"""The household family: categories in objects.toml (built by the generic generators)."""
