"""The demo estate: a realistic, deterministic history for trying the desk and for benchmarks.

Not a service: it writes years of rows at once through its own bulk helpers."""
