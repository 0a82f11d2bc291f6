#!/usr/bin/env bash
# Stops the control plane up.sh started, newest service first, then RabbitMQ and MariaDB.
set -uo pipefail
home="${PC_OPENSTACK_HOME:-/var/lib/precisioncloud-openstack}"
for service in nova-compute nova-scheduler nova-conductor nova-api cinder-volume cinder-scheduler cinder-api neutron-server glance-api placement keystone; do
  pidfile="$home/run/$service.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
done
# shellcheck source=rabbitmq.env
. "$(dirname "$0")/rabbitmq.env"
rabbitmqctl -q shutdown 2>/dev/null
epmd -kill >/dev/null 2>&1
[ -f /run/mysqld/mysqld.pid ] && mysqladmin --socket=/run/mysqld/mysqld.sock shutdown 2>/dev/null
echo "down"
