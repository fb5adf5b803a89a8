#!/usr/bin/env bash
# Install plan written by 'tkgauth plan' for: whiteharbor (tkg-1.3).
# Run it from the folder the file paths below are relative to. It holds no secret: the commands
# refer to shell variables, checked before anything changes. Running it again is safe.
set -euo pipefail

tkgauth_fail() {
  printf 'tkgauth plan: %s\n' "$*" >&2
  exit 1
}
# PROGRAM: must be on PATH.
tkgauth_need_program() {
  command -v -- "$1" >/dev/null 2>&1 || tkgauth_fail "$1 is not installed (not found on PATH)"
}
# FILE: a generated file the commands read.
tkgauth_need_file() {
  [ -r "$1" ] || tkgauth_fail "cannot read $1: run 'tkgauth generate' first, with the same output folder"
}
# NAME PURPOSE: the variable must be set and not empty.
tkgauth_need_variable() {
  [ -n "${!1:-}" ] || tkgauth_fail "$1 is not set or is empty; it must hold $2"
}
# NAME FILE PURPOSE: NAME becomes the file's content, one trailing newline (\n or \r\n) trimmed, as tkgauth
# reads it; it must not be empty.
tkgauth_read_secret_file() {
  local tkgauth_value
  [ -r "$2" ] || tkgauth_fail "cannot read $2, which must hold $3"
  tkgauth_value="$(cat -- "$2" && printf x)" || tkgauth_fail "cannot read $2, which must hold $3"
  tkgauth_value="${tkgauth_value%x}"
  case "$tkgauth_value" in
    *$'\r\n') tkgauth_value="${tkgauth_value%$'\r\n'}" ;;
    *$'\n') tkgauth_value="${tkgauth_value%$'\n'}" ;;
  esac
  [ -n "$tkgauth_value" ] || tkgauth_fail "$2 is empty; it must hold $3"
  printf -v "$1" '%s' "$tkgauth_value"
}
# NAME PURPOSE: helm --set-string splits on ',', unescapes '\' and reads a leading '{' as a list.
tkgauth_need_set_string_safe() {
  case "${!1}" in
    *,* | *\\* | \{*)
      tkgauth_fail "$2 contains ',' or '\\' or starts with '{', which helm --set-string cannot pass unchanged" ;;
  esac
}
# TITLE
tkgauth_step() {
  printf '\n==> %s\n' "$1"
}
# COMMAND: shown as written, so secrets appear as variable names, never as values.
tkgauth_show() {
  printf '+ %s\n' "$1"
}

# Preflight: programs, generated files and secrets, before the first change.
tkgauth_need_program helm
tkgauth_need_program kubectl
tkgauth_need_program curl
tkgauth_need_program tr
tkgauth_need_program grep
tkgauth_need_file out/whiteharbor/dex-values.yaml
tkgauth_need_file out/whiteharbor/jwt-authenticator.yaml
tkgauth_need_file out/whiteharbor/kubeapps-values.yaml
tkgauth_need_file out/whiteharbor/clusterrolebinding.yaml
tkgauth_need_variable WHITEHARBOR_OKTA_CLIENT_SECRET 'okta.clientSecret of site whiteharbor'
tkgauth_need_variable WHITEHARBOR_KUBEAPPS_CLIENT_SECRET 'kubeapps.clientSecret of site whiteharbor'
tkgauth_need_set_string_safe WHITEHARBOR_KUBEAPPS_CLIENT_SECRET 'kubeapps.clientSecret of site whiteharbor'
tkgauth_need_variable WHITEHARBOR_KUBEAPPS_COOKIE_SECRET 'kubeapps.cookieSecret of site whiteharbor'
tkgauth_need_set_string_safe WHITEHARBOR_KUBEAPPS_COOKIE_SECRET 'kubeapps.cookieSecret of site whiteharbor'

# ============================================================================
# Site whiteharbor (profile tkg-1.3), files in out/whiteharbor/

