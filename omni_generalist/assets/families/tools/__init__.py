"""The tools family: categories in objects.toml, generators in long_tools, tools."""
