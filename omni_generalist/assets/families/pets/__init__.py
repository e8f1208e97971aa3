"""The pets family: categories in objects.toml, generators in pets."""
