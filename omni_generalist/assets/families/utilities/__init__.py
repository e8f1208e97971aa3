"""The utilities family: categories in objects.toml, generators in climate."""
