#!/usr/bin/env bash
# Creates the Secrets the suite reads, in the namespace clusterlogs, before
# `kubectl apply -k deploy/overlays/<overlay>`. Kubernetes cannot generate RSA keys or random
# passwords from plain manifests, so this script does, once:
#
#   <service>-service-account    private-key.pem: the service account's RSA key (2048 bits, PKCS#8 PEM),
#                                one Secret per service, mounted only by that service
#   service-account-public-keys  <service>.pem: the public halves, mounted by auth-service,
#                                whose bootstrap registers the accounts
#   auth-service-service-account private-key.pem and public-key.pem: auth-service's own account
#                                (it follows the MessageLogging policies too), both halves, made
#                                on its own (independent of the three above)
#   auth-service-keys            key-encryption-key (base64 of 32 random bytes), bootstrap-uid,
#                                bootstrap-password (the first superuser)
#   auth-service-db              url, username, password of auth-service's PostgreSQL database:
#                                dev: the overlay's in-cluster postgresql (random password);
#                                prod: AUTH_DB_URL, AUTH_DB_USERNAME, AUTH_DB_PASSWORD from the environment
#   policy-service-db            the same for policy-service's database: dev: database and user
#                                `policy` in the same in-cluster postgresql; prod: POLICY_DB_URL,
#                                POLICY_DB_USERNAME, POLICY_DB_PASSWORD
#   policy-service-webhook-tls   tls.crt, tls.key, ca.crt: policy-service's HTTPS certificate for
#                                policy-service.clusterlogs.svc, which the API server calls the
#                                MessageLoggingPolicy admission webhook at, and the CA that signed it:
#                                made here (a CA of its own, RSA 2048, 10 years; the certificate 825 days),
#                                or, when WEBHOOK_TLS_CERT, WEBHOOK_TLS_KEY and WEBHOOK_CA_CERT name
#                                PEM files, those files
#
# It also gives the ValidatingWebhookConfiguration of base/policy-service/validatingwebhook.yaml
# its caBundle (the CA of policy-service-webhook-tls, which the API server trusts for that call
# alone): when the configuration is missing it creates it from that file with the caBundle
# added; when it exists (an earlier `kubectl apply -k`) it patches in the caBundle. A later
# `kubectl apply -k` keeps it, since the manifest has no caBundle field.
#
# Idempotent: only missing Secrets are created (`kubectl create`, which never replaces one), and
# an existing Secret is never changed. The service-account Secrets are made together: if only
# some of them exist the script refuses, because new keys would no longer match the public keys
# auth-service registered.
#
# Usage: deploy/make-secrets.sh dev|prod [--dry-run]
#   --dry-run  print, as YAML, everything it would create in an empty cluster (the namespace
#              from base/namespace.yaml included) and contact no cluster; the keys in it are
#              freshly made and then thrown away.
# Environment: AUTH_BOOTSTRAP_UID (default admin); for prod AUTH_DB_URL, AUTH_DB_USERNAME,
# AUTH_DB_PASSWORD, POLICY_DB_*; optionally WEBHOOK_TLS_CERT, WEBHOOK_TLS_KEY, WEBHOOK_CA_CERT.
set -euo pipefail

namespace=clusterlogs
deploy_dir=$(cd "$(dirname "$0")" && pwd)
accounts=(log-service discovery-service policy-service)
public_keys=service-account-public-keys
bootstrap_uid=${AUTH_BOOTSTRAP_UID:-admin}
# The dev overlay's PostgreSQL (overlays/dev/postgresql): Service postgresql, database auth.
dev_db_url=jdbc:postgresql://postgresql:5432/auth
dev_db_username=auth
# the dev PostgreSQL creates this database and user at its first start (overlays/dev/postgresql)
dev_policy_db_url=jdbc:postgresql://postgresql:5432/policy
dev_policy_db_username=policy
# policy-service's admission webhook: its Service's name in the cluster, the Secret, the configuration
webhook_host=policy-service.$namespace.svc
webhook_secret=policy-service-webhook-tls
webhook_config=messageloggingpolicies.logging.clusterlogs.org

say() { echo "make-secrets: $*" >&2; }
die() { say "$*"; exit 1; }
usage() { die "usage: $0 dev|prod [--dry-run]"; }

overlay=""
dry_run=false
for arg in "$@"; do
  case "$arg" in
    dev|prod) [ -z "$overlay" ] || usage; overlay=$arg ;;
    --dry-run) dry_run=true ;;
    *) usage ;;
  esac
done
[ -n "$overlay" ] || usage

for tool in openssl base64; do
  command -v "$tool" >/dev/null || die "$tool is needed and not on the PATH"
done
$dry_run || command -v kubectl >/dev/null || die "kubectl is needed and not on the PATH"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
out="$work/objects.yaml"
: >"$out"
creating=()

