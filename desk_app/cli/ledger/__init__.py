"""desk-app ledger …: the fee ledger from the command line."""
