#!/usr/bin/env python3
"""Independent checks of one site's generated files, with PyYAML, kubernetes-validate and jsonschema.

usage: check_site_files.py UPSTREAM_DIR SITE_DIR EXPECT_JSON

EXPECT_JSON names what the site asked for: profile, dexHost, kubeappsHost, clientID, authenticator,
pinnipedNamespace, groupsClaim, usernameClaim, groups (one entry per binding subject), inlineSecrets.
Prints every problem and exits 1 when there is any; exits 2 when a checker cannot be imported.
"""
import json
import os
import sys

try:
    import yaml
    import jsonschema
    import kubernetes_validate
except ImportError as error:  # the test fails with this message
    print(f"cannot import a checker: {error}; run scripts/deps")
    sys.exit(2)

PROFILES = {
    "tkg-1.3": {"dex_chart": "dex-chart-0.3.2-values.yaml", "kubeapps_chart": "kubeapps-chart-7.1.2-values.yaml",
                "kubeapps_schema": None, "crd": "pinniped-v0.4.4-jwtauthenticators-crd.yaml", "dex": (2, 28, 1),
                "flags": "additionalFlags", "pinniped_enable": "enable"},
    "current": {"dex_chart": "dex-chart-0.24.0-values.yaml", "kubeapps_chart": "kubeapps-chart-17.1.1-values.yaml",
                "kubeapps_schema": "kubeapps-chart-17.1.1-values.schema.json",
                "crd": "pinniped-v0.39.0-jwtauthenticators-crd.yaml", "dex": (2, 44, 0),
                "flags": "extraFlags", "pinniped_enable": "enabled"},
}

# Dex's configuration is free-form in the chart; its keys, per Dex version (docs upstream-formats.md §2).
DEX_CONFIG_KEYS = {"issuer", "storage", "web", "telemetry", "oauth2", "grpc", "expiry", "logger", "frontend",
                   "connectors", "staticClients", "enablePasswordDB", "staticPasswords"}
DEX_OAUTH2_KEYS = {"grantTypes": (2, 38, 0), "responseTypes": (2, 0, 0), "skipApprovalScreen": (2, 0, 0),
                   "alwaysShowLoginScreen": (2, 18, 0), "passwordConnector": (2, 23, 0)}
DEX_CLIENT_KEYS = {"id", "idEnv", "secret", "secretEnv", "redirectURIs", "trustedPeers", "public", "name", "logoURL"}
DEX_OIDC_KEYS = {"issuer": (2, 0, 0), "clientID": (2, 0, 0), "clientSecret": (2, 0, 0), "redirectURI": (2, 0, 0),
                 "scopes": (2, 0, 0), "basicAuthUnsupported": (2, 3, 0), "insecureSkipEmailVerified": (2, 16, 0),
                 "getUserInfo": (2, 17, 0), "userIDKey": (2, 17, 0), "userNameKey": (2, 17, 0),
                 "insecureEnableGroups": (2, 21, 0), "promptType": (2, 23, 0), "claimMapping": (2, 25, 0)}

# Chart values whose content the chart does not list among its defaults: checked elsewhere, not key by key.
FREE_FORM = {
    "dex": {("config",), ("envFrom",), ("ingress", "annotations")},
    "kubeapps": {("ingress", "annotations"), ("clusters",), ("authProxy", "extraFlags"),
                 ("authProxy", "additionalFlags")},
}

problems = []


def problem(text):
    problems.append(text)


def load_docs(path):
    with open(path, encoding="utf-8") as handle:
        return [d for d in yaml.safe_load_all(handle) if d is not None]


