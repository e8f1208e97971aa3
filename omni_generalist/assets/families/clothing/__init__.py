"""The clothing family: categories in objects.toml, generators in clothing."""
