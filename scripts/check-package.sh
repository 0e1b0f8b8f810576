#!/usr/bin/env bash
# Proves the published package works for a user: `npm pack`, then in an empty folder
# `npm install ./casebot-*.tgz --omit=dev`, `npx casebot search flash sale` answers and
# `npx casebot serve` starts on the embedded SQLite store and answers /readyz.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/casebot-*.tgz)"
mkdir "$work/app"
cd "$work/app"
echo '{"name":"casebot-install-check","private":true}' >package.json
npm install "$tarball" --omit=dev --no-audit --no-fund --loglevel=error

answer="$(npx --no-install casebot search flash sale --json)"
echo "search: $answer" | cut -c1-200
node -e 'const r = JSON.parse(process.argv[1]); if (r.matches[0]?.caseId !== "ecommerce") process.exit(1)' "$answer" ||
  { echo "check-package: 'casebot search flash sale' did not answer with the e-commerce case" >&2; exit 1; }

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# The bin link npx would run, started directly so SIGTERM reaches casebot itself.
PORT="$port" HOST=127.0.0.1 node_modules/.bin/casebot serve </dev/null >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/readyz"; then
    ready=1
    break
  fi
  sleep 0.2
done
if [[ -z "${ready:-}" ]]; then
  echo "check-package: 'casebot serve' did not become ready; its log:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
[[ -f data/casebot.db ]] || { echo "check-package: no embedded store at ./data/casebot.db" >&2; exit 1; }
kill -TERM "$server"
wait "$server" || { echo "check-package: 'casebot serve' did not exit cleanly on SIGTERM" >&2; exit 1; }
server=""
echo "check-package: installed with --omit=dev; search answers; serve ready on the embedded store"
