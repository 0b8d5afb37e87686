"""The move-in tab (入住交房)."""
