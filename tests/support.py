"""Constants shared by tests."""

PASSWORD = "secret-1"
