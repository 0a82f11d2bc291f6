#!/usr/bin/env bash
# Installs a loopback OpenStack control plane's packages from Debian 12 (Zed-era: keystone 22, nova 26, neutron 21,
# cinder 21, glance 25, placement 8) with MariaDB and RabbitMQ. Only libraries and servers are installed, so no
# package asks a debconf question or starts a daemon; the api-paste.ini files come out of the *-common packages
# without installing them. About 4.5 minutes the first time on a 2-core machine.
set -euo pipefail
home="${PC_OPENSTACK_HOME:-/var/lib/precisioncloud-openstack}"
export DEBIAN_FRONTEND=noninteractive

# Packages must not start their daemons: up.sh starts each one itself.
if [ ! -x /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; fi

apt-get update -q
apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 \
  mariadb-server rabbitmq-server uwsgi-core uwsgi-plugin-python3 curl \
  python3-keystone python3-placement python3-nova python3-glance python3-neutron python3-cinder

mkdir -p "$home/etc" "$home/debs"
cd "$home/debs"
apt-get download -q nova-common glance-common neutron-common cinder-common
extract() { dpkg-deb --fsys-tarfile "$1"_*.deb | tar -xO "$2" > "$home/etc/$3"; }
extract nova-common ./usr/share/nova-common/api-paste.ini nova-api-paste.ini
extract glance-common ./usr/share/glance-common/glance-api-paste.ini glance-api-paste.ini
extract neutron-common ./usr/share/neutron-common/api-paste.ini neutron-api-paste.ini
extract cinder-common ./usr/share/cinder-common/api-paste.ini cinder-api-paste.ini
echo "installed; paste files in $home/etc"
