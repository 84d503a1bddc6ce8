"""The welcome page: what the window shows on the right until a venue is chosen.

Its label wraps its text but does not answer heightForWidth. A word-wrapped label does
(QLabel sets it in its size policy), and the window's layouts then lay its rich text out
at each width they try, for the splitter's sizes and the window's: some 6 ms of the first
frame. The label fills its page (a stacked widget's pages are all as large as the stack),
so that height was never used: the window looks the same, at any size, and has the same
minimum size (test_welcome_page.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop.ui.qt_values import ALIGN_CENTER


def welcome_label() -> QLabel:
    label = QLabel(
        QCoreApplication.translate(
            "MainWindow",
            "<h2>Bienvenue dans Carnet</h2><p>Choisissez un lieu à gauche, ou créez-en un "
            "avec <b>Fichier › Nouveau lieu</b> (Ctrl+Maj+N).</p><p>Tout ce que vous saisissez "
            "est enregistré automatiquement, sans réseau.</p>",
        )
    )
    label.setProperty("alignment", ALIGN_CENTER)  # by name: no Qt namespace
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHeightForWidth(False)  # after setWordWrap, which sets it
    label.setSizePolicy(policy)
    return label
