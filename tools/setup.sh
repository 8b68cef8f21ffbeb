#!/usr/bin/env bash
# Install what the editor needs on Debian/Ubuntu, and the Python environment in .venv.
#   bash tools/setup.sh          the app
#   bash tools/setup.sh --dev    the app and what the tests need
# System packages are installed with apt-get when this runs as root (or with sudo);
# elsewhere the missing ones are listed for you to install.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

# Qt's runtime libraries that a bare Debian 12 lacks (../shared/notes/environment.md §1):
# offscreen needs the first line, a real window (xcb) the second, and xvfb-run
# shows the editor on a machine without a screen.
packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
          libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth)
# The tests read PDFs with poppler, qpdf and Ghostscript.
[ "$dev" = 1 ] && packages+=(poppler-utils qpdf ghostscript)
# The newsroom tests start a private PostgreSQL server of their own (docs/newsroom.md).
[ "$dev" = 1 ] && packages+=(postgresql)
# The newsprint profile is rebuilt with ArgyllCMS (tools/build_newsprint_profile.py); the
# tests use the Adobe RGB profile of icc-profiles-free.
[ "$dev" = 1 ] && packages+=(argyll icc-profiles-free)

python=${PYTHON:-python3}
"$python" -c 'import venv, ensurepip' 2>/dev/null || packages+=(python3-venv)

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
  if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
    echo "installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "please install these system packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[dev]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "ready: .venv/bin/layout"
