"""``desk-app renovation …``: the renovation list."""
