"""The tables family: categories in objects.toml, generators in counters, desks, tables."""
