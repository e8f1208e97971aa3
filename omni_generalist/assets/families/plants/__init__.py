"""The plants family: categories in objects.toml, generators in plants."""
