#!/usr/bin/env bash
# Check the Linux bundle as a user would: `bash resources/packaging/check_bundle.sh [--build]`.
# Unpacks dist/carnet-*-linux-*.tar.gz (built first when absent or with --build) into a temp
# folder outside the checkout, then runs it with an empty environment whose PATH holds no
# Python: `carnet --help`, a headless round trip (new-venue, new-visit, set, pdf), the window
# on the offscreen platform for 5 s, and, when DISPLAY is set, the window on X11 (xcb).
# Prints the bundle's size and its start time against `python3 main.py` (hyperfine if present).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
if [[ "${1:-}" == "--build" ]] || ! compgen -G "$repo/dist/carnet-*-linux-*.tar.gz" >/dev/null; then
    python3 "$repo/resources/packaging/build_bundle.py"
fi
archive=$(ls -t "$repo"/dist/carnet-*-linux-*.tar.gz | head -1)
work=$(mktemp -d /tmp/carnet-check.XXXXXX)
trap '[[ -s "$work/timing.log" ]] && cat "$work/timing.log"; rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
carnet=$(echo "$work"/carnet-*/carnet)
mkdir -p "$work/empty-bin" "$work/home"
ln -s "$(command -v timeout)" "$work/empty-bin/timeout"  # the one tool the checks need
# No Python on PATH, no PYTHONPATH, no virtualenv: only what the bundle carries.
user_env=(env -i "HOME=$work/home" "PATH=$work/empty-bin" "LANG=C.UTF-8" "XDG_RUNTIME_DIR=$work/home")
fail() { echo "ÉCHEC : $*" >&2; exit 1; }
data="$work/data"

echo "== carnet --help"
"${user_env[@]}" "$carnet" --help | grep -q "new-venue" || fail "--help"

echo "== aller-retour sans fenêtre"
venue=$("${user_env[@]}" "$carnet" --data-dir "$data" new-venue --name "La Grange" --commune "Saint-Affrique")
visit=$("${user_env[@]}" "$carnet" --data-dir "$data" new-visit "$venue" --date 2026-11-30)
"${user_env[@]}" "$carnet" --data-dir "$data" set "$visit" visit_type=suivi staff_fte=2,5
"${user_env[@]}" "$carnet" --data-dir "$data" pdf "$visit" -o "$work/fiche.pdf"
head -c 5 "$work/fiche.pdf" | grep -q "%PDF-" || fail "pdf"
if command -v pdftotext >/dev/null; then
    pdftotext "$work/fiche.pdf" - | grep -q "La Grange" || fail "la fiche PDF ne nomme pas le lieu"
fi
"${user_env[@]}" "$carnet" --data-dir "$data" show "$visit" | grep -q '"suivi"' || fail "show"

window_runs() {  # the window stays up 5 s (timeout ends it: 124) with no error in its output
    local code=0
    "${user_env[@]}" "$@" timeout 5 "$carnet" --data-dir "$data" >"$work/window.log" 2>&1 || code=$?
    [[ $code == 124 ]] || { cat "$work/window.log"; fail "la fenêtre s'est arrêtée (code $code)"; }
    ! grep -Eq "Traceback|Aborted|Error" "$work/window.log" || { cat "$work/window.log"; fail "erreur"; }
}
echo "== fenêtre (offscreen, 5 s)"
window_runs QT_QPA_PLATFORM=offscreen
if [[ -n "${DISPLAY:-}" ]]; then
    echo "== fenêtre (X11, DISPLAY=$DISPLAY, 5 s)"
    window_runs "DISPLAY=$DISPLAY"
fi

echo "== taille"
du -sh "$(dirname "$carnet")" "$archive"
python=$(python3 -c 'import sys; print(sys.executable)')  # python3 itself, not a shim
echo "== démarrage : carnet --help (bundle) contre python3 main.py --help (checkout, .venv prêt)"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs 10 -N "$carnet --help" "$python $repo/main.py --help" 2>&1 | grep -v "^ *$"
fi
time_to_window() {  # seconds from launch to Carnet's window mapped on $DISPLAY
    local start end pid
    start=$(date +%s%N)
    "$@" >>"$work/timing.log" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --pid "$pid" --name "Carnet" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null && (($(date +%s%N) - start < 30000000000)) || {
            echo "pas de fenêtre"; kill "$pid" 2>/dev/null; return; }
        sleep 0.02
    done
    end=$(date +%s%N)
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    echo "scale=2; ($end - $start) / 1000000000" | bc
}
if [[ -n "${DISPLAY:-}" ]] && command -v xdotool >/dev/null && command -v bc >/dev/null; then
    for run in 1 2 3; do
        bundle=$(time_to_window "$carnet" --data-dir "$work/data-b$run")
        checkout=$(time_to_window "$python" "$repo/main.py" --data-dir "$work/data-c$run")
        echo "fenêtre affichée : bundle ${bundle} s, python3 main.py ${checkout} s"
    done
fi
echo "Le bundle fonctionne hors du dépôt, sans Python."
