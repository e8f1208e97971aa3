"""The decor family: categories in objects.toml, generators in ornaments, statues_clocks, trophies."""