def check_keys(values, upstream, path, free_form, file):
    """Every key of `values` must exist at the same place in the chart's own values.yaml."""
    if tuple(path) in free_form:
        return
    if isinstance(values, dict):
        if not isinstance(upstream, dict):
            problem(f"{file}: {'.'.join(path)} is a map, but the chart's default is {type(upstream).__name__}")
            return
        for key, value in values.items():
            if key not in upstream:
                problem(f"{file}: key {'.'.join(path + [key])} does not exist in the chart's values.yaml")
                continue
            check_keys(value, upstream[key], path + [key], free_form, file)
    elif isinstance(values, list):
        if not isinstance(upstream, list):
            problem(f"{file}: {'.'.join(path)} is a list, but the chart's default is {type(upstream).__name__}")
            return
        if upstream and isinstance(upstream[0], dict):
            for item in values:
                check_keys(item, upstream[0], path + ["[]"], free_form, file)
    elif upstream is not None and not isinstance(upstream, dict) and type(values) is not type(upstream):
        # e.g. ingress.tls must stay a boolean in Kubeapps
        if not (isinstance(upstream, str) and upstream == "" and isinstance(values, str)):
            problem(f"{file}: {'.'.join(path)} is {type(values).__name__}, the chart's default is {type(upstream).__name__}")


def version_ok(key, table, dex_version, where):
    if key not in table:
        problem(f"dex-values.yaml: {where}.{key} is not a key Dex knows")
    elif table[key] > dex_version:
        problem(f"dex-values.yaml: {where}.{key} needs Dex {table[key]}, the profile runs {dex_version}")


