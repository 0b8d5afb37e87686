"""Operators, logging in (a shift), handover and the day's close, supervisor approvals."""
