"""The lab family: categories in objects.toml, generators in lab, robot_arm."""
