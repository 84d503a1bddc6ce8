"""What the bootstrap says when it cannot prepare Carnet's virtualenv, in French.

Each message names what to install or do. Standard library only, like the bootstrap.
"""

from __future__ import annotations

from pathlib import Path

OFFLINE_HINT = (
    "Sans réseau, installez Carnet depuis une clé USB : README, section « Installer Carnet »."
)

# pip's own words for a network that does not answer (connection refused, DNS, proxy, timeout).
NETWORK_SIGNS = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Max retries exceeded",
    "ConnectTimeout",
    "Read timed out",
    "ProxyError",
    "Could not fetch URL",
    "No matching distribution found",
    "getaddrinfo failed",
)


class BootstrapError(Exception):
    """A failure the user can act on; its text is the French message."""


def no_venv_message(folder: Path, details: str) -> str:
    return (
        f"impossible de créer l'environnement Python de Carnet ({folder}) : le module "
        "venv ou ensurepip de Python manque.\n"
        "Sur Debian ou Ubuntu, installez-le avec :  sudo apt install python3-venv\n"
        "Ailleurs, installez Python 3.11 ou plus récent depuis python.org, puis relancez.\n"
        f"Détail : {_last_lines(details, 3)}"
    )


def explain_pip_failure(code: int, output: str) -> str:
    """pip's failure, said for a person: the likely cause, what to do, pip's last lines."""
    if any(sign in output for sign in NETWORK_SIGNS):
        cause = (
            "les dépendances n'ont pas pu être téléchargées : pas de connexion au dépôt "
            "de paquets Python (PyPI).\nVérifiez la connexion à Internet (ou le proxy), "
            f"puis relancez.\n{OFFLINE_HINT}"
        )
    elif "DO NOT MATCH THE HASHES" in output:
        cause = (
            "un paquet téléchargé ne correspond pas au verrou (empreinte différente) : "
            "téléchargement abîmé ou dépôt modifié. Relancez ; si cela se reproduit, "
            "signalez-le à qui maintient Carnet."
        )
    elif "No space left on device" in output:
        cause = "plus de place sur le disque pour installer les dépendances : libérez-en, puis relancez."
    elif "No module named pip" in output:
        cause = "l'environnement .venv est incomplet (pip manque) : supprimez le dossier .venv, puis relancez."
    else:
        cause = f"l'installation des dépendances a échoué (pip, code {code})."
    return f"{cause}\nDernières lignes de pip :\n{_last_lines(output, 6)}"


def _last_lines(text: str, count: int) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:]) if lines else "(aucune)"
