"""The tableware family: categories in objects.toml, generators in tableware."""
