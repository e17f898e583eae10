"""Tests of the packaging: icons, the desktop entry, the install scripts, single instance."""
