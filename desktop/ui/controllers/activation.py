"""Opening what the lists point at: a click on a row (even the one already selected, while
the venue page or the Suivi is shown) opens it; Entrée opens it and takes the keyboard
into it, so that Ctrl+L, a few letters, Entrée, Entrée lead to typing in the visit."""

from __future__ import annotations


class Activation:
    def __init__(self, window) -> None:
        self.window = window
        browser = window.browser
        browser.venue_activated.connect(self.venue)
        browser.visit_activated.connect(self.visit)

    def venue(self, venue_id: str | None, keyboard: bool) -> None:
        window = self.window
        if not venue_id:
            return
        editor = window.editors.venue
        if window.pages.currentWidget() is not editor or editor.record_id != venue_id:
            window.show_venue(venue_id)
        if keyboard and not window.browser.focus_visits():  # no visit yet: its sheet
            editor.form.focus_field(editor.form.template.fields[0].key)

    def visit(self, visit_id: str | None, keyboard: bool) -> None:
        window = self.window
        if not visit_id:
            return
        editor = window.editors.visit_if_built()
        showing = editor is not None and window.pages.currentWidget() is editor
        if not showing or editor.record_id != visit_id:
            window.show_visit(visit_id)
        if keyboard:
            form = window.visit_editor.form
            form.focus_field(form.template.fields[0].key)
