#!/bin/sh
# Installs Debian's `chromium` (and a font with Vietnamese glyphs) for the report's browser
# test when missing: as root, or with password-less sudo; otherwise prints the command.
# Under CI=true a failed install exits 1, so the test set-up stops with the reason.
set -u
PKGS="chromium fonts-dejavu-core"

have_all() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || return 1
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || return 1
}

have_all && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
else
  echo "parscore: chromium is missing; run: sudo apt-get install -y $PKGS" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "parscore: no apt-get here; install Chromium by hand and put it on PATH as 'chromium'" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi
echo "parscore: installing $PKGS" >&2
$SUDO apt-get update -qq >/dev/null && \
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
have_all || { echo "parscore: could not install $PKGS" >&2; [ "${CI:-}" = true ] && exit 1; }
exit 0
