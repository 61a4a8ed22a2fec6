# Source this (`. scripts/env.sh`) to put the project's Node 24, pnpm and Go-built tools first
# on PATH in your shell, after `npm start` or `npm test` has bootstrapped them once.
_fanfare_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
for _dir in "$_fanfare_root"/.tools/node/node_modules/node-*/bin; do
  [ -d "$_dir" ] && PATH="$_dir:$PATH"
done
PATH="$_fanfare_root/.tools/pnpm/bin:$_fanfare_root/.tools/bin:$_fanfare_root/node_modules/.bin:$PATH"
export PATH
unset _fanfare_root _dir
