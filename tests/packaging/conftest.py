"""Registers the `freeze` marker (pyproject's --strict-markers needs it declared)."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "freeze: builds the PyInstaller one-folder app (minutes); runs only with "
        "DESK_APP_FREEZE_TEST=1",
    )
