"""Operators and shifts."""
