#!/usr/bin/env bash
# Check the offline install as a facilitator would do it from a USB key:
# `bash resources/packaging/check_wheelhouse.sh`. Builds the wheelhouse for this system, copies
# it outside the checkout, runs its installer.sh with a HOME of its own and no reachable
# package index (pip's configuration ignored, PIP_INDEX_URL on a closed port), then a headless
# round trip with the installed `carnet`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$repo/resources/packaging/wheelhouse.py"
wheelhouse=$(ls -dt "$repo"/dist/carnet-wheelhouse-*-"$(python3 -c "import sys; print(sys.platform)")"-py* | head -1)
work=$(mktemp -d /tmp/carnet-usb.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$wheelhouse" "$work/cle-usb"
offline=(env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL "HOME=$work/home" "PIP_CONFIG_FILE=/dev/null"
    "PIP_INDEX_URL=http://127.0.0.1:9/" "XDG_DATA_HOME=$work/home/.local/share")
"${offline[@]}" sh "$work/cle-usb/installer.sh"
carnet="$work/home/.local/bin/carnet"
data="$work/data"
venue=$("${offline[@]}" "$carnet" --data-dir "$data" new-venue --name "Tiers-lieu USB" --commune Rodez)
visit=$("${offline[@]}" "$carnet" --data-dir "$data" new-visit "$venue")
"${offline[@]}" "$carnet" --data-dir "$data" set "$visit" visit_type=suivi
"${offline[@]}" "$carnet" --data-dir "$data" pdf "$visit" -o "$work/fiche.pdf"
head -c 5 "$work/fiche.pdf" | grep -q "%PDF-" || { echo "ÉCHEC : pdf" >&2; exit 1; }
du -sh "$wheelhouse"
echo "Installation sans réseau depuis le dossier de paquets : réussie."
