"""What the features contribute to the views every shift shares (the due-now list, the
handover report): filled once at start-up by ``services.features.install()``, so that
the shared code never imports the features that feed it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Contributions(Generic[T]):
    """The contributions of one kind; reading them before start-up installed them is a
    bug, not an empty report."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._items: tuple[T, ...] | None = None

    def install(self, items: Iterable[T]) -> None:
        self._items = tuple(items)

    @property
    def installed(self) -> bool:
        return self._items is not None

    def __iter__(self) -> Iterator[T]:
        if self._items is None:
            raise RuntimeError(f"{self.what}: services.features.install() has not run")
        return iter(self._items)
