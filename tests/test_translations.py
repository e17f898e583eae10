"""Every visible string translatable, the Dutch catalogue complete, and the language chosen.

Real parts: pyside6-lupdate reads the real sources, the real catalogue is read, the command
line runs in a subprocess with a Dutch locale.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from smtpeter_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smtpeter_desktop"
CATALOGUE = ROOT / "resources" / "translations" / "smtpeter_desktop_nl.ts"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# (a) No visible string that bypasses translate() ----------------------------------------------

# Methods and classes whose string arguments a person reads (or a screen reader speaks).
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setLabelText", "setAccessibleName", "setAccessibleDescription",
    "addItem", "insertItem", "addItems", "setSuffix", "setPrefix", "setSpecialValueText",
    "showMessage", "addAction", "addMenu", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setInformativeText", "setDetailedText", "setButtonText", "addButton", "addTab",
    "setTabText", "addRow", "setOkButtonText", "setCancelButtonText", "setIconText",
    "information", "warning", "critical", "question", "getText", "getItem", "getInt",
    "add_argument", "add_parser", "add_argument_group", "add_mutually_exclusive_group",
    "error", "exit",
}  # fmt: skip
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolButton", "QCommandLinkButton", "QMessageBox", "QProgressDialog", "QListWidgetItem",
    "QTreeWidgetItem", "QTableWidgetItem", "Parser", "ArgumentParser",
}  # fmt: skip
# Keywords whose value is text (argparse's help and description, Qt's text=).
TEXT_KEYWORDS = {"help", "description", "epilog", "title", "text", "toolTip", "placeholderText"}
# Keywords that are never text: names, values, metavars are typed literally by the user.
NOT_TEXT_KEYWORDS = {"dest", "metavar", "choices", "default", "action", "type", "nargs", "prog"}
PRINTERS = {"print", "write", "say", "warn", "fail", "echo"}
WORDS = re.compile(r"[^\W\d_]{2,}")
# Literal strings that are not language: units and symbols, option names, argparse's own
# markup, a name that is the same in every language.
NOT_LANGUAGE = re.compile(
    r"^(\s*[-\u2013\u2014·•…/:|()\[\]{}%.,+*#@<>=0-9]*\s*|--?[a-z][\w-]*|[A-Z_]+|\w+:\w+)$"
)
ADDRESS_OR_LINK = re.compile(r"^\S+@\S+\.\w+$|^https?://\S+$")
ALLOWED = {"SMTPeter", "SMTPeter Desktop", "OK", "Markdown", "HTML", "CSV", "JSON", "MB", "KB"}


def _texts(node: ast.expr) -> Iterator[str]:
    """The literal language in an argument: string constants, f-string parts, joined strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                yield part.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        yield from _texts(node.left)
        if isinstance(node.op, ast.Add):
            yield from _texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _texts(node.body)
        yield from _texts(node.orelse)


def _is_language(text: str) -> bool:
    stripped = text.strip()
    if stripped in ALLOWED or NOT_LANGUAGE.match(stripped) or ADDRESS_OR_LINK.match(stripped):
        return False
    return bool(WORDS.search(stripped))


# Where only some arguments are text: addItem(text, data), insertItem(index, text, data).
_TEXT_ARGUMENTS = {"addItem": 1, "insertItem": 2, "addRow": 1, "setTabText": 2}


def _is_log(node: ast.Call) -> bool:
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    if isinstance(receiver, ast.Call):  # logging.getLogger(__name__).error(...)
        return _callee(receiver) == "getLogger"
    return isinstance(receiver, ast.Name) and receiver.id in ("log", "logger", "logging", "_log")


def _callee(node: ast.Call) -> str:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return node.func.id if isinstance(node.func, ast.Name) else ""


