"""The seating family: categories in objects.toml, generators in chairs, sofas, stools_benches."""
