"""What tests share: builders of estates and records, the staff and its password, driving
the window and the command line, reading printed PDFs. Tests import from here, never from
another test module."""
