"""The medical family: categories in objects.toml, generators in medical, padded_tables."""
