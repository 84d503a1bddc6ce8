"""Translation catalogues: complete, consistent with their sources, compiled, and loaded."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from desktop.ui import i18n  # noqa: E402
from desktop.ui.i18n import TRANSLATIONS_DIR, choose_language, install_translators  # noqa: E402

CATALOGUES = ("carnet_en.ts", "carnet_fr.ts")
PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def messages(ts_name: str) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts file."""
    root = ET.parse(TRANSLATIONS_DIR / ts_name).getroot()
    return [
        (context.findtext("name"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form's text, of a message."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.fixture
def translators(qapp):
    """install_translators(qapp, language), with every translator removed at teardown."""
    installed = []

    def install(language):
        installed.extend(install_translators(qapp, language))
        return installed

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


# ---------------------------------------------------------------- catalogue content
def test_english_catalogue_covers_the_interface():
    assert len(messages("carnet_en.ts")) > 50
    assert any(message.get("numerus") == "yes" for _, message in messages("carnet_en.ts"))


def test_french_catalogue_only_holds_plural_forms():
    french = messages("carnet_fr.ts")
    assert french
    assert all(message.get("numerus") == "yes" for _, message in french)


@pytest.mark.parametrize("ts_name", CATALOGUES)
def test_every_message_is_translated(ts_name):
    problems = []
    for context, message in messages(ts_name):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append((context, source, "unfinished"))
            continue
        forms = translations(message)
        if message.get("numerus") == "yes" and len(forms) != 2:  # English and French: 2 forms
            problems.append((context, source, f"{len(forms)} plural forms"))
        if not all(form.strip() for form in forms):
            problems.append((context, source, "empty"))
    assert not problems


@pytest.mark.parametrize("ts_name", CATALOGUES)
def test_placeholders_and_html_tags_are_kept(ts_name):
    problems = []
    for context, message in messages(ts_name):
        source = message.findtext("source")
        for text in translations(message):
            for pattern in (PLACEHOLDER, HTML_TAG):
                if sorted(pattern.findall(text)) != sorted(pattern.findall(source)):
                    problems.append((context, source, text))
    assert not problems


@pytest.mark.parametrize("ts_name", CATALOGUES)
def test_accelerators_are_kept(ts_name):
    def has_accelerator(text):
        return "&" in text.replace("&&", "")

    problems = [
        (context, message.findtext("source"), text)
        for context, message in messages(ts_name)
        for text in translations(message)
        if has_accelerator(text) != has_accelerator(message.findtext("source"))
    ]
    assert not problems


# ---------------------------------------------------------------- compiled catalogues
def lrelease() -> str:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease not found"
    return found


@pytest.mark.parametrize("ts_name", CATALOGUES)
def test_committed_qm_is_up_to_date(ts_name, tmp_path):
    compiled = tmp_path / Path(ts_name).with_suffix(".qm").name
    subprocess.run(
        [lrelease(), "-silent", str(TRANSLATIONS_DIR / ts_name), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    committed = TRANSLATIONS_DIR / compiled.name
    assert committed.exists(), f"{committed.name} missing: run resources/translations/update.py"
    assert committed.read_bytes() == compiled.read_bytes(), (
        f"{committed.name} is stale: run resources/translations/update.py"
    )


# ---------------------------------------------------------------- loading
def test_english_translations_are_used(qapp, translators):
    context, message = next(
        (context, message)
        for context, message in messages("carnet_en.ts")
        if message.get("numerus") != "yes"
    )
    source, english = message.findtext("source"), translations(message)[0]
    assert source != english
    translators("en")
    assert QCoreApplication.translate(context, source) == english


def test_english_widgets_are_translated(qtbot, translators):
    """Through self.tr() in a real dialog, i.e. with PySide's own context lookup."""
    from desktop.ui.dialogs.preferences_dialog import PreferencesDialog

    translators("en")
    dialog = PreferencesDialog({"user_name": "Camille", "language": "en"})
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Preferences"
    assert dialog.language.itemText(0) == "System language"


def test_english_plural_forms(qapp, translators):
    translators("en")
    assert QCoreApplication.translate("MainWindow", "%n lieu(x)", "", 1) == "1 venue"
    assert QCoreApplication.translate("MainWindow", "%n lieu(x)", "", 3) == "3 venues"


def test_french_plural_forms(qapp, translators):
    """French: the first form for 0 and 1, the second from 2 on."""
    translators("fr")
    for context, message in messages("carnet_fr.ts"):
        source = message.findtext("source")
        singular, plural = translations(message)
        for count, form in ((0, singular), (1, singular), (3, plural)):
            expected = form.replace("%Ln", str(count)).replace("%n", str(count))  # %Ln: « 3 000 »
            assert QCoreApplication.translate(context, source, "", count) == expected
    assert QCoreApplication.translate("MainWindow", "%n lieu(x)", "", 1) == "1 lieu"
    assert QCoreApplication.translate("MainWindow", "%n lieu(x)", "", 3) == "3 lieux"


def test_french_leaves_other_strings_in_french(qapp, translators):
    translators("fr")
    assert QCoreApplication.translate("MainMenus", "&Fichier") == "&Fichier"


# ---------------------------------------------------------------- choosing the language
class FakeLocale:
    name_ = "de_DE"

    @classmethod
    def system(cls):
        return cls()

    def name(self):
        return self.name_


@pytest.fixture
def system_locale(monkeypatch):
    def set_system(name):
        monkeypatch.setattr(FakeLocale, "name_", name)
        monkeypatch.setattr(i18n, "QLocale", FakeLocale)

    return set_system


def test_explicit_language_wins_over_saved_one(system_locale):
    system_locale("fr_FR")
    assert choose_language("en", "fr") == "en"
    assert choose_language("fr", "en") == "fr"


def test_saved_language_wins_over_system(system_locale):
    system_locale("en_GB")
    assert choose_language(None, "fr") == "fr"
    system_locale("fr_FR")
    assert choose_language(None, "en") == "en"


def test_system_language_when_nothing_chosen(system_locale):
    system_locale("en_US")
    assert choose_language(None, None) == "en"
    assert choose_language(None, "") == "en"  # "system language" in the preferences
    system_locale("de_DE")
    assert choose_language(None, None) == "fr"  # neither fr nor en: the source language
    system_locale("fr_CA")
    assert choose_language("xx", None) == "fr"
