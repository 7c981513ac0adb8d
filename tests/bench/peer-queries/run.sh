#!/usr/bin/env bash
# The product's queries beside PostGraphile written for the same rule (functions.sql), one
# bench-peer run per query: nearest 20 anonymous, nearest 20 professional (Bearer token),
# department + search, structure(id). See README.md here for the setup.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench BENCH_PEER=/path/to/bench-peer \
#   PRODUCT_URL=http://127.0.0.1:4500/graphql PRODUCT_PID=<API pid> PG_PID=/var/run/postgresql/15-main.pid \
#   bash tests/bench/peer-queries/run.sh [only: nearest|pro|search|structure ...] [-- extra run.mjs flags]
# PRO_TOKEN: a vetted professional's token (else an account bench-pro-peer@example.org is made
# with `pnpm repere user create` and logged in).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
: "${DATABASE_URL:?DATABASE_URL: the product's server database}"
: "${BENCH_PEER:?BENCH_PEER: a copy of ../shared/bench-peer with npm ci done}"
: "${PRODUCT_URL:?PRODUCT_URL: the running API's /graphql}"
PEER_PORT="${PEER_PORT:-5678}"
only=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then shift; extra=("$@"); break; fi
  only+=("$1"); shift
done
[ ${#only[@]} -gt 0 ] || only=(nearest pro search structure)

psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f "$here/functions.sql"

peer_pid=
cleanup() { if [ -n "$peer_pid" ]; then kill -TERM "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
log="$(mktemp)"
# The headline's column settings (its README, section 3); the pool is the product's (10).
(cd "$BENCH_PEER" && exec node peer.mjs --table public.structures --point-column location_public \
  --filter "s.status='ONLINE'" --use-spheroid false --pool 10 --port "$PEER_PORT") >"$log" 2>&1 &
peer_pid=$!
for _ in $(seq 1 150); do
  grep -q 'listening on' "$log" && break
  kill -0 "$peer_pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
head -1 "$log"

q() { psql "$DATABASE_URL" -Atq -c "$1"; }
# A department and a word with at least 20 public matches; a public listing's id.
IFS='|' read -r dept word < <(q "SELECT department_code, split_part(name, ' ', 1) FROM structures
  WHERE status = 'ONLINE' AND visibility IN ('PUBLIC', 'RESTRICTED') GROUP BY 1, 2 HAVING count(*) >= 20
  ORDER BY count(*), 1, 2 LIMIT 1")
sid="$(q "SELECT id FROM structures WHERE status = 'ONLINE' AND visibility = 'RESTRICTED' ORDER BY id LIMIT 1")"
gid="$(printf 'Structure:%s' "$sid" | base64 -w0)"

if [[ " ${only[*]} " == *" pro "* && -z "${PRO_TOKEN:-}" ]]; then
  email=bench-pro-peer@example.org
  export REPERE_PASSWORD=banc-d-essai-mot-de-passe
  (cd "$root" && pnpm repere user create --email "$email" --role PROFESSIONAL --name bench >/dev/null 2>&1) || true
  PRO_TOKEN="$(curl -sf "$PRODUCT_URL" -H 'content-type: application/json' -d "{\"query\":\"mutation(\$e:String!,\$p:String!){login(email:\$e,password:\$p){token}}\",\"variables\":{\"e\":\"$email\",\"p\":\"$REPERE_PASSWORD\"}}" |
    node -e 'let s="";process.stdin.on("data",(c)=>(s+=c)).on("end",()=>console.log(JSON.parse(s).data.login.token))')"
fi

run() { # label, run.mjs flags...
  echo; echo "== $1"; shift
  (cd "$BENCH_PEER" && node run.mjs --peer-url "http://127.0.0.1:$PEER_PORT/graphql" --peer-pid "$peer_pid" \
    --floor-url none --product-url "$PRODUCT_URL" ${PRODUCT_PID:+--product-pid "$PRODUCT_PID"} \
    ${PG_PID:+--pg-pid "$PG_PID"} --points 500 "$@" "${extra[@]}")
}
near='{"near":{"lat":"$lat","lon":"$lon"},"first":"$n"}'
for case in "${only[@]}"; do
  case "$case" in
    nearest) run "nearest 20, anonymous" --product-query "@$here/product-nearest.graphql" --product-vars "$near" \
      --peer-query "@$here/peer-nearest-public.graphql" ;;
    pro) run "nearest 20, professional" --product-query "@$here/product-nearest.graphql" --product-vars "$near" \
      --product-headers "{\"authorization\":\"Bearer $PRO_TOKEN\"}" --peer-query "@$here/peer-nearest-pro.graphql" ;;
    search) run "department $dept + search '$word', anonymous" \
      --product-query "@$here/product-department-search.graphql" --product-vars "{\"d\":\"$dept\",\"q\":\"$word\",\"n\":\"\$n\"}" \
      --peer-query "@$here/peer-department-search.graphql" --peer-vars "{\"d\":\"$dept\",\"q\":\"$word\",\"n\":\"\$n\"}" ;;
    # One row, not a list: run.mjs's check wants n rows, so it is skipped (compare the answers by hand).
    structure) run "structure(id), anonymous" --no-check \
      --product-query "@$here/product-structure.graphql" --product-vars "{\"id\":\"$gid\"}" \
      --peer-query "@$here/peer-structure.graphql" --peer-vars "{\"id\":\"$sid\"}" ;;
    *) echo "unknown case: $case (nearest, pro, search, structure)" >&2; exit 2 ;;
  esac
done
