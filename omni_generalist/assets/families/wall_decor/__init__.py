"""The wall decor family: categories in objects.toml, generators in wall_decor."""
