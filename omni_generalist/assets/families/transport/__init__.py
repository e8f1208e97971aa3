"""The transport family: categories in objects.toml, generators in vehicles, wheeled."""
