"""The program's dialogs: keyboard-first forms over one service call each."""
