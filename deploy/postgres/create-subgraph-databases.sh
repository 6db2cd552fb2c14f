#!/usr/bin/env bash
# Creates one database per subgraph (the `database` of each entry in packages/platform/src/registry.ts)
# and its owner: a login role of the same name, with the password <NAME>_DATABASE_PASSWORD from the
# environment (county_gov_services: GOV_SERVICES_DATABASE_PASSWORD), and no other privilege. The
# subgraph connects as that role; the superuser (POSTGRES_USER) is used only here.
#
# The postgres image runs it once, when the data volume is initialised. It is idempotent: after adding a
# subgraph to a deployment whose volume already exists, run it again:
#   docker-compose exec postgres bash /docker-entrypoint-initdb.d/10-create-subgraph-databases.sh
set -euo pipefail

# One per subgraph, written by `npm run compose` from the registry.
SUBGRAPH_DATABASES=(
  # generated from packages/platform/src/registry.ts by npm run compose: databases
  county_people
  county_pilots
  county_reform
  county_governance
  county_gov_services
  # end of databases
  # the schema registry's (packages/registry), with REGISTRY_DATABASE_PASSWORD
  county_registry
)

for database in "${SUBGRAPH_DATABASES[@]}"; do
  variable="${database#county_}"
  variable="${variable^^}_DATABASE_PASSWORD"
  password="${!variable:?set $variable: the password of the $database role}"
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set database="$database" --set password="$password" <<'SQL'
SELECT format('CREATE DATABASE %I', :'database')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')\gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'database')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'database')\gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'database', :'password')\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'database')\gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database')\gexec
SQL
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "$database" \
    --set database="$database" <<'SQL'
SELECT format('ALTER SCHEMA public OWNER TO %I', :'database')\gexec
SQL
  echo "subgraph database ready: $database (owned by role $database)"
done
