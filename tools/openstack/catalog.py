#!/usr/bin/python3
"""Registers the control plane in Keystone: projects, users, roles and the service catalog. Idempotent.

usage: catalog.py ADMIN_PASSWORD SERVICE_PASSWORD
Standard library only, so it runs with Debian's python3 before anything else is installed.
"""
import json
import sys
import urllib.error
import urllib.request

KEYSTONE = "http://127.0.0.1:5000/v3"
SERVICES = {  # service name: (type, endpoint URL)
    "nova": ("compute", "http://127.0.0.1:8774/v2.1"),
    "placement": ("placement", "http://127.0.0.1:8778"),
    "glance": ("image", "http://127.0.0.1:9292"),
    "neutron": ("network", "http://127.0.0.1:9696"),
    "cinderv3": ("volumev3", "http://127.0.0.1:8776/v3/%(project_id)s"),
}


class Keystone:
    def __init__(self, user, password, project):
        status, headers, body = self.call("POST", "/auth/tokens", {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {"name": user, "domain": {"id": "default"}, "password": password}}},
            "scope": {"project": {"name": project, "domain": {"id": "default"}}}}})
        if status != 201:
            sys.exit(f"keystone refused {user}: {status} {body}")
        self.token = headers["X-Subject-Token"]

    def call(self, method, path, body=None):
        request = urllib.request.Request(KEYSTONE + path, method=method, headers={"Content-Type": "application/json", **({"X-Auth-Token": self.token} if hasattr(self, "token") else {})},
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request) as response:
                data = response.read()
                return response.status, response.headers, json.loads(data) if data else None
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def find(self, collection, name):
        _, _, body = self.call("GET", f"/{collection}?name={name}")
        return body[collection][0]["id"] if body[collection] else None

    def ensure(self, collection, name, **fields):
        existing = self.find(collection, name)
        if existing:
            return existing
        status, _, body = self.call("POST", f"/{collection}", {collection[:-1]: {"name": name, **fields}})
        if status != 201:
            sys.exit(f"creating {collection[:-1]} {name}: {status} {body}")
        return body[collection[:-1]]["id"]

    def grant(self, role, user, project):
        path = f"/projects/{self.find('projects', project)}/users/{self.find('users', user)}/roles/{self.find('roles', role)}"
        status, _, body = self.call("PUT", path)
        if status not in (200, 201, 204):
            sys.exit(f"granting {role} to {user} on {project}: {status} {body}")


def main(admin_password, service_password):
    keystone = Keystone("admin", admin_password, "admin")
    for project in ("service", "demo"):
        keystone.ensure("projects", project, domain_id="default")
    for role in ("member", "reader", "service"):
        keystone.ensure("roles", role)
    keystone.ensure("users", "demo", domain_id="default", password="demopass", default_project_id=keystone.find("projects", "demo"))
    keystone.grant("member", "demo", "demo")
    # Service users hold 'service' from the start: volume detach needs their service tokens.
    for user in ("nova", "placement", "glance", "neutron", "cinder"):
        keystone.ensure("users", user, domain_id="default", password=service_password)
        keystone.grant("admin", user, "service")
        keystone.grant("service", user, "service")
    for name, (kind, url) in SERVICES.items():
        service = keystone.find("services", name) or keystone.call("POST", "/services", {"service": {"name": name, "type": kind, "enabled": True}})[2]["service"]["id"]
        _, _, body = keystone.call("GET", f"/endpoints?service_id={service}")
        present = {endpoint["interface"] for endpoint in body["endpoints"]}
        for interface in ("public", "internal", "admin"):
            if interface not in present:
                status, _, created = keystone.call("POST", "/endpoints", {"endpoint": {"service_id": service, "interface": interface, "url": url, "region_id": "RegionOne"}})
                if status != 201:
                    sys.exit(f"endpoint {name} {interface}: {status} {created}")
    print("catalog ready")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
