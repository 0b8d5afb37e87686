"""The fee ledger's tables (收费台账): fee items and rates, charges, receipts, refunds, billing, arrears, the cash drawer, month-end closes, and the money check."""