# Whether the object exists. A dry run contacts no cluster: nothing exists. A failing kubectl
# (no cluster, no permission) stops the script rather than counting as "missing".
exists() { # kind name
  $dry_run && return 1
  local args=(get "$1" "$2" -o name --ignore-not-found)
  case "$1" in
    namespace|validatingwebhookconfiguration) ;; # cluster-scoped
    *) args=(-n "$namespace" "${args[@]}") ;;
  esac
  local found
  found=$(kubectl "${args[@]}") || die "kubectl get $1 $2 failed; is the cluster reachable?"
  [ -n "$found" ]
}

# Appends a Secret to the output. Values are read from files, so none is on a command line.
add_secret() { # name app key=file...
  local name=$1 app=$2 entry
  shift 2
  creating+=("$name")
  {
    echo "---"
    echo "apiVersion: v1"
    echo "kind: Secret"
    echo "metadata:"
    echo "  name: $name"
    echo "  namespace: $namespace"
    echo "  labels:"
    echo "    app.kubernetes.io/name: $app"
    echo "    app.kubernetes.io/part-of: clusterlogs"
    echo "type: Opaque"
    echo "data:"
    for entry in "$@"; do
      echo "  ${entry%%=*}: $(base64 <"${entry#*=}" | tr -d '\n')"
    done
  } >>"$out"
}

value_file() { # name value: a file holding exactly the value (no newline)
  printf '%s' "$2" >"$work/$1"
  echo "$work/$1"
}

# Everything is decided before anything is created: a refusal leaves the cluster as it was.

# 1. The service accounts' key pairs, all or nothing.
present=()
missing=()
for name in "${accounts[@]/%/-service-account}" "$public_keys"; do
  if exists secret "$name"; then present+=("$name"); else missing+=("$name"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  say "kept (exist): ${accounts[*]/%/-service-account} $public_keys"
elif [ ${#present[@]} -gt 0 ]; then
  die "only some service-account Secrets exist (${present[*]}; missing: ${missing[*]})." \
    "New keys would not match the public keys auth-service registered, so none is made." \
    "To start over: kubectl -n $namespace delete secret ${accounts[*]/%/-service-account} $public_keys," \
    "run this again, then restart the suite (see deploy/README.md)."
else
  public_entries=()
  for account in "${accounts[@]}"; do
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$account.pem" 2>/dev/null
    openssl pkey -in "$work/$account.pem" -pubout -out "$work/$account.pub.pem"
    add_secret "$account-service-account" "$account" "private-key.pem=$work/$account.pem"
    public_entries+=("$account.pem=$work/$account.pub.pem")
  done
  add_secret "$public_keys" auth-service "${public_entries[@]}"
fi

# 1b. auth-service's own account (it follows the MessageLogging policies like every service, and
#     logs in at itself): both halves in one Secret, since auth-service registers the public half
#     itself. Made on its own, so a cluster set up before it existed just gains it.
if exists secret auth-service-service-account; then
  say "kept (exists): auth-service-service-account"
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/auth-service.pem" 2>/dev/null
  openssl pkey -in "$work/auth-service.pem" -pubout -out "$work/auth-service.pub.pem"
  add_secret auth-service-service-account auth-service "private-key.pem=$work/auth-service.pem" \
    "public-key.pem=$work/auth-service.pub.pem"
fi

# 2. auth-service's key-encryption key and first superuser.
new_superuser=false
if exists secret auth-service-keys; then
  say "kept (exists): auth-service-keys"
else
  add_secret auth-service-keys auth-service \
    "key-encryption-key=$(value_file kek "$(openssl rand -base64 32)")" \
    "bootstrap-uid=$(value_file uid "$bootstrap_uid")" \
    "bootstrap-password=$(value_file password "$(openssl rand -hex 16)")"
  new_superuser=true
fi

# 3. the databases of auth-service and policy-service: one Secret each (url, username, password).
database_secret() { # secret service env-prefix dev-url dev-username
  local secret=$1 service=$2 prefix=$3 url username password var unset_vars=()
  if exists secret "$secret"; then
    say "kept (exists): $secret"
    return
  fi
  if [ "$overlay" = dev ]; then
    url=$4
    username=$5
    password=$(openssl rand -hex 24)
  else
    for var in "${prefix}_URL" "${prefix}_USERNAME" "${prefix}_PASSWORD"; do
      [ -n "${!var:-}" ] || unset_vars+=("$var")
    done
    [ ${#unset_vars[@]} -eq 0 ] || die "prod needs $service's PostgreSQL database: set ${unset_vars[*]}" \
      "(e.g. ${prefix}_URL=jdbc:postgresql://db.example:5432/${service%-service}); nothing was created."
    var=${prefix}_URL
    [[ "${!var}" == jdbc:postgresql://* ]] || die "${prefix}_URL must be a jdbc:postgresql:// URL; nothing was created."
    url=${!var}
    var=${prefix}_USERNAME
    username=${!var}
    var=${prefix}_PASSWORD
    password=${!var}
  fi
  add_secret "$secret" "$service" \
    "url=$(value_file "$secret-url" "$url")" \
    "username=$(value_file "$secret-username" "$username")" \
    "password=$(value_file "$secret-password" "$password")"
}
database_secret auth-service-db auth-service AUTH_DB "$dev_db_url" "$dev_db_username"
database_secret policy-service-db policy-service POLICY_DB "$dev_policy_db_url" "$dev_policy_db_username"

# 4. policy-service's webhook certificate, and the CA the API server checks it with.
if exists secret "$webhook_secret"; then
  say "kept (exists): $webhook_secret"
  kubectl -n "$namespace" get secret "$webhook_secret" -o 'jsonpath={.data.ca\.crt}' | base64 -d >"$work/webhook-ca.crt" \
    || die "kubectl could not read ca.crt of $webhook_secret"
  [ -s "$work/webhook-ca.crt" ] || die "$webhook_secret has no ca.crt; delete it and run this again"
elif [ -n "${WEBHOOK_TLS_CERT:-}${WEBHOOK_TLS_KEY:-}${WEBHOOK_CA_CERT:-}" ]; then
  for var in WEBHOOK_TLS_CERT WEBHOOK_TLS_KEY WEBHOOK_CA_CERT; do
    [ -r "${!var:-}" ] || die "$var must name a readable PEM file (give all three, or none to have them made);" \
      "nothing was created."
  done
  openssl x509 -in "$WEBHOOK_TLS_CERT" -noout -checkhost "$webhook_host" | grep -q 'does match' \
    || die "WEBHOOK_TLS_CERT is not a certificate for $webhook_host; nothing was created."
  openssl verify -CAfile "$WEBHOOK_CA_CERT" "$WEBHOOK_TLS_CERT" >/dev/null \
    || die "WEBHOOK_CA_CERT did not sign WEBHOOK_TLS_CERT; nothing was created."
  cp "$WEBHOOK_CA_CERT" "$work/webhook-ca.crt"
  add_secret "$webhook_secret" policy-service "tls.crt=$WEBHOOK_TLS_CERT" "tls.key=$WEBHOOK_TLS_KEY" \
    "ca.crt=$work/webhook-ca.crt"
else
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=clusterlogs policy-service webhook CA" \
    -keyout "$work/webhook-ca.key" -out "$work/webhook-ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$webhook_host" \
    -keyout "$work/webhook-tls.key" -out "$work/webhook-tls.csr" 2>/dev/null
  printf 'subjectAltName=DNS:%s,DNS:policy-service.%s\n' "$webhook_host" "$namespace" >"$work/webhook-san.ext"
  openssl x509 -req -in "$work/webhook-tls.csr" -CA "$work/webhook-ca.crt" -CAkey "$work/webhook-ca.key" \
    -CAcreateserial -days 825 -extfile "$work/webhook-san.ext" -out "$work/webhook-tls.crt" 2>/dev/null
  add_secret "$webhook_secret" policy-service "tls.crt=$work/webhook-tls.crt" "tls.key=$work/webhook-tls.key" \
    "ca.crt=$work/webhook-ca.crt"
fi
ca_bundle=$(base64 <"$work/webhook-ca.crt" | tr -d '\n')
patch_webhook=false
if exists validatingwebhookconfiguration "$webhook_config"; then
  patch_webhook=true
else
  # the manifest, with the caBundle under its clientConfig (the file has one webhook)
  creating+=("validatingwebhookconfiguration/$webhook_config")
  { echo "---"; sed -e "s|^\( *\)clientConfig:\$|&\n\1  caBundle: $ca_bundle|" \
      -e "s|^\( *\)app.kubernetes.io/name: policy-service\$|&\n\1app.kubernetes.io/part-of: clusterlogs|" \
      "$deploy_dir/base/policy-service/validatingwebhook.yaml"; } >>"$out"
fi

if $dry_run; then
  say "would create: namespace $namespace (if missing) ${creating[*]}"
  echo "---"
  cat "$deploy_dir/base/namespace.yaml"
  cat "$out"
  exit 0
fi

if ! exists namespace "$namespace"; then
  kubectl create -f "$deploy_dir/base/namespace.yaml" >&2
fi
if [ ${#creating[@]} -gt 0 ]; then
  kubectl create -f "$out" >&2
  say "created: ${creating[*]}"
else
  say "nothing to create"
fi
if $patch_webhook; then
  kubectl patch validatingwebhookconfiguration "$webhook_config" --type=json \
    -p "[{\"op\": \"add\", \"path\": \"/webhooks/0/clientConfig/caBundle\", \"value\": \"$ca_bundle\"}]" >&2
  say "validatingwebhookconfiguration/$webhook_config: caBundle set to the CA of $webhook_secret"
fi
if $new_superuser; then
  say "first superuser: uid $bootstrap_uid, password $(cat "$work/password")"
  say "shown once; read it again with:" \
    "kubectl -n $namespace get secret auth-service-keys -o jsonpath='{.data.bootstrap-password}' | base64 -d"
fi
