"""The bathroom family: categories in objects.toml, generators in accessories, fixtures, racks_tubs."""