# whiteharbor 1/8: Register Dex as a web app in Okta (by hand)
# Why: Dex signs users in through this app; it must know Dex's callback and hand out the groups RBAC binds.
#  - In the Okta admin console (Applications → Create App Integration), create an OIDC - OpenID Connect app of type Web Application for Dex.
#  - Sign-in redirect URI: https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/callback (exactly; no sign-out redirect URI is needed).
#  - Grant types: Authorization Code and Refresh Token (Dex asks for offline_access).
#  - okta.issuer (https://dev-123456.okta.com) is the org authorization server: in the app, under Sign On → OpenID Connect ID Token, set the Groups claim: type Filter, name groups, filter e.g. Matches regex .* (or narrower, as long as it keeps the groups below).
#  - Org-server ID tokens are thin (no groups): Dex calls the userinfo endpoint, which returns the groups for the groups scope.
#  - Assign the app to the groups whose members may sign in: “your-group-name”.
#  - Put the app's client ID in okta.clientID of examples/whiteharbor.yaml (currently 0oa1b2c3d4EXAMPLE).
#  - Put the app's client secret where okta.clientSecret points: the environment variable WHITEHARBOR_OKTA_CLIENT_SECRET of whoever runs the plan; never in the site file itself.
tkgauth_step 'whiteharbor 1/8: Register Dex as a web app in Okta (by hand)'
printf '  %s\n' \
  'Done by hand, before this script ran:' \
  '- In the Okta admin console (Applications → Create App Integration), create an OIDC - OpenID Connect app of type Web Application for Dex.' \
  '- Sign-in redirect URI: https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/callback (exactly; no sign-out redirect URI is needed).' \
  '- Grant types: Authorization Code and Refresh Token (Dex asks for offline_access).' \
  '- okta.issuer (https://dev-123456.okta.com) is the org authorization server: in the app, under Sign On → OpenID Connect ID Token, set the Groups claim: type Filter, name groups, filter e.g. Matches regex .* (or narrower, as long as it keeps the groups below).' \
  '- Org-server ID tokens are thin (no groups): Dex calls the userinfo endpoint, which returns the groups for the groups scope.' \
  '- Assign the app to the groups whose members may sign in: “your-group-name”.' \
  '- Put the app'\''s client ID in okta.clientID of examples/whiteharbor.yaml (currently 0oa1b2c3d4EXAMPLE).' \
  '- Put the app'\''s client secret where okta.clientSecret points: the environment variable WHITEHARBOR_OKTA_CLIENT_SECRET of whoever runs the plan; never in the site file itself.'

# whiteharbor 2/8: Check the tools, the cluster and the secrets
# Why: Stop before anything changes when helm, kubectl or curl is missing, the context is not the intended cluster, or a secret is unset.
tkgauth_step 'whiteharbor 2/8: Check the tools, the cluster and the secrets'
tkgauth_show 'helm version --short'
helm version --short
tkgauth_show 'kubectl version --client'
kubectl version --client
tkgauth_show 'kubectl config current-context'
kubectl config current-context

# whiteharbor 3/8: Create or update the Kubernetes Secrets
# Why: Dex reads its secrets from these Secrets, so no generated file holds one.
tkgauth_step 'whiteharbor 3/8: Create or update the Kubernetes Secrets'
tkgauth_show 'kubectl create namespace dex --dry-run=client -o yaml | kubectl apply -f -'
kubectl create namespace dex --dry-run=client -o yaml | kubectl apply -f -
tkgauth_show 'kubectl create secret generic dex-tkgauth -n dex --from-literal=OKTA_CLIENT_SECRET="${WHITEHARBOR_OKTA_CLIENT_SECRET}" --from-literal=KUBEAPPS_CLIENT_SECRET="${WHITEHARBOR_KUBEAPPS_CLIENT_SECRET}" --dry-run=client -o yaml | kubectl apply -f -'
kubectl create secret generic dex-tkgauth -n dex --from-literal=OKTA_CLIENT_SECRET="${WHITEHARBOR_OKTA_CLIENT_SECRET}" --from-literal=KUBEAPPS_CLIENT_SECRET="${WHITEHARBOR_KUBEAPPS_CLIENT_SECRET}" --dry-run=client -o yaml | kubectl apply -f -

# whiteharbor 4/8: Install Dex
# Why: Dex is the issuer Kubeapps and Pinniped trust; it signs users in through Okta and adds their groups.
tkgauth_step 'whiteharbor 4/8: Install Dex'
tkgauth_show 'helm repo add dex https://charts.dexidp.io --force-update'
helm repo add dex https://charts.dexidp.io --force-update
tkgauth_show 'helm repo update dex'
helm repo update dex
tkgauth_show 'helm upgrade --install dex dex/dex --version 0.3.2 --namespace dex --create-namespace --values out/whiteharbor/dex-values.yaml --wait --timeout 10m'
helm upgrade --install dex dex/dex --version 0.3.2 --namespace dex --create-namespace --values out/whiteharbor/dex-values.yaml --wait --timeout 10m
tkgauth_show 'kubectl rollout restart deployment/dex -n dex'
kubectl rollout restart deployment/dex -n dex
tkgauth_show 'kubectl rollout status deployment/dex -n dex --timeout 5m'
kubectl rollout status deployment/dex -n dex --timeout 5m
tkgauth_show 'curl -fsS --retry 10 --retry-delay 6 --retry-connrefused https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/.well-known/openid-configuration | tr -d '\''[:space:]'\'' | grep -F -o '\''"issuer":"https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life"'\'''
curl -fsS --retry 10 --retry-delay 6 --retry-connrefused https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/.well-known/openid-configuration | tr -d '[:space:]' | grep -F -o '"issuer":"https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life"'

