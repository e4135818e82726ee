#!/usr/bin/env bash
# Refreshes the vendored Bot Framework Web Chat bundle from the npm registry (see the README beside the bundle).
# Usage: tools/update-webchat-bundle.sh [version]   (default: the version vendored now; update the README's version and hash after)
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/ComplianceBot/wwwroot/webchat/vendor/botframework-webchat
version="${1:-4.18.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "botframework-webchat@$version" > /dev/null && tar -xzf botframework-webchat-*.tgz package/dist/webchat.js package/dist/webchat.js.LICENSE.txt)
cp "$work/package/dist/webchat.js" "$work/package/dist/webchat.js.LICENSE.txt" "$target/"
echo "botframework-webchat $version -> $target"
sha256sum "$target/webchat.js"
