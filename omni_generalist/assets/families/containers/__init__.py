"""The containers family: categories in objects.toml, generators in bins, boxes."""
