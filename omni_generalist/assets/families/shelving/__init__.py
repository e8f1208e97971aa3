"""The shelving family: categories in objects.toml, generators in bookcases, display."""
