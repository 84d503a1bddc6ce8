#!/bin/sh
# Installe Carnet sans réseau, depuis ce dossier (copié d'une clé USB). Il faut Python 3.11
# ou plus récent (sur Debian/Ubuntu : sudo apt install python3 python3-venv).
#   ./installer.sh    installe dans ~/.local/share/carnet-python et ajoute la commande carnet
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${XDG_DATA_HOME:-$HOME/.local/share}/carnet-python
python3 -m venv "$target" || {
    echo "Impossible de créer l'environnement Python : sur Debian/Ubuntu, installez python3-venv." >&2
    exit 1
}
"$target/bin/pip" install --no-index --find-links "$here/wheels" --require-hashes -r "$here/requirements.txt"
mkdir -p "$HOME/.local/bin"
ln -sf "$target/bin/carnet" "$HOME/.local/bin/carnet"
echo "Carnet est installé : lancez « carnet » (commande ~/.local/bin/carnet)."
