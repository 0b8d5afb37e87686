"""desk-app check / backup / restore / selftest: the desk's maintenance from the command line."""