# whiteharbor 5/8: Create the Pinniped JWTAuthenticator
# Why: The Concierge accepts Dex's ID tokens for Kubeapps' audience only once this authenticator exists.
tkgauth_step 'whiteharbor 5/8: Create the Pinniped JWTAuthenticator'
tkgauth_show 'kubectl apply -f out/whiteharbor/jwt-authenticator.yaml'
kubectl apply -f out/whiteharbor/jwt-authenticator.yaml
tkgauth_show 'kubectl get jwtauthenticator kubeapps-jwt-authenticator -n pinniped-concierge'
kubectl get jwtauthenticator kubeapps-jwt-authenticator -n pinniped-concierge

# whiteharbor 6/8: Install Kubeapps
# Why: Kubeapps signs users in through Dex and calls the cluster via pinniped-proxy as the signed-in user.
tkgauth_step 'whiteharbor 6/8: Install Kubeapps'
tkgauth_show 'helm repo add bitnami https://charts.bitnami.com/bitnami --force-update'
helm repo add bitnami https://charts.bitnami.com/bitnami --force-update
tkgauth_show 'helm repo update bitnami'
helm repo update bitnami
tkgauth_show 'helm upgrade --install kubeapps bitnami/kubeapps --version 7.1.2 --namespace kubeapps --create-namespace --values out/whiteharbor/kubeapps-values.yaml --set-string authProxy.clientSecret="${WHITEHARBOR_KUBEAPPS_CLIENT_SECRET}" --set-string authProxy.cookieSecret="${WHITEHARBOR_KUBEAPPS_COOKIE_SECRET}" --wait --timeout 10m'
helm upgrade --install kubeapps bitnami/kubeapps --version 7.1.2 --namespace kubeapps --create-namespace --values out/whiteharbor/kubeapps-values.yaml --set-string authProxy.clientSecret="${WHITEHARBOR_KUBEAPPS_CLIENT_SECRET}" --set-string authProxy.cookieSecret="${WHITEHARBOR_KUBEAPPS_COOKIE_SECRET}" --wait --timeout 10m
tkgauth_show 'kubectl rollout restart deployment -n kubeapps -l app.kubernetes.io/instance=kubeapps'
kubectl rollout restart deployment -n kubeapps -l app.kubernetes.io/instance=kubeapps

# whiteharbor 7/8: Bind the Okta groups to their roles
# Why: A signed-in user can do only what a binding grants one of their groups; RoleBindings need their namespaces; reconcile also replaces a binding whose role changed.
tkgauth_step 'whiteharbor 7/8: Bind the Okta groups to their roles'
tkgauth_show 'kubectl auth reconcile -f out/whiteharbor/clusterrolebinding.yaml --remove-extra-subjects'
kubectl auth reconcile -f out/whiteharbor/clusterrolebinding.yaml --remove-extra-subjects

# whiteharbor 8/8: Check sign-in and access
# Why: Proves each group gets the access the site grants, and that sign-in works end to end.
#  - Open https://kubeapps.whiteharbor.tkg-vsphere-lab.winterfell.life and sign in through Dex and Okta as a member of one of “your-group-name”; Kubeapps should show what that group may see.
tkgauth_step 'whiteharbor 8/8: Check sign-in and access'
tkgauth_show 'kubectl auth can-i get pods --as=tkgauth-verify --as-group=your-group-name --all-namespaces'
kubectl auth can-i get pods --as=tkgauth-verify --as-group=your-group-name --all-namespaces
printf '  %s\n' \
  'Now, by hand:' \
  '- Open https://kubeapps.whiteharbor.tkg-vsphere-lab.winterfell.life and sign in through Dex and Okta as a member of one of “your-group-name”; Kubeapps should show what that group may see.'

tkgauth_step 'Done: whiteharbor'
