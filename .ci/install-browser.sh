#!/usr/bin/env bash
# Headless Chromium for the review-page tests (tests/test_review_browser.py):
# Debian's chromium and its driver, plus CJK fonts so pages render Chinese text.
# Playwright (pip, test extra) drives this system browser through its
# executable_path; no browser build is ever downloaded (`playwright install` is
# never run). Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
chromium --version 2>/dev/null || echo "install-browser: chromium still missing; browser tests will skip" >&2
