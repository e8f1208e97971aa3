"""The cabinets family: categories in objects.toml, generators in cabinets, chests, low_furniture, tall."""
