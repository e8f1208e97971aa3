"""The office family: categories in objects.toml, generators in machines, paper."""
