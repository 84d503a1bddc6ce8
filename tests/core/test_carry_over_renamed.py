"""A network's new version of a template renames a field (`x-replaces`): the first record
made under it carries the venue's last value over from the old key, as the form shows it."""

import json

from tests.sync.network_template_files import RENAMED_FROM, RENAMED_TO, visit_sheet_v2


def receive_version_2(workspace):
    """As the share's inbox installs it: into the data folder's `modeles/`, then reloaded."""
    folder = workspace.network_templates_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "visit-sheet.schema.json").write_text(json.dumps(visit_sheet_v2()), "utf-8")
    workspace.reload_templates()
    assert workspace.store.templates.visit.version == 2


def test_a_renamed_field_carries_over_from_a_record_of_the_earlier_version(workspace):
    store = workspace.store
    venue = store.create_venue({"name": "Le Hangar", "commune": "Die"})
    first = store.create_visit(venue.id, "2026-01-10")
    store.update_visit(first.id, {RENAMED_FROM: "Collégiale, au consensus"})
    receive_version_2(workspace)
    second = store.create_visit(venue.id, "2026-03-02")
    assert second.data[RENAMED_TO] == "Collégiale, au consensus"
    assert RENAMED_TO in second.carried_over
    assert RENAMED_FROM not in second.data  # the new record speaks the new version only
    assert store.get_visit(first.id).data[RENAMED_FROM] == "Collégiale, au consensus"


def test_the_new_keys_own_value_wins_over_the_old_one(workspace):
    store = workspace.store
    venue = store.create_venue({"name": "Le Hangar", "commune": "Die"})
    receive_version_2(workspace)
    first = store.create_visit(venue.id, "2026-01-10")
    store.update_visit(first.id, {RENAMED_TO: "Bureau élu"})
    second = store.create_visit(venue.id, "2026-03-02")
    assert second.data[RENAMED_TO] == "Bureau élu"
