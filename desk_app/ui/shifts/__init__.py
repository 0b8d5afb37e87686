"""Logging in, handover, the day's close, operators and recent shifts."""
