"""desk-app import-roster / export-roster: the owner roster from the command line."""
