"""What the user sees: the window, its dialogs and the Qt glue around the Qt-free core."""