def untranslated_literals(path: Path) -> list[str]:
    """Where ``path`` hands a literal in a person's language to something that shows it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if _is_log(node):
            continue  # the log is for developers, in English
        arguments: list[ast.expr] = []
        if name in TEXT_METHODS or name in TEXT_CLASSES or name in PRINTERS:
            arguments += node.args[: _TEXT_ARGUMENTS.get(name, len(node.args))]
        arguments += [
            keyword.value
            for keyword in node.keywords
            if keyword.arg in TEXT_KEYWORDS
            or (keyword.arg not in NOT_TEXT_KEYWORDS and name in TEXT_CLASSES)
        ]
        for argument in arguments:
            if name in ("add_argument", "add_parser") and argument in node.args:
                continue  # the option's or command's own name, typed as it is
            for text in _texts(argument):
                if _is_language(text):
                    found.append(f"{where}:{argument.lineno}: {text!r}")
    return found


def _sources(*parts: str) -> list[Path]:
    return sorted(path for part in parts for path in (PACKAGE / part).rglob("*.py"))


def test_the_checker_finds_a_bare_label_and_passes_a_translated_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Hello there', self)\n"
        "label.setToolTip(f'{count} new messages')\n"
        "label.setText(translate('Sample', 'Translated'))\n"
        "label.setObjectName('helloLabel')\n"
        "box.setSuffix(' MB')\n"
        "parser.add_argument('--to', metavar='ADDRESS', help='who gets it')\n"
        "print(translate('Sample', 'Sent.'))\n"
        "print('Not sent.')\n",
        encoding="utf-8",
    )
    found = untranslated_literals(sample)
    assert [line.split(": ", 1)[1] for line in found] == [
        "'Hello there'",
        "' new messages'",
        "'who gets it'",
        "'Not sent.'",
    ]


@pytest.mark.parametrize("part", ["ui", "cli"])
def test_every_visible_string_goes_through_translate(part: str) -> None:
    found = [line for path in _sources(part) for line in untranslated_literals(path)]
    assert not found, (
        "Wrap these in translate('Context', '...') (see smtpeter_desktop/i18n.py):\n"
        + "\n".join(found)
    )


def test_translate_calls_use_literals_the_catalogue_can_hold() -> None:
    """lupdate and the catalogue need a literal context and text: an f-string or a text put
    together would be looked up under a text that is in no catalogue. A name is allowed for
    text marked with QT_TRANSLATE_NOOP where it is defined (tables built at import)."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "def translate(" in source:
            continue  # a translate of its own (transport/mapping.py's exceptions)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and _callee(node) == "translate" and node.args:
                if path.name == "translations.py" or isinstance(node.func, ast.Attribute):
                    continue
                context_ok = isinstance(node.args[0], ast.Constant) and isinstance(
                    node.args[0].value, str
                )
                text = node.args[1] if len(node.args) > 1 else None
                text_ok = isinstance(text, (ast.Name, ast.Attribute, ast.Subscript)) or (
                    isinstance(text, ast.Constant) and isinstance(text.value, str)
                )
                if not (context_ok and text_ok):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not wrong, "translate() needs two string literals:\n" + "\n".join(wrong)


# (b) The Dutch catalogue is complete --------------------------------------------------------


def test_every_source_text_has_a_finished_dutch_translation() -> None:
    missing = _tool().untranslated([PACKAGE], CATALOGUE)
    assert not missing, (
        f"{len(missing)} texts have no finished Dutch translation; run `make translations` "
        "and translate them in resources/translations/smtpeter_desktop_nl.ts "
        "(pyside6-linguist opens it):\n"
        + "\n".join(f"  {context}: {text!r}" for context, text in missing[:200])
    )


def test_lupdate_reads_each_text_as_python_does() -> None:
    misread = _tool().misread([PACKAGE])
    assert not misread, "lupdate extracts a text no call looks up at run time:\n" + "\n".join(
        f"  {context}: {text!r}" for context, text in misread
    )


def test_dutch_keeps_every_placeholder_of_the_english() -> None:
    """A translation that drops or renames {address} would raise KeyError in .format()."""
    table = i18n.read_catalogue(CATALOGUE)
    wrong = []
    for (context, source), forms in table.items():
        wanted = sorted(set(re.findall(r"\{\w*\}|%\(\w+\)s|%n", source)))
        for form in forms:
            if sorted(set(re.findall(r"\{\w*\}|%\(\w+\)s|%n", form))) != wanted:
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


# The catalogue without Qt, and the language chosen -------------------------------------------


def test_the_catalogue_reader_skips_unfinished_and_picks_the_plural(tmp_path: Path) -> None:
    ts = tmp_path / "smtpeter_desktop_nl.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Ctx</name>
    <message><source>Send</source><translation>Verzenden</translation></message>
    <message><source>Draft</source><translation type="unfinished">Concep</translation></message>
    <message><source>Old</source><translation type="vanished">Oud</translation></message>
    <message numerus="yes"><source>%n messages</source>
        <translation><numerusform>%n bericht</numerusform>
            <numerusform>%n berichten</numerusform></translation>
    </message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    i18n.install_catalogue(tmp_path, "nl")
    try:
        assert i18n.language() == "nl"
        assert i18n.translate("Ctx", "Send") == "Verzenden"
        assert i18n.translate("Ctx", "Draft") == "Draft"
        assert i18n.translate("Ctx", "Old") == "Old"
        assert i18n.translate("Other", "Send") == "Send"
        assert i18n.translate("Ctx", "%n messages", n=1) == "1 bericht"
        assert i18n.translate("Ctx", "%n messages", n=3) == "3 berichten"
    finally:
        i18n.install(None)
    assert i18n.translate("Ctx", "Send") == "Send"
    assert i18n.language() == "en"


def test_a_missing_or_broken_catalogue_leaves_english(tmp_path: Path) -> None:
    (tmp_path / "smtpeter_desktop_nl.ts").write_text("<TS><context>", encoding="utf-8")
    i18n.install_catalogue(tmp_path, "nl")
    try:
        assert i18n.translate("Ctx", "Send") == "Send"
    finally:
        i18n.install(None)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LANGUAGE": "de:nl", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LANGUAGE": "fr", "LANG": "nl_NL.UTF-8"}, "nl"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.system_language(environ) == expected


