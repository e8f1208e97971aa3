"""The commercial family: categories in objects.toml, generators in commercial."""
