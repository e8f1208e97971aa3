"""The kitchenware family: categories in objects.toml, generators in kitchenware."""
