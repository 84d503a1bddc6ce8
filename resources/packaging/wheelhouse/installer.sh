#!/bin/sh
# Installe Carnet sans réseau, depuis ce dossier (copié d'une clé USB). Il faut la version de
# Python écrite dans PYTHON_VERSION (sur Debian/Ubuntu : sudo apt install python3 python3-venv).
#   ./installer.sh    installe dans ~/.local/share/carnet-python et ajoute la commande carnet
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/PYTHON_VERSION")
target=${XDG_DATA_HOME:-$HOME/.local/share}/carnet-python
python=""
for candidate in "python$version" python3; do
    if command -v "$candidate" >/dev/null &&
        [ "$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" = "$version" ]; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "Python $version est introuvable : installez-le (python.org, ou le paquet python$version)," >&2
    echo "ou demandez un dossier de paquets fait pour votre version de Python." >&2
    exit 1
fi
"$python" -m venv "$target" || {
    echo "Impossible de créer l'environnement Python : sur Debian/Ubuntu, installez python3-venv." >&2
    exit 1
}
"$target/bin/pip" install --no-index --find-links "$here/wheels" --require-hashes -r "$here/requirements.txt"
mkdir -p "$HOME/.local/bin"
ln -sf "$target/bin/carnet" "$HOME/.local/bin/carnet"
echo "Carnet est installé : lancez « carnet » (commande ~/.local/bin/carnet)."
