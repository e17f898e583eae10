"""The translation catalogue: extract with pyside6-lupdate, compile with pyside6-lrelease.

    python packaging/translations.py update [SOURCE_DIR ...]   # sources -> the .ts files
    python packaging/translations.py release                  # .ts -> .qm (the window's)
    python packaging/translations.py missing                  # what has no translation yet

``make translations`` runs update and release; ``make run``, ``make test`` and ``make bundle``
run release (the .qm files are built, not committed; the .ts files are the source of truth).

pyside6-lupdate reads ``translate("Ctx", "text")`` and ``QT_TRANSLATE_NOOP("Ctx", "text")``
but not a plural's ``n=count`` keyword: it drops those calls. So after lupdate this script reads
the same calls with Python's ast and adds what lupdate missed, with ``numerus="yes"``, keeping
any translation already written.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smtpeter_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)
FUNCTIONS = ("translate", "QT_TRANSLATE_NOOP")


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"smtpeter_desktop_{language}.ts"


def tool(name: str) -> str:
    """pyside6-NAME beside the running Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} was not found; install PySide6 (make .venv).")
    return found


# Reading the sources -----------------------------------------------------------------------


def python_files(sources: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        found.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return [path for path in found if "__pycache__" not in path.parts]


def calls(path: Path) -> Iterator[tuple[str, str, bool]]:
    """Every (context, text, plural) of a translate or QT_TRANSLATE_NOOP call in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            continue
        context, text = node.args[0], node.args[1]
        if not (
            isinstance(context, ast.Constant)
            and isinstance(context.value, str)
            and isinstance(text, ast.Constant)
            and isinstance(text.value, str)
        ):
            continue
        plural = len(node.args) > 2 or any(keyword.arg == "n" for keyword in node.keywords)
        yield context.value, text.value, plural


def extracted(sources: Sequence[Path]) -> dict[tuple[str, str], bool]:
    """(context, text) -> plural, for every string the sources translate."""
    found: dict[tuple[str, str], bool] = {}
    for path in python_files(sources):
        for context, text, plural in calls(path):
            found[(context, text)] = found.get((context, text), False) or plural
    return found


# The .ts file ------------------------------------------------------------------------------


def lupdate(sources: Sequence[Path], ts: Path) -> None:
    files = [str(path) for path in python_files(sources)]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(files))
    try:
        subprocess.run(
            [tool("lupdate"), "-silent", "-locations", "none", f"@{listing.name}", "-ts", str(ts)],
            check=True,
        )
    finally:
        Path(listing.name).unlink()


def _message(context: ElementTree.Element, source: str) -> ElementTree.Element | None:
    for message in context.iter("message"):
        if message.findtext("source") == source:
            return message
    return None


def add_missing(ts: Path, wanted: dict[tuple[str, str], bool]) -> int:
    """Add the calls lupdate missed (plurals), revive those it called vanished; how many."""
    tree = ElementTree.parse(  # noqa: S314 (our own files)
        ts
    )
    root = tree.getroot()
    contexts = {element.findtext("name") or "": element for element in root.iter("context")}
    changed = 0
    for (name, source), plural in sorted(wanted.items()):
        context = contexts.get(name)
        if context is None:
            context = ElementTree.SubElement(root, "context")
            ElementTree.SubElement(context, "name").text = name
            contexts[name] = context
        message = _message(context, source)
        if message is None:
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = source
            ElementTree.SubElement(message, "translation", type="unfinished")
            changed += 1
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            translation.attrib.pop("type")
            if not _finished_text(translation):
                translation.set("type", "unfinished")
            changed += 1
        if plural and message.get("numerus") != "yes":
            message.set("numerus", "yes")
            text = translation.text or ""
            translation.text = None
            for _ in range(2):
                ElementTree.SubElement(translation, "numerusform").text = text
            if not text:
                translation.set("type", "unfinished")
            changed += 1
    if changed:
        write(tree, ts)
    return changed


def _finished_text(translation: ElementTree.Element) -> bool:
    forms = [form.text for form in translation.iter("numerusform")]
    return all(forms) if forms else bool(translation.text)


def write(tree: ElementTree.ElementTree, ts: Path) -> None:
    """The .ts as lupdate lays it out, contexts sorted, so the next lupdate changes nothing."""
    root = tree.getroot()
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    attributes = "".join(f' {key}="{value}"' for key, value in root.attrib.items())
    lines.append(f"<TS{attributes}>")
    for context in contexts:
        lines += ["<context>", f"    <name>{_escape(context.findtext('name') or '')}</name>"]
        for message in context.findall("message"):
            numerus = ' numerus="yes"' if message.get("numerus") == "yes" else ""
            lines.append(f"    <message{numerus}>")
            for location in message.findall("location"):
                where = "".join(f' {k}="{_escape(v)}"' for k, v in location.attrib.items())
                lines.append(f"        <location{where}/>")
            lines.append(f"        <source>{_escape(message.findtext('source') or '')}</source>")
            for tag in ("comment", "extracomment", "translatorcomment"):
                if message.find(tag) is not None:
                    lines.append(f"        <{tag}>{_escape(message.findtext(tag) or '')}</{tag}>")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            kind_text = f' type="{kind}"' if kind else ""
            forms = [] if translation is None else translation.findall("numerusform")
            if forms:
                lines.append(f"        <translation{kind_text}>")
                for form in forms:
                    lines.append(
                        f"            <numerusform>{_escape(form.text or '')}</numerusform>"
                    )
                lines.append("        </translation>")
            else:
                text = "" if translation is None else translation.text or ""
                lines.append(f"        <translation{kind_text}>{_escape(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def update(sources: Sequence[Path], ts: Path) -> None:
    """Bring ``ts`` up to date with the sources; translations already there are kept."""
    lupdate(sources, ts)
    add_missing(ts, extracted(sources))
    # Lay it out the same way whether or not anything was added, for quiet diffs.
    write(
        ElementTree.parse(  # noqa: S314 (our own files)
            ts
        ),
        ts,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def untranslated(sources: Sequence[Path], ts: Path) -> list[tuple[str, str]]:
    """The (context, text) pairs the sources use that ``ts`` has no finished translation for.

    The sources are read by lupdate into a scratch file (and by ast for the plurals it
    misses), so this is exactly what ``make translations`` would extract.
    """
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        lupdate(sources, fresh)
        wanted = dict.fromkeys(_keys(fresh), False)
    wanted.update(extracted(sources))
    done = _finished(ts)
    return sorted(
        key for key, plural in wanted.items() if len(done.get(key, ())) < (2 if plural else 1)
    )


def misread(sources: Sequence[Path]) -> list[tuple[str, str]]:
    """What lupdate reads differently from Python: a text it extracts that no call has at run
    time (a ``\"""\\`` line continuation, which lupdate keeps as a newline), so its translation
    would never be found."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        lupdate(sources, fresh)
        found = set(_keys(fresh))
    return sorted(found - set(extracted(sources)))


def _keys(ts: Path) -> list[tuple[str, str]]:
    root = ElementTree.parse(  # noqa: S314 (our own files)
        ts
    ).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _finished(ts: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    sys.path.insert(0, str(ROOT))
    from smtpeter_desktop.i18n import read_catalogue

    return read_catalogue(ts)


def main(argv: Sequence[str]) -> int:
    command, *rest = argv or ["update"]
    sources = [Path(path) for path in rest] or [PACKAGE]
    for language in LANGUAGES:
        ts = catalogue(language)
        if command == "update":
            update(sources, ts)
        elif command == "release":
            release(ts, ts.with_suffix(".qm"))
        elif command == "missing":
            for context, text in untranslated(sources, ts):
                print(f"{language}\t{context}\t{text!r}")
        else:
            raise SystemExit(f"Unknown command {command!r}: update, release or missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
