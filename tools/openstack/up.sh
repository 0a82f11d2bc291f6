#!/usr/bin/env bash
# Brings up a loopback OpenStack control plane from empty databases: MariaDB, RabbitMQ, Keystone and Placement under
# uwsgi, Glance (file store), Neutron (ML2 'test' mechanism driver: ports bind without agents), Cinder (fake volume
# driver), Nova (api, conductor, scheduler, compute with the fake virt driver). Prints READY and writes clouds.yaml
# (clouds precisioncloud-admin and precisioncloud-demo). Every start is fresh: databases and state from an earlier
# run are dropped, so nothing left over (a mapped host, stale inventory) makes it look ready too early.
# Run install.sh once first; stop with down.sh.
# Ports: keystone 5000, placement 8778, glance 9292, neutron 9696, cinder 8776, nova 8774, mariadb 3306.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="${PC_OPENSTACK_HOME:-/var/lib/precisioncloud-openstack}"
admin_password=adminpass
service_password=servicepass
database="mysql+pymysql://os:dbpass@127.0.0.1"
python=/usr/bin/python3   # Debian's interpreter: it has the OpenStack modules
started=$(date +%s)
compute_host=host-ovs-filter-active   # the host name the ML2 test driver binds ports for

if curl -s -o /dev/null http://127.0.0.1:5000/v3; then echo "a control plane is already running; stop it with tools/openstack/down.sh" >&2; exit 1; fi
rm -rf "$home/data" "$home/log" "$home/run"
mkdir -p "$home"/{etc,log,run,data/nova,data/glance/images,data/glance/tasks,data/glance/staging,data/neutron,data/cinder}
[ -f "$home/etc/nova-api-paste.ini" ] || { echo "run tools/openstack/install.sh first" >&2; exit 1; }
cd "$home"

