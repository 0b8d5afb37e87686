"""The released migrations, one module each, never edited once released.

Each module has ``NAME``, ``APPEND_ONLY`` (tables it makes append-only) and
``migrate(db)``. Vocabularies appear in their CHECK constraints as frozen literals, so
that a change to ``core.vocabularies`` can never change what an old migration creates.
"""
