#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with your App ID and domain filled in, and the two icons, zipped together
# at the top level.
#
#   deploy/teams/package.sh <app-id> <domain> [version]
#   APP_ID=… DOMAIN=bot.example.org deploy/teams/package.sh
#
# <app-id> is the Entra application (client) id of the bot (Teams:AppId); <domain> the host name of the messaging
# endpoint, without https://. The package is written to deploy/teams/build/checkinbot-teams.zip.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:-${APP_ID:-}}"
domain="${2:-${DOMAIN:-}}"
version="${3:-${VERSION:-1.0.0}}"

usage() { echo "usage: $0 <app-id> <domain> [version]   (or APP_ID, DOMAIN, VERSION in the environment)" >&2; exit 2; }
[[ -n "$app_id" && -n "$domain" ]] || usage
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
  || { echo "error: the App ID must be a GUID, like 7f0c1a2b-0000-4c3d-9e8f-a1b2c3d4e5f6; got '$app_id'" >&2; exit 2; }
domain="${domain#https://}"; domain="${domain%%/*}"
[[ "$domain" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || { echo "error: '$domain' is not a host name" >&2; exit 2; }
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "error: the version must look like 1.0.0; got '$version'" >&2; exit 2; }

build="$here/build"
stage="$build/package"
rm -rf "$stage"
mkdir -p "$stage"

for icon in color.png outline.png; do
  [[ -f "$here/$icon" ]] || python3 "$here/make-icons.py" "$here" >/dev/null
  cp "$here/$icon" "$stage/$icon"
done

sed -e "s/{{APP_ID}}/$app_id/g" -e "s/{{DOMAIN}}/$domain/g" -e "s/{{VERSION}}/$version/g" "$here/manifest.json" > "$stage/manifest.json"
if grep -q '{{' "$stage/manifest.json"; then
  echo "error: a placeholder was left in manifest.json" >&2; exit 1
fi
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$stage/manifest.json" \
  || { echo "error: manifest.json is not valid JSON" >&2; exit 1; }

zip_file="$build/checkinbot-teams.zip"
rm -f "$zip_file"
if command -v zip >/dev/null; then
  (cd "$stage" && zip -q -X "$zip_file" manifest.json color.png outline.png)
else
  python3 - "$stage" "$zip_file" <<'PY'
import sys, zipfile, pathlib
stage, target = pathlib.Path(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(stage / name, name)
PY
fi
echo "$zip_file"
