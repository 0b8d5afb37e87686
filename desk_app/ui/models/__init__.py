"""Table models over the rows the services return (no SQL here)."""
