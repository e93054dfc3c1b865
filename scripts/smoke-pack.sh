#!/usr/bin/env bash
# `npm run smoke`: packs the package as npm would publish it, installs the tarball into a scratch
# project (with the peer dependencies at the versions of our lock file), and imports every entry
# point with `import` and with `require`, checks that every value in api/*.api.txt is there, that
# errors from the ESM and the CJS build recognise each other, and that the types type-check
# under node16 (ESM and CJS) and bundler resolution. Requires `npm run build` first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
bare="$(mktemp -d)"
trap 'rm -rf "$scratch" "$bare"' EXIT

tarball="$(cd "$root" && npm pack --silent --pack-destination "$scratch" | tail -n 1)"
# The node10 stubs are written at pack time (prepack) and removed after it (postpack): each must
# be in the tarball, as scripts/node10-stubs.ts makes it, and none may be left in the tree.
(cd "$root" && npx tsx -e '
  import { execFileSync } from "node:child_process";
  import { existsSync } from "node:fs";
  import { node10Stubs } from "./scripts/entries.ts";
  const tarball = process.argv[1];
  for (const { folder, stub } of node10Stubs) {
    const text = execFileSync("tar", ["-xOzf", tarball, `package/${folder}/package.json`], { encoding: "utf8" });
    if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(stub)) throw new Error(`${folder}/package.json in the tarball is ${text}`);
    if (existsSync(folder)) throw new Error(`${folder}/ was left in the tree after npm pack`);
  }
  console.log(`node10 stubs in the tarball: ${node10Stubs.map(({ folder }) => folder).join(", ")}`);
' "$scratch/$tarball")
version_of() { node -p "require('$root/node_modules/$1/package.json').version"; }
peers=()
for peer in zod io-ts fp-ts axios cockatiel ssh2-sftp-client; do peers+=("$peer@$(version_of "$peer")"); done

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
# Without the optional peers, the entries that need them say which packages to install.
cd "$bare"
npm init -y >/dev/null
npm install --no-audit --no-fund --prefer-offline --silent "$scratch/$tarball" "zod@$(version_of zod)" >/dev/null
node -e '
  const assert = require("node:assert/strict");
  assert.equal(require("millwright").validate(require("millwright").Quantity, { value: "1", unit: "KGM" }).ok, true);
  assert.throws(() => require("millwright/io-ts"), { code: "MISSING_PEER_DEPENDENCY", message: /npm install io-ts fp-ts/ });
  const { createRestClient } = require("millwright/rest");
  assert.throws(() => createRestClient({ baseURL: "http://127.0.0.1:9" }), { code: "MISSING_PEER_DEPENDENCY", message: /npm install axios cockatiel/ });
  const { parseIdoc } = require("millwright/idoc");
  assert.throws(() => parseIdoc("<?xml version=\"1.0\"?><!DOCTYPE x><LOIPRO01/>"), { code: "INVALID_XML" });
  assert.equal(typeof require("millwright/delivery").createMemoryIdempotencyStore().has, "function");
  const { createSftpClient } = require("millwright/sftp");
  assert.throws(() => createSftpClient({ host: "127.0.0.1", username: "u", password: "p", hostKey: { insecureAcceptAnyHostKey: true } }), { code: "MISSING_PEER_DEPENDENCY", message: /npm install ssh2-sftp-client/ });
  console.log("without optional peers: core and idoc (XML included) and delivery work; io-ts, rest and sftp name what to install");
'
echo "smoke: the packed tarball installs, imports, requires and type-checks"
