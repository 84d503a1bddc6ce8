"""A table's cell of numbers is read by one function (core/forms/typed_numbers.py
cell_number): the form's table and the `set` command read the same texts the same way."""

import json

import pytest

from desktop.core.forms.field_values import parse_assignment
from desktop.core.forms.templates import FieldSpec
from desktop.core.forms.typed_numbers import cell_number
from desktop.core.storage.workspace import open_workspace
from desktop.ui.form.table_editor import TableEditor
from tests.headless import run_carnet

AMOUNT = FieldSpec("amount", "Montant", "number", {}, unit="€")
COUNT = FieldSpec("count", "Nombre", "integer", {})
NOTE = FieldSpec("note", "Note", "text", {})
TABLE = FieldSpec("lines", "Lignes", "table", {}, columns=(AMOUNT, COUNT, NOTE))

# (text typed, the amount in euros, the count): a number, or the text kept as typed.
CELLS = [
    ("1 200", 1200, 1200),
    ("45 000 €", 45000, "45 000 €"),  # the unit of the column in euros, not of the count
    ("\u22123", -3, -3),  # a word processor's minus
    ("2,5", 2.5, "2,5"),  # no count
    ("abc", "abc", "abc"),
    ("  1 200  ", 1200, 1200),
    ("  abc ", "abc", "abc"),  # the form and `set` used to differ here: outer spaces dropped
    ("0", 0, 0),
]


def form_reads(qtbot, texts: dict[str, str]) -> dict:
    """The row the form's table keeps once these texts are typed in its cells."""
    editor = TableEditor(TABLE)
    qtbot.addWidget(editor)
    editor.add_row()
    for index, column in enumerate(TABLE.columns):
        if column.key in texts:
            editor.table.item(0, index).setText(texts[column.key])
    return editor.value()[0]


def set_reads(texts: dict[str, str]) -> dict:
    """The row `set lines=[…]` stores (the same parse_assignment as the command)."""
    template = type("OneTable", (), {"id": "essai", "field": lambda self, key: TABLE})()
    _key, rows = parse_assignment(template, "lines=" + json.dumps([texts], ensure_ascii=False))
    return rows[0]


@pytest.mark.parametrize(("typed", "amount", "count"), CELLS)
def test_the_form_and_set_read_a_cell_of_numbers_alike(qtbot, typed, amount, count):
    texts = {"amount": typed, "count": typed, "note": "x"}
    expected = {"amount": amount, "count": count, "note": "x"}
    assert form_reads(qtbot, texts) == expected
    assert set_reads(texts) == expected
    assert [cell_number(AMOUNT, typed), cell_number(COUNT, typed)] == [amount, count]


def test_an_empty_cell_is_no_value_in_the_form_and_nothing_in_cell_number(qtbot):
    assert form_reads(qtbot, {"amount": "   ", "note": "x"}) == {"note": "x"}
    assert cell_number(AMOUNT, "   ") == ""


def test_the_set_command_stores_a_meetings_votes_as_its_form_reads_them(qtbot, tmp_path):
    """For real: `set decisions=[…]` on a governance meeting, and its form's table."""
    data_dir = tmp_path / "donnees"
    workspace = open_workspace(data_dir)
    venue = workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    workspace.close()
    made = run_carnet(data_dir, "new-record", venue.id, "--template", "governance-meeting")
    assert made.returncode == 0, made.stderr
    row = {"wording": "Budget", "votes_for": " 1 200 ", "votes_against": "3", "abstentions": "12"}
    assignment = "decisions=" + json.dumps([row], ensure_ascii=False)
    result = run_carnet(data_dir, "set", made.stdout.strip(), assignment)
    assert result.returncode == 0, result.stderr
    shown = run_carnet(data_dir, "show", made.stdout.strip())
    stored = json.loads(shown.stdout)["fields"]["decisions"][0]
    workspace = open_workspace(data_dir)
    spec = workspace.templates.template("governance-meeting").field("decisions")
    workspace.close()
    editor = TableEditor(spec)
    qtbot.addWidget(editor)
    editor.add_row()
    keys = [column.key for column in spec.columns]
    for key, text in row.items():
        editor.table.item(0, keys.index(key)).setText(text)
    expected = {"wording": "Budget", "votes_for": 1200, "votes_against": 3, "abstentions": 12}
    assert stored == editor.value()[0] == expected
