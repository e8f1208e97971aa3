"""The textiles family: categories in objects.toml, generators in floor_and_window, soft."""
