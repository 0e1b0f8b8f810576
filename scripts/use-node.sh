# Puts a Node.js LTS from the npm registry (the `node` package) first on PATH, installing it
# into .runtime/node<MAJOR>/ (git-ignored) the first time. The project never uses the machine's
# own Node. Source it, so PATH changes in your shell:
#
#   source scripts/use-node.sh        # Node 24
#   source scripts/use-node.sh 22     # Node 22
#
# Run it instead (bash scripts/use-node.sh 22) to only install and print the bin folder.

casebot_use_node() {
  local major="${1:-24}" root prefix bin
  case "$major" in
    22 | 24) ;;
    *)
      echo "use-node: Node $major is not supported; use 22 or 24" >&2
      return 2
      ;;
  esac
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  prefix="$root/.runtime/node$major"
  bin="$prefix/node_modules/node/bin"
  if ! "$bin/node" --version >/dev/null 2>&1; then
    echo "use-node: installing node@$major into ${prefix#"$root"/}" >&2
    rm -rf "$prefix"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$major" >&2 ||
      return 1
    "$bin/node" --version >/dev/null || return 1
  fi
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) PATH="$bin:$PATH" ;;
  esac
  export PATH
  CASEBOT_NODE_BIN="$bin"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  casebot_use_node "${1:-24}"
  echo "$CASEBOT_NODE_BIN"
else
  casebot_use_node "${1:-24}"
fi
