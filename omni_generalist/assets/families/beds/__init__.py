"""The beds family: categories in objects.toml, generators in beds."""