def main():
    upstream_dir, site_dir, expect_path = sys.argv[1:4]
    with open(expect_path, encoding="utf-8") as handle:
        expect = json.load(handle)
    profile = PROFILES[expect["profile"]]
    issuer = "https://" + expect["dexHost"]
    callback = "https://" + expect["kubeappsHost"] + "/oauth2/callback"

    dex = load_docs(os.path.join(site_dir, "dex-values.yaml"))[0]
    kubeapps = load_docs(os.path.join(site_dir, "kubeapps-values.yaml"))[0]
    jwt_docs = load_docs(os.path.join(site_dir, "jwt-authenticator.yaml"))
    jwt = jwt_docs[0]

    # Chart-level keys against the pinned charts.
    with open(os.path.join(upstream_dir, profile["dex_chart"]), encoding="utf-8") as handle:
        check_keys(dex, yaml.safe_load(handle), [], FREE_FORM["dex"], "dex-values.yaml")
    with open(os.path.join(upstream_dir, profile["kubeapps_chart"]), encoding="utf-8") as handle:
        check_keys(kubeapps, yaml.safe_load(handle), [], FREE_FORM["kubeapps"], "kubeapps-values.yaml")
    if profile["kubeapps_schema"]:
        with open(os.path.join(upstream_dir, profile["kubeapps_schema"]), encoding="utf-8") as handle:
            schema = json.load(handle)
        for error in jsonschema.Draft7Validator(schema).iter_errors(kubeapps):
            problem(f"kubeapps-values.yaml: chart schema: {error.message} at {list(error.path)}")

    # Dex's own configuration, per Dex version.
    config = dex["config"]
    for key in config:
        if key not in DEX_CONFIG_KEYS:
            problem(f"dex-values.yaml: config.{key} is not a key Dex knows")
    for key in config.get("oauth2", {}):
        version_ok(key, DEX_OAUTH2_KEYS, profile["dex"], "config.oauth2")
    connector = config["connectors"][0]
    for key in connector["config"]:
        version_ok(key, DEX_OIDC_KEYS, profile["dex"], "config.connectors[0].config")
    client = config["staticClients"][0]
    for key in client:
        if key not in DEX_CLIENT_KEYS:
            problem(f"dex-values.yaml: staticClients[0].{key} is not a key Dex knows")
    if "name" not in client:
        problem("dex-values.yaml: the static client has no name; Dex refuses to start")
    if ("secret" in client) == ("secretEnv" in client):
        problem("dex-values.yaml: the static client needs exactly one of secret and secretEnv")
    if config.get("storage", {}).get("type") != "kubernetes" or "config" not in config.get("storage", {}):
        problem("dex-values.yaml: storage must be kubernetes, with a config")

    # What must hold across the files.
    flags = kubeapps["authProxy"].get(profile["flags"], [])
    if config["issuer"] != issuer or jwt["spec"]["issuer"] != issuer or f"--oidc-issuer-url={issuer}" not in flags:
        problem(f"issuer differs: dex {config['issuer']!r}, jwt {jwt['spec']['issuer']!r}, flags {flags!r}")
    if not (jwt["spec"]["audience"] == client["id"] == kubeapps["authProxy"]["clientID"] == expect["clientID"]):
        problem("audience, Dex's static client id and authProxy.clientID differ")
    if callback not in client["redirectURIs"]:
        problem(f"Dex's static client does not list {callback}")
    if connector["config"]["redirectURI"] != issuer + "/callback":
        problem("the Okta connector's redirectURI is not Dex's issuer + /callback")
    if kubeapps["pinnipedProxy"]["defaultAuthenticatorName"] != jwt["metadata"]["name"]:
        problem("pinnipedProxy.defaultAuthenticatorName differs from the JWTAuthenticator's name")
    if jwt["metadata"]["name"] != expect["authenticator"]:
        problem("the JWTAuthenticator's name is not the site's")
    oidc = connector["config"]
    if "groups" not in oidc["scopes"] or oidc.get("getUserInfo") is not True or oidc.get("insecureEnableGroups") is not True:
        problem("Dex's connector must request groups, call userinfo and enable groups (as booleans)")
    if "groups" not in kubeapps["authProxy"]["scope"].split():
        problem("oauth2-proxy does not request groups from Dex")
    if jwt["spec"].get("claims") != {"username": expect["usernameClaim"], "groups": expect["groupsClaim"]}:
        problem(f"the JWTAuthenticator's claims are {jwt['spec'].get('claims')!r}")
    cluster = kubeapps["clusters"][0]
    if cluster.get("pinnipedConfig", {}).get(profile["pinniped_enable"]) is not True:
        problem(f"clusters[0].pinnipedConfig.{profile['pinniped_enable']} is not true")
    if kubeapps["ingress"]["tls"] is not True or kubeapps["pinnipedProxy"]["enabled"] is not True:
        problem("Kubeapps' ingress.tls and pinnipedProxy.enabled must be the boolean true")

    # The JWTAuthenticator against the CRD of the profile's Pinniped.
    with open(os.path.join(upstream_dir, profile["crd"]), encoding="utf-8") as handle:
        crd = yaml.safe_load(handle)
    version = crd["spec"]["versions"][0]
    for error in jsonschema.Draft7Validator(version["schema"]["openAPIV3Schema"]).iter_errors(jwt):
        problem(f"jwt-authenticator.yaml: CRD schema: {error.message} at {list(error.path)}")
    if jwt["apiVersion"] != f"{crd['spec']['group']}/{version['name']}" or jwt["kind"] != crd["spec"]["names"]["kind"]:
        problem("jwt-authenticator.yaml: apiVersion or kind does not match the CRD")
    namespaced = crd["spec"]["scope"] == "Namespaced"
    if namespaced != ("namespace" in jwt["metadata"]):
        problem(f"jwt-authenticator.yaml: the CRD is {crd['spec']['scope']}, metadata.namespace disagrees")
    if namespaced and jwt["metadata"]["namespace"] != expect["pinnipedNamespace"]:
        problem("jwt-authenticator.yaml: not in the Concierge's namespace")

    # RBAC objects against the Kubernetes schema.
    subjects = []
    for name in ("clusterrolebinding.yaml", "rolebindings.yaml"):
        path = os.path.join(site_dir, name)
        if not os.path.exists(path):
            continue
        for document in load_docs(path):
            try:
                kubernetes_validate.validate(document, "1.30.0", strict=True)
            except Exception as error:  # ValidationError and friends
                problem(f"{name}: {document.get('metadata', {}).get('name')}: {error}")
            for subject in document.get("subjects", []):
                if subject.get("kind") != "Group":
                    problem(f"{name}: subject {subject} is not a Group")
                subjects.append(subject.get("name"))
    if sorted(subjects) != sorted(expect["groups"]):
        problem(f"binding subjects {sorted(subjects)!r} are not the site's groups {sorted(expect['groups'])!r}")

    for text in problems:
        print(text)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
