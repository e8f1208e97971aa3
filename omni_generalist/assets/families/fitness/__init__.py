"""The fitness family: categories in objects.toml, generators in machines, weights."""
