"""The personal dictionary: words the person added ("Add to dictionary"), one per line.

``dictionary.txt`` in the app home, private (0600) and replaced atomically, so a crash never
leaves half a list. Shared by every language: a name or a product is right in all of them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Final

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.paths import atomic_write

FILE_NAME: Final = "dictionary.txt"
_HEADER: Final = "# Words SMTPeter Desktop's spell check treats as right, one per line.\n"
_MAX_WORD: Final = 100


class PersonalDictionary:
    """The words in ``dictionary.txt``; each call reads the file, each change writes it whole.

    Attributes:
        path: the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<PersonalDictionary {self.path}>"

    def words(self) -> list[str]:
        """The words, as added (sorted); none when the file does not exist yet."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StorageError(
                translate(
                    "storage.dictionary", "Your dictionary {path} cannot be read: {value}."
                ).format(path=self.path, value=exc.strerror or exc),
                translate(
                    "storage.dictionary",
                    "Check who owns the file; spell checking goes on without your words.",
                ),
            ) from exc
        return sorted(
            {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}
        )

    def add(self, word: str) -> None:
        """Add *word* (one word, on one line); raises ``StorageError`` for anything else."""
        word = word.strip()
        if not word or len(word) > _MAX_WORD or any(c.isspace() for c in word):
            raise StorageError(
                translate(
                    "storage.dictionary", "“{value}” cannot be added to the dictionary."
                ).format(value=word[:_MAX_WORD]),
                translate("storage.dictionary", "Add one word at a time."),
            )
        with self._lock:
            words = set(self.words())
            if word not in words:
                self._write(words | {word})

    def remove(self, word: str) -> None:
        with self._lock:
            words = set(self.words())
            if word in words:
                self._write(words - {word})

    def _write(self, words: set[str]) -> None:
        atomic_write(self.path, _HEADER + "".join(f"{w}\n" for w in sorted(words)))
