"""The food family: categories in objects.toml, generators in food."""
