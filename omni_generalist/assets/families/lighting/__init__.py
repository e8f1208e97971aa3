"""The lighting family: categories in objects.toml, generators in candles, lamps."""
