#!/usr/bin/env bash
# Checks a running control plane end to end with curl: a token for demo, a flavor, an image uploaded to Glance, a
# network with a subnet, a server booted on it that reaches ACTIVE, then everything deleted again.
set -euo pipefail
keystone=http://127.0.0.1:5000/v3
token() {
  curl -s -i -H 'Content-Type: application/json' "$keystone/auth/tokens" -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$1\",\"domain\":{\"id\":\"default\"},\"password\":\"$2\"}}},\"scope\":{\"project\":{\"name\":\"$3\",\"domain\":{\"id\":\"default\"}}}}}" \
    | awk 'tolower($1) == "x-subject-token:" { print $2 }' | tr -d '\r'
}
field() { /usr/bin/python3 -c "import json, sys; data = json.load(sys.stdin); print(eval('data' + sys.argv[1]))" "$1"; }
admin=$(token admin adminpass admin)
demo=$(token demo demopass demo)
[ -n "$admin" ] && [ -n "$demo" ] || { echo "no token" >&2; exit 1; }
call() { local who=$1 method=$2 url=$3; shift 3; curl -sf -X "$method" -H "X-Auth-Token: $who" -H 'Content-Type: application/json' -H 'OpenStack-API-Version: compute 2.79' "$url" "$@"; }

flavor=$(call "$admin" POST http://127.0.0.1:8774/v2.1/flavors -d '{"flavor":{"name":"smoke.small","ram":256,"vcpus":1,"disk":1,"os-flavor-access:is_public":true}}' | field "['flavor']['id']")
image=$(call "$admin" POST http://127.0.0.1:9292/v2/images -d '{"name":"smoke","disk_format":"raw","container_format":"bare","visibility":"public"}' | field "['id']")
head -c 1048576 /dev/zero | curl -sf -X PUT -H "X-Auth-Token: $admin" -H 'Content-Type: application/octet-stream' --data-binary @- "http://127.0.0.1:9292/v2/images/$image/file"
network=$(call "$demo" POST http://127.0.0.1:9696/v2.0/networks -d '{"network":{"name":"smoke"}}' | field "['network']['id']")
call "$demo" POST http://127.0.0.1:9696/v2.0/subnets -d "{\"subnet\":{\"network_id\":\"$network\",\"ip_version\":4,\"cidr\":\"10.66.0.0/24\"}}" >/dev/null
server=$(call "$demo" POST http://127.0.0.1:8774/v2.1/servers -d "{\"server\":{\"name\":\"smoke\",\"imageRef\":\"$image\",\"flavorRef\":\"$flavor\",\"networks\":[{\"uuid\":\"$network\"}]}}" | field "['server']['id']")
status=BUILD
for _ in $(seq 1 120); do
  status=$(call "$demo" GET "http://127.0.0.1:8774/v2.1/servers/$server" | field "['server']['status']")
  [ "$status" = BUILD ] || break
  sleep 0.5
done
address=$(call "$demo" GET "http://127.0.0.1:8774/v2.1/servers/$server" | field "['server']['addresses']")
echo "server $server: $status $address"
call "$demo" DELETE "http://127.0.0.1:8774/v2.1/servers/$server"
for _ in $(seq 1 120); do curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $demo" "http://127.0.0.1:8774/v2.1/servers/$server" | grep -q 404 && break; sleep 0.5; done
call "$demo" DELETE "http://127.0.0.1:9696/v2.0/networks/$network"
call "$admin" DELETE "http://127.0.0.1:9292/v2/images/$image"
call "$admin" DELETE "http://127.0.0.1:8774/v2.1/flavors/$flavor"
[ "$status" = ACTIVE ] || { echo "the server ended $status" >&2; exit 1; }
echo "smoke ok"
