#!/usr/bin/env bash
# PostgreSQL server binaries for the database tests, from Debian's packages.
# tests/test_db.py starts its own throwaway cluster on 127.0.0.1 (a free port, a temporary
# data folder, run as the postgres account when root) and stops it when the tests end, so
# this script only makes sure the server is installed. It never fails the CI run: where
# the server cannot be had, the PostgreSQL tests skip and say why.
set -u

have_server() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

started=$(date +%s)
if have_server; then
    echo "install-postgres: server already installed ($(ls -d /usr/lib/postgresql/*/ 2>/dev/null | xargs -n1 basename | tr '\n' ' '))"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-postgres: PostgreSQL is not installed and this is not root: the PostgreSQL tests will skip" >&2
    exit 0
fi

# The package would start a cluster of its own on port 5432: keep services from starting
# while it installs (Debian's policy-rc.d convention), unless a policy is already there.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
fi
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q --no-install-recommends postgresql >/tmp/install-postgres.log 2>&1; }
if ! install; then
    apt-get update -q >>/tmp/install-postgres.log 2>&1
    install
fi
status=$?
[ "$own_policy" = 1 ] && rm -f "$policy"
if [ "$status" != 0 ] || ! have_server; then
    echo "install-postgres: apt-get could not install postgresql (see /tmp/install-postgres.log): the PostgreSQL tests will skip" >&2
    tail -n 5 /tmp/install-postgres.log >&2
    exit 0
fi
echo "install-postgres: installed in $(( $(date +%s) - started )) s"
