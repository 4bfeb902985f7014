#!/bin/sh
# Headless Chromium for the HTML report test (test/report/html-report-browser.test.ts).
# Debian's package: no browser download at test time, no Playwright.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
