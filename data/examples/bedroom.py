# omni_generalist action file: a hand-written example (the demo builds it with
#   omni-generalist generate "A cozy bedroom" --actions data/examples/bedroom.py --out demo_world)
# Each "# %% action N" cell runs as one sandboxed action; a failing cell leaves the world unchanged.

# %% action 0
create_room(width=4.2, depth=4.8, height=2.7, room_type="bedroom",
            floor_material="oak wood", wall_material="sage paint")
add_door(wall="south", offset=0.9)
add_window(wall="north", width=1.4)

# %% action 1
bed = add_object("bed", size=(1.6, 2.1, 0.55), against_wall="north", offset="center", material="linen",
                 color="cream")
for side in ("left", "right"):
    stand = add_object("nightstand", size=(0.5, 0.4, 0.55), next_to=bed, side=side, material="walnut wood")
    add_object("table lamp", size=(0.25, 0.25, 0.45), on=stand)

# %% action 2
add_object("dresser", size=(1.2, 0.5, 0.85), against_wall="east", offset="center", material="walnut wood")
add_object("wardrobe", size=(1.2, 0.6, 2.0), against_wall="west", offset="center")
add_object("armchair", size=(0.8, 0.8, 0.9), corner="south-east", material="velvet", color="mustard")
add_object("rug", position=(0.3, -0.6), size=(1.6, 1.0, 0.01), material="wool", color="terracotta")

# %% action 3
add_light("sphere", intensity=25000, temperature=2700, position=(0.0, 0.0, 2.45))
add_light("dome", intensity=80, temperature=6500)
set_lighting("warm")
