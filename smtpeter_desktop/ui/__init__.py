"""What the user sees: the window and its panes, built on PySide6 (the only Qt layer)."""
