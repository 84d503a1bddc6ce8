"""The form follows the template: a field added to the JSON appears with no code change."""

import json

from PySide6.QtWidgets import QLabel

from desktop.app import create_window
from desktop.core.forms.templates import SCHEMAS_DIR, TemplateSet, load_template
from desktop.core.storage.workspace import open_workspace
from tests.ui.conftest import type_text


def network_template(tmp_path):
    schema = json.loads((SCHEMAS_DIR / "visit-sheet.schema.json").read_text("utf-8"))
    schema["x-sections"].append({"id": "mobilite", "title": "Mobilité"})
    schema["properties"]["bike_parking"] = {
        "type": "boolean", "title": "Parking vélos", "x-section": "mobilite", "x-order": 10,
    }  # fmt: skip
    schema["properties"]["train_minutes"] = {
        "type": "integer", "minimum": 0, "title": "Gare la plus proche", "x-unit": "min",
        "x-section": "mobilite", "x-order": 20,
    }  # fmt: skip
    schema["properties"]["people_met"]["items"]["properties"]["phone"] = {
        "type": "string", "title": "Téléphone pro", "x-order": 30,
    }  # fmt: skip
    path = tmp_path / "reseau.schema.json"
    path.write_text(json.dumps(schema, ensure_ascii=False), "utf-8")
    return TemplateSet(visit=load_template(path), venue=TemplateSet.load().venue)


def test_a_field_added_to_the_template_is_in_the_form_and_saved(tmp_path, qtbot):
    workspace = open_workspace(tmp_path / "donnees", templates=network_template(tmp_path))
    workspace.set_setting("identity_confirmed", "1")  # past the first run's question
    window = create_window(workspace)
    qtbot.addWidget(window)
    venue = workspace.store.create_venue({"name": "La Gare", "commune": "Ussel"})
    window.browser.reload_venues(venue.id)
    window.new_visit()
    form = window.visit_editor.form
    assert [s.title for s in workspace.templates.visit.sections][-1] == "Mobilité"
    titles = [form.navigation.item(i).text() for i in range(form.navigation.count())]
    assert titles[-2:] == ["Mobilité", "Photos"]  # the template section, then the photos
    type_text(form.editor("train_minutes").line, "25")
    people = form.editor("people_met")
    assert [people.table.horizontalHeaderItem(i).text() for i in range(3)] == [
        "Rôle", "Nom", "Téléphone pro",
    ]  # fmt: skip
    window.visit_editor.flush()
    visit = workspace.store.get_visit(window.visit_editor.record_id)
    assert visit.data["train_minutes"] == 25
    units = [label.text() for label in form.editor("train_minutes").findChildren(QLabel)]
    assert "min" in units
    window.close()
    workspace.close()


def test_table_rows_keep_keys_the_template_does_not_show(tmp_path, qtbot):
    workspace = open_workspace(tmp_path / "donnees")
    window = create_window(workspace)
    qtbot.addWidget(window)
    venue = workspace.store.create_venue({"name": "La Gare", "commune": "Ussel"})
    visit = workspace.store.create_visit(venue.id, "2025-03-01")
    rows = [{"role": "Présidente", "phone": "05 55 00 00 00"}]  # phone: from a newer template
    workspace.store.update_visit(visit.id, {"people_met": rows})
    window.open_visit(visit.id, venue.id)
    people = window.visit_editor.form.editor("people_met")
    people.table.item(0, 1).setText("C. Martin")
    window.visit_editor.flush()
    assert workspace.store.get_visit(visit.id).data["people_met"] == [
        {"role": "Présidente", "name": "C. Martin", "phone": "05 55 00 00 00"}
    ]
    window.close()
    workspace.close()


def test_long_section_titles_wrap_whole_in_the_list_of_sections(qtbot):
    from PySide6.QtCore import QRect, Qt

    from desktop.ui.form.form_view import FormView

    view = FormView(TemplateSet.load().venue)
    qtbot.addWidget(view)
    view.add_extra_section("Documents de gouvernance et conventions signées", QLabel("…"))
    view.resize(900, 600)
    view.show()
    navigation = view.navigation
    last = navigation.item(navigation.count() - 1)
    wrapped = navigation.fontMetrics().boundingRect(
        QRect(0, 0, navigation.viewport().width() - 20, 1000), Qt.TextFlag.TextWordWrap, last.text()
    )
    assert wrapped.height() > 2 * navigation.fontMetrics().height()  # three lines at least
    assert navigation.visualItemRect(last).height() >= wrapped.height()
