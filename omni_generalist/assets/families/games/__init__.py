"""The games family: categories in objects.toml, generators in arcade, game_tables."""
