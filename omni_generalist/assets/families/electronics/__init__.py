"""The electronics family: categories in objects.toml, generators in gadgets, screens."""
