#!/usr/bin/env bash
# Install the Debian packages namconvert uses when they are missing and this machine lets us
# (root + apt-get). `system-deps.sh build`: what the build needs (a font with CJK and Hangul
# glyphs, so such names in the booklet are not blank boxes). With no argument, also what the
# tests use: chromium for the browser checks, epubcheck, poppler-utils for pdftoppm and
# pdftotext, qpdf for the booklet's structural check, Java for epubcheck and the Nu validator,
# zbar-tools (zbarimg) to read the booklet's QR code back.
# Without them the affected tests skip with a message, except under CI=true, where they fail.
set -euo pipefail
has_font() { fc-list "$1" family 2>/dev/null | grep -q .; }
missing=()
has_font "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
if [ "${1:-all}" != build ]; then
  wanted=(chromium:chromium epubcheck:epubcheck pdftoppm:poppler-utils qpdf:qpdf java:default-jre-headless
          zbarimg:zbar-tools)
  for pair in "${wanted[@]}"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
