"""The fee ledger (收费台账): fee items and rates, charges, receipt books, payments and
receipts, late fees, credit, voids, refunds and invoices, billing, arrears, the cash drawer
and the month-end close."""
