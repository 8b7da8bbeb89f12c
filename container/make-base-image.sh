#!/usr/bin/env bash
# Makes the container base image from Debian packages, because no image registry is reachable
# here: a minimal Debian (mmdebstrap, the suite of this machine) with the libraries Node needs, plus
# the Node.js binary and npm copied from this machine. Debian's own nodejs package is too old for Poort on
# bookworm (18.x; Poort needs >= 20.19), and a copied binary is exactly the Node the tests ran on.
# On trixie or later (nodejs >= 20.19) pass NODE_FROM=debian to install Debian's package instead.
#
#   container/make-base-image.sh [image-name]      default: localhost/poort-base:latest
# Environment: SUITE (default: this machine's), MIRROR (default: this machine's first deb.debian.org
# mirror), NODE_FROM=host|debian (default host), NODE_BIN (default: `command -v node`).
set -euo pipefail
image=${1:-localhost/poort-base:latest}
suite=${SUITE:-$(. /etc/os-release && echo "$VERSION_CODENAME")}
mirror=${MIRROR:-http://deb.debian.org/debian}
node_from=${NODE_FROM:-host}
for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { echo "make-base-image: $tool is missing (Debian: apt-get install -y $tool)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/poort-base-XXXXXX)
trap 'rm -rf "$work"' EXIT
# ca-certificates: brokers' metadata over https; libstdc++6 and libgcc-s1: Node's C++ runtime.
packages=ca-certificates,libstdc++6,libgcc-s1,tzdata
[ "$node_from" = debian ] && packages+=,nodejs
customize=()
if [ "$node_from" = host ]; then
  node_bin=$(readlink -f "${NODE_BIN:-$(command -v node)}")
  "$node_bin" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    { echo "make-base-image: $node_bin is older than Node 20.19" >&2; exit 1; }
  # npm too, from beside that node: the Containerfile's build stage runs npm ci (the runtime stage
  # removes it again).
  npm_dir=$(dirname "$(dirname "$node_bin")")/lib/node_modules/npm
  [ -f "$npm_dir/bin/npm-cli.js" ] || { echo "make-base-image: npm not found at $npm_dir" >&2; exit 1; }
  customize=(--customize-hook="copy-in $node_bin /usr/local/bin"
    --customize-hook='mkdir -p "$1"/usr/local/lib/node_modules'
    --customize-hook="copy-in $npm_dir /usr/local/lib/node_modules"
    --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1"/usr/local/bin/npm; ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1"/usr/local/bin/npx')
fi
# minbase: dpkg, apt and essential packages only; the apt lists and caches are dropped afterwards.
mmdebstrap --variant=minbase --include="$packages" \
  "${customize[@]}" \
  --customize-hook='chroot "$1" sh -c "node --version && npm --version"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  "$suite" "$work/rootfs.tar" "$mirror"
podman import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' --change 'CMD ["node"]' "$work/rootfs.tar" "$image"
echo "make-base-image: $image ($suite, node from $node_from)"
