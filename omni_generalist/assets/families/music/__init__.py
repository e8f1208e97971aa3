"""The music family: categories in objects.toml, generators in pianos, strings."""
