"""The fee ledger tab (收费台账): payments, receipts, billing, arrears, cash and close."""