say() { echo "[$(( $(date +%s) - started ))s] $*"; }
wait_for() { for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
# daemon NAME MODULE PYTHON-FLAGS ARGS...: runs MODULE's main() detached; its PID goes to run/NAME.pid.
daemon() {
  local name=$1 module=$2 flags=$3; shift 3
  setsid $python $flags -c "import sys; from $module import main; sys.argv[0] = '$name'; sys.exit(main())" "$@" --log-file "$home/log/$name.log" \
    </dev/null >"log/$name.out" 2>&1 &
  echo $! > "run/$name.pid"
}
# wsgi NAME PORT SCRIPT CONFIG-VARIABLE: a WSGI API under uwsgi. 'Connection: close' because keystoneauth otherwise
# meets closed keep-alive connections (RemoteDisconnected).
wsgi() {
  env "$4=$home/etc" setsid uwsgi --plugin python3 --http-socket "127.0.0.1:$2" --wsgi-file "$3" --master --processes 1 --threads 4 \
    --die-on-term --lazy-apps --add-header "Connection: close" --pidfile "$home/run/$1.pid" --logto "$home/log/$1-uwsgi.log" </dev/null >/dev/null 2>&1 &
}
service_auth() {
  printf 'www_authenticate_uri = http://127.0.0.1:5000/\nauth_url = http://127.0.0.1:5000/\nauth_type = password\n'
  printf 'project_domain_name = Default\nuser_domain_name = Default\nproject_name = service\nusername = %s\npassword = %s\n' "$1" "$service_password"
}
manage() { local module=$1; shift; $python -c "import sys; from $module import main; sys.argv[0] = 'manage'; sys.exit(main())" "$@"; }
nova_manage() { manage nova.cmd.manage --config-file "$home/etc/nova.conf" "$@"; }

say "mariadb and rabbitmq on 127.0.0.1"
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
setsid /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 --port=3306 --socket=/run/mysqld/mysqld.sock \
  --pid-file=/run/mysqld/mysqld.pid --log-error=/run/mysqld/error.log </dev/null >/dev/null 2>&1 &
# shellcheck source=rabbitmq.env
. "$here/rabbitmq.env"
setsid rabbitmq-server </dev/null >log/rabbitmq.out 2>&1 &
for _ in $(seq 1 120); do mysqladmin --socket=/run/mysqld/mysqld.sock ping >/dev/null 2>&1 && break; sleep 0.5; done
{
  echo "CREATE USER IF NOT EXISTS 'os'@'127.0.0.1' IDENTIFIED BY 'dbpass'; GRANT ALL PRIVILEGES ON *.* TO 'os'@'127.0.0.1';"
  for name in keystone placement nova_api nova nova_cell0 glance neutron cinder; do echo "DROP DATABASE IF EXISTS $name; CREATE DATABASE $name;"; done
} | mysql -u root

say "configuration"
cat > etc/keystone.conf <<CONF
[DEFAULT]
log_dir = $home/log
[database]
connection = $database/keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = $home/data/fernet-keys
[fernet_receipts]
key_repository = $home/data/fernet-keys
[credential]
key_repository = $home/data/credential-keys
CONF
cat > etc/placement.conf <<CONF
[DEFAULT]
log_dir = $home/log
[placement_database]
connection = $database/placement
[api]
auth_strategy = keystone
[keystone_authtoken]
$(service_auth placement)
CONF
cat > etc/glance-api.conf <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
enabled_backends = fs:file
[database]
connection = $database/glance
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $home/data/glance/images/
[os_glance_tasks_store]
filesystem_store_datadir = $home/data/glance/tasks/
[os_glance_staging_store]
filesystem_store_datadir = $home/data/glance/staging/
[keystone_authtoken]
$(service_auth glance)
[paste_deploy]
flavor = keystone
config_file = $home/etc/glance-api-paste.ini
[oslo_concurrency]
lock_path = $home/data/glance
CONF
# The ML2 'test' mechanism driver (shipped in python3-neutron) binds ports without agents for host $compute_host;
# its assertions need python -O. Nova needs Neutron even for servers without networks.
cat > etc/neutron.conf <<CONF
[DEFAULT]
state_path = $home/data/neutron
bind_host = 127.0.0.1
bind_port = 9696
api_workers = 1
rpc_workers = 0
rpc_state_report_workers = 0
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
api_paste_config = $home/etc/neutron-api-paste.ini
transport_url = rabbit://guest:guest@127.0.0.1:5672/
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
[database]
connection = $database/neutron
[keystone_authtoken]
$(service_auth neutron)
[oslo_concurrency]
lock_path = $home/data/neutron
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = test
extension_drivers = port_security
[ml2_type_vxlan]
vni_ranges = 1:1000
[ml2_type_flat]
flat_networks = public
[ml2_type_vlan]
network_vlan_ranges = public:100:200
CONF
cat > etc/cinder.conf <<CONF
[DEFAULT]
state_path = $home/data/cinder
transport_url = rabbit://guest:guest@127.0.0.1:5672/
auth_strategy = keystone
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
api_paste_config = $home/etc/cinder-api-paste.ini
enabled_backends = fake
my_ip = 127.0.0.1
host = cinderhost
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
[database]
connection = $database/cinder
[keystone_authtoken]
$(service_auth cinder)
[oslo_concurrency]
lock_path = $home/data/cinder
[oslo_messaging_notifications]
driver = noop
CONF
# Volume detach needs service tokens ([service_user]); nova-api runs as the eventlet server, because under uwsgi
# threads its RPC calls (volume attach) time out.
cat > etc/nova.conf <<CONF
[DEFAULT]
state_path = $home/data/nova
transport_url = rabbit://guest:guest@127.0.0.1:5672/
compute_driver = fake.FakeDriver
my_ip = 127.0.0.1
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_workers = 1
[wsgi]
api_paste_config = $home/etc/nova-api-paste.ini
[api_database]
connection = $database/nova_api
[database]
connection = $database/nova
[keystone_authtoken]
$(service_auth nova)
[service_user]
send_service_user_token = true
$(service_auth nova)
[placement]
region_name = RegionOne
$(service_auth placement)
[glance]
region_name = RegionOne
[neutron]
region_name = RegionOne
$(service_auth neutron)
[cinder]
os_region_name = RegionOne
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 2
[oslo_concurrency]
lock_path = $home/data/nova
[vnc]
enabled = false
[oslo_messaging_notifications]
driver = noop
CONF
printf '[DEFAULT]\nhost = %s\n' "$compute_host" > etc/nova-compute.conf

say "database schemas"
keystone_manage() { keystone-manage --config-file "$home/etc/keystone.conf" "$@"; }
( keystone_manage db_sync && keystone_manage fernet_setup --keystone-user root --keystone-group root \
  && keystone_manage credential_setup --keystone-user root --keystone-group root \
  && keystone_manage bootstrap --bootstrap-password "$admin_password" --bootstrap-region-id RegionOne \
     --bootstrap-admin-url http://127.0.0.1:5000/v3/ --bootstrap-internal-url http://127.0.0.1:5000/v3/ --bootstrap-public-url http://127.0.0.1:5000/v3/
) > log/sync-keystone.out 2>&1 &
keystone_sync=$!
( placement-manage --config-file "$home/etc/placement.conf" db sync \
  && manage glance.cmd.manage --config-file "$home/etc/glance-api.conf" db_sync \
  && manage cinder.cmd.manage --config-file "$home/etc/cinder.conf" db sync \
  && manage neutron.db.migration.cli --config-file "$home/etc/neutron.conf" upgrade heads
) > log/sync-services.out 2>&1 &
services_sync=$!
( nova_manage api_db sync && nova_manage cell_v2 map_cell0 --database_connection "$database/nova_cell0" \
  && nova_manage cell_v2 create_cell --name cell1 && nova_manage db sync ) > log/sync-nova.out 2>&1 &
nova_sync=$!

wait $keystone_sync || { echo "keystone schema failed: see $home/log/sync-keystone.out" >&2; exit 1; }
say "keystone"
wsgi keystone 5000 /usr/bin/keystone-wsgi-public OS_KEYSTONE_CONFIG_DIR
wait_for http://127.0.0.1:5000/v3
$python "$here/catalog.py" "$admin_password" "$service_password"

wait $services_sync || { echo "service schemas failed: see $home/log/sync-services.out" >&2; exit 1; }
say "placement, glance, neutron, cinder"
wsgi placement 8778 /usr/bin/placement-api OS_PLACEMENT_CONFIG_DIR
daemon glance-api glance.cmd.api "" --config-file "$home/etc/glance-api.conf"
daemon neutron-server neutron.cmd.eventlet.server -O --config-file "$home/etc/neutron.conf"
for part in api scheduler volume; do daemon "cinder-$part" "cinder.cmd.$part" "" --config-file "$home/etc/cinder.conf"; done

wait $nova_sync || { echo "nova schemas failed: see $home/log/sync-nova.out" >&2; exit 1; }
for url in http://127.0.0.1:8778/ http://127.0.0.1:9292/ http://127.0.0.1:9696/; do wait_for $url; done
# nova-compute starts after Placement answers: its first resource report would fail and be retried only after 60 s.
say "nova"
daemon nova-api nova.cmd.api "" --config-file "$home/etc/nova.conf"
for part in conductor scheduler; do daemon "nova-$part" "nova.cmd.$part" "" --config-file "$home/etc/nova.conf"; done
daemon nova-compute nova.cmd.compute "" --config-file "$home/etc/nova.conf" --config-file "$home/etc/nova-compute.conf"
for url in http://127.0.0.1:8776/ http://127.0.0.1:8774/; do wait_for $url; done

say "waiting for the compute host: mapped to the cell, with VCPU inventory in Placement"
query="select (select count(*) from nova_api.host_mappings where host='$compute_host')
  + (select count(*) from placement.inventories i join placement.resource_providers r on r.id = i.resource_provider_id
     where r.name = '$compute_host' and i.resource_class_id = 0)"
for _ in $(seq 1 180); do
  ready=$(mysql -N -u root -e "$query" 2>/dev/null || echo 0)
  [ "$ready" = 2 ] && break
  # Discovering hosts now is faster than waiting for the periodic task.
  [ "$ready" = 1 ] && nova_manage cell_v2 discover_hosts >> log/discover.out 2>&1
  sleep 1
done
[ "$ready" = 2 ] || { echo "the compute host is not ready ($ready of 2)" >&2; exit 1; }

cat > clouds.yaml <<YAML
clouds:
  precisioncloud-admin:
    auth: {auth_url: "http://127.0.0.1:5000/v3", username: admin, password: $admin_password, project_name: admin, user_domain_name: Default, project_domain_name: Default}
    region_name: RegionOne
    interface: public
    identity_api_version: 3
  precisioncloud-demo:
    auth: {auth_url: "http://127.0.0.1:5000/v3", username: demo, password: demopass, project_name: demo, user_domain_name: Default, project_domain_name: Default}
    region_name: RegionOne
    interface: public
    identity_api_version: 3
YAML
say "READY (clouds.yaml: $home/clouds.yaml)"
