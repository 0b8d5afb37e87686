"""Renovation (装修与放行): applications, engineering's review, the approver's decision
with the fees posted to the ledger, the permit once they are paid."""
