"""The appliances family: categories in objects.toml, generators in cooking, cooling, countertop, laundry."""
