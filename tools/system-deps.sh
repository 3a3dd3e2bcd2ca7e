#!/usr/bin/env bash
# Install the Debian packages the tests use (chromium for the browser checks, epubcheck,
# poppler-utils for pdftoppm, Java for epubcheck and the Nu validator) when they are missing and this machine lets us (root + apt-get).
# Without them the affected tests skip with a message, except under CI=true, where they fail.
set -euo pipefail
wanted=(chromium:chromium epubcheck:epubcheck pdftoppm:poppler-utils java:default-jre-headless)
missing=()
for pair in "${wanted[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
