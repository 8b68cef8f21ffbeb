#!/usr/bin/env bash
# A one-folder application made with PyInstaller: dist/layout/layout (layout.exe on
# Windows), with Python, Qt, the libraries, the fonts, the ICC profile, the schema and
# the translations inside; copy the whole dist/layout folder to install it.
# It ends with a smoke test: the built program exports the sample offscreen.
#   bash tools/build_app.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sep=":"  # PyInstaller's SOURCE:DEST separator (";" before PyInstaller 6 on Windows)

[ -x .venv/bin/python ] || bash tools/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean --onedir --name layout \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" --specpath "$root/build" \
  --add-data "$root/fonts${sep}layout/fonts" \
  --add-data "$root/layout/store/document.schema.json${sep}layout/store" \
  --add-data "$root/layout/export/icc${sep}layout/export/icc" \
  --add-data "$root/layout/gui/translations${sep}layout/gui/translations" \
  --collect-data jieba \
  --copy-metadata PySide6 --copy-metadata reportlab --copy-metadata Pillow --copy-metadata numpy \
  --copy-metadata jieba --copy-metadata fonttools --copy-metadata pikepdf \
  "$root/layout/__main__.py"

smoke=$(mktemp -d)
versions=$(QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$smoke/cache" dist/layout/layout --version)
echo "$versions"
if grep -q "not installed" <<<"$versions"; then echo "the app lacks a library's metadata" >&2; exit 1; fi
(cd "$smoke" && QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$smoke/cache" \
  "$root/dist/layout/layout" export -q "$root/assets/sample/tongzhou.layout.json" -o sample.pdf)
head -c 5 "$smoke/sample.pdf" | grep -q '%PDF-'
# The editor opens the sample and keeps running until it is stopped (124: stopped by timeout).
set +e
QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$smoke/cache" timeout 8 dist/layout/layout open \
  assets/sample/tongzhou.layout.json
status=$?
set -e
if [ "$status" -ne 124 ]; then echo "the editor ended with status $status" >&2; exit 1; fi
echo "built dist/layout; it exported the sample to $smoke/sample.pdf"
