"""desk-app repairs …: repair orders and their printed forms from the command line."""
