#!/bin/sh
# Installs the Debian packages parscore needs (Tesseract with Vietnamese; fonts for `make samples`)
# when they are missing: as root, or with password-less sudo; otherwise prints the command.
set -u
PKGS="tesseract-ocr tesseract-ocr-vie fonts-dejavu-core fonts-liberation2"

have_all() {
  command -v tesseract >/dev/null 2>&1 || return 1
  tesseract --list-langs 2>/dev/null | grep -qx vie || return 1
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || return 1
  [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || return 1
}

have_all && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
else
  echo "parscore: missing system packages; run: sudo apt-get install -y $PKGS" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "parscore: no apt-get here; install Tesseract 4+ with the 'vie' model and poppler by hand" >&2
  exit 0
fi
echo "parscore: installing $PKGS" >&2
$SUDO apt-get update -qq >/dev/null && \
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
have_all || { echo "parscore: could not install $PKGS" >&2; [ "${CI:-}" = true ] && exit 1; }
exit 0
