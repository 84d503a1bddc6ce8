#!/bin/sh
# Installe Carnet pour l'utilisateur courant (sans droits d'administrateur) :
#   ./installer.sh            copie ce dossier dans ~/.local/share/carnet-programme, ajoute la commande
#                             ~/.local/bin/carnet et l'entrée « Carnet » du menu des applications.
#   ./installer.sh --retirer  enlève tout cela (les fiches et la base restent).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$data/carnet-programme  # not …/Carnet: that is where the data lives
app_id=fr.tierslieux.Carnet
if [ "${1:-}" = "--retirer" ]; then
    rm -rf "$target" "$HOME/.local/bin/carnet" "$data/applications/$app_id.desktop" \
        "$data/icons/hicolor/256x256/apps/$app_id.png" "$data/metainfo/$app_id.metainfo.xml"
    echo "Carnet est retiré (vos données sont conservées)."
    exit 0
fi
if [ "$here" != "$target" ]; then
    rm -rf "$target"
    mkdir -p "$target"
    cp -a "$here"/. "$target"/
fi
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/metainfo"
ln -sf "$target/carnet" "$HOME/.local/bin/carnet"
sed "s|^Exec=carnet|Exec=$target/carnet|; s|^TryExec=carnet|TryExec=$target/carnet|" \
    "$target/share/applications/$app_id.desktop" > "$data/applications/$app_id.desktop"
cp "$target/share/icons/hicolor/256x256/apps/$app_id.png" "$data/icons/hicolor/256x256/apps/"
cp "$target/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Carnet est installé : menu des applications, ou la commande « carnet »."
