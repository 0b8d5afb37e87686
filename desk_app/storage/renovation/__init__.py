"""Renovation (装修与放行): applications with their review and decision, the fees posted
on approval (links to the ledger's charges), permits."""