def test_the_setting_wins_over_the_locale_and_the_variable_over_both(tmp_path: Path) -> None:
    dutch = {"LANG": "nl_NL.UTF-8"}
    assert i18n.chosen_language("system", dutch) == "nl"
    assert i18n.chosen_language("en", dutch) == "en"
    assert i18n.chosen_language("nl", {"LANG": "C"}) == "nl"
    assert i18n.chosen_language("nl", {i18n.LANGUAGE_VARIABLE: "en"}) == "en"
    # Where the locale says nothing (macOS, Windows) the system's own reading decides.
    assert i18n.chosen_language("system", {}, system="nl") == "nl"
    assert i18n.chosen_language("system", {"LANG": "en_US.UTF-8"}, system="nl") == "en"

    assert i18n.setting_in(tmp_path) == "system"
    (tmp_path / "settings.toml").write_text('# language = "system"\nlanguage = "nl"\n')
    assert i18n.setting_in(tmp_path) == "nl"
    (tmp_path / "settings.toml").write_text('language = "klingon"\n')
    assert i18n.setting_in(tmp_path) == "system"


@pytest.mark.parametrize("home", ["", "/tmp/elsewhere"])
@pytest.mark.parametrize("data", ["", "/tmp/data", "relative/data"])
def test_the_command_line_finds_the_settings_where_storage_keeps_them(
    home: str, data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smtpeter_desktop import cli
    from smtpeter_desktop.storage import paths

    monkeypatch.setenv("SMTPETER_DESKTOP_HOME", home)
    monkeypatch.setenv("XDG_DATA_HOME", data)
    assert Path(cli.home_folder()) == paths.app_home_path()


# (d) The command line in Dutch --------------------------------------------------------------


def _cli(home: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", i18n.LANGUAGE_VARIABLE)
    }
    env.update(environ, SMTPETER_DESKTOP_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_the_command_line_speaks_dutch_in_a_dutch_locale(tmp_path: Path) -> None:
    dutch = _cli(tmp_path, "--help", LANG="nl_NL.UTF-8")
    english = _cli(tmp_path, "--help", LANG="en_US.UTF-8")
    assert dutch.returncode == english.returncode == 0
    assert "write mail in Markdown" in english.stdout
    assert "schrijf mail in Markdown" in dutch.stdout
    assert "gebruik:" in dutch.stdout  # argparse's own words too
    assert "opties" in dutch.stdout

    wrong = _cli(tmp_path, "drafts", "--no-such-option", LANG="nl_NL.UTF-8")
    assert wrong.returncode != 0
    assert "onbekende argumenten" in wrong.stderr
    assert not (tmp_path / "settings.toml").exists()


def test_the_language_setting_overrides_the_locale_for_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('language = "nl"\n', encoding="utf-8")
    assert "schrijf mail in Markdown" in _cli(tmp_path, "--help", LANG="en_US.UTF-8").stdout
    (tmp_path / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    assert "write mail in Markdown" in _cli(tmp_path, "--help", LANG="nl_NL.UTF-8").stdout


def test_sizes_follow_the_language(tmp_path: Path) -> None:
    from smtpeter_desktop.compose.sizes import human_size

    assert human_size(2.5 * 1024) == "2.5 KB"
    assert human_size(512) == "512 bytes"
    i18n.install(lambda context, text, n: text, "nl")
    try:
        assert human_size(2.5 * 1024) == "2,5 KB"
        assert human_size(3 * 1024 * 1024) == "3,0 MB"
        assert i18n.decimal(0.25, 2) == "0,25"
    finally:
        i18n.install(None)


def test_make_translations_keeps_the_plurals_lupdate_skips(tmp_path: Path) -> None:
    """pyside6-lupdate drops ``translate(..., n=count)``: the update adds it, as a plural."""
    source = tmp_path / "sample.py"
    source.write_text(
        "from smtpeter_desktop.i18n import translate\n"
        "def f(count: int) -> str:\n"
        "    return translate('Sample', '%n files', n=count) + translate('Sample', 'Done')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "sample_nl.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="nl">\n</TS>\n',
        encoding="utf-8",
    )
    tool = _tool()
    tool.update([source], ts)
    text = ts.read_text(encoding="utf-8")
    assert '<message numerus="yes">\n        <source>%n files</source>' in text
    assert "<source>Done</source>" in text
    # Translated, then updated again: the translation stays.
    ts.write_text(
        text.replace(
            '<translation type="unfinished">\n            <numerusform></numerusform>\n'
            "            <numerusform></numerusform>",
            "<translation>\n            <numerusform>%n bestand</numerusform>\n"
            "            <numerusform>%n bestanden</numerusform>",
        ),
        encoding="utf-8",
    )
    tool.update([source], ts)
    assert i18n.read_catalogue(ts)[("Sample", "%n files")] == ("%n bestand", "%n bestanden")


def test_nothing_is_translated_at_import() -> None:
    """A text translated when its module loads stays in the language of that moment: the
    window installs its translator after importing most of the app."""
    found = []

    def walk(node: ast.AST, path: Path, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            if not in_function and isinstance(child, ast.Call) and _callee(child) == "translate":
                found.append(f"{path.relative_to(ROOT)}:{child.lineno}")
            walk(child, path, inside)

    for path in sorted(PACKAGE.rglob("*.py")):
        walk(ast.parse(path.read_text(encoding="utf-8")), path, False)
    assert not found, "translate() at import time; call it where the text is shown:\n" + (
        "\n".join(found)
    )
