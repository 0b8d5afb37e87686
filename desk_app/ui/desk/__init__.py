"""The desk's settings dialog and the integrity check's results."""
