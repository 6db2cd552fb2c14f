#!/usr/bin/env bash
# Creates one database per subgraph: the `database` of each entry in packages/platform/src/registry.ts.
#
# The postgres image runs it once, when the data volume is initialised. It is idempotent: after adding a
# subgraph to a deployment whose volume already exists, run it again:
#   docker-compose exec postgres bash /docker-entrypoint-initdb.d/10-create-subgraph-databases.sh
set -euo pipefail

# One line per subgraph.
SUBGRAPH_DATABASES=(
  county_people
  county_pilots
  county_reform
  county_governance
  county_gov_services
)

for database in "${SUBGRAPH_DATABASES[@]}"; do
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'database')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')\gexec
SQL
  echo "subgraph database ready: $database"
done
