"""Widgets and models every feature's pages share (no feature imports another feature's
UI: what two features need lives here)."""
