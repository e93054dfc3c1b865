#!/usr/bin/env bash
# `npm run smoke`: packs the package as npm would publish it, installs the tarball into a scratch
# project (with the peer dependencies at the versions of our lock file), and imports every entry
# point with `import` and with `require`, checks that every value in api/*.api.txt is there, that
# errors from the ESM and the CJS build recognise each other, and that the types type-check
# under node16 (ESM and CJS) and bundler resolution. Requires `npm run build` first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

tarball="$(cd "$root" && npm pack --silent --pack-destination "$scratch" | tail -n 1)"
version_of() { node -p "require('$root/node_modules/$1/package.json').version"; }
peers=()
for peer in zod io-ts fp-ts axios cockatiel fast-xml-parser; do peers+=("$peer@$(version_of "$peer")"); done

cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --prefer-offline --silent "./$tarball" "${peers[@]}" >/dev/null
cp "$root"/test/package/* .
mkdir -p api && cp "$root"/api/*.api.txt api/

node smoke.mjs
node smoke.cjs
tsc="$root/node_modules/typescript/bin/tsc"
common=(--noEmit --strict --skipLibCheck false --types node --typeRoots "$root/node_modules/@types")
node "$tsc" "${common[@]}" --module node16 --moduleResolution node16 types.mts types.cts
node "$tsc" "${common[@]}" --module esnext --moduleResolution bundler types.mts
echo "smoke: the packed tarball installs, imports, requires and type-checks"
