"""Shape helpers shared by several families' generators (legs and fronts, casework, the small-object kit)."""
