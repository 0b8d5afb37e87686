"""Entry script of the frozen build (both executables run this).

PyInstaller needs a script, not a console-script entry point; this one does what
the ``desk-app`` console script and ``python -m desk_app`` do.
"""

from desk_app.cli.main import main

if __name__ == "__main__":
    main()
