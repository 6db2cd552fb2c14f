# One image for every process of the county governance graph. docker-compose.yml picks the command:
#   node services/<subgraph>/dist/main.js   (one container per subgraph)
#   node gateway/dist/main.js               (the default)
# Build: docker-compose build, or docker build -t county-governance-graph .

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# The npm the repository pins (package.json "packageManager"); the base image ships an older one.
ARG NPM_VERSION=11.19.1
RUN npm install --global --no-audit --no-fund npm@${NPM_VERSION}

# Manifests first, so the dependency layer is rebuilt only when one of them changes.
# One line per workspace, written by `npm run compose` (packages/platform/src/deployment/).
COPY package.json package-lock.json ./
# generated from packages/platform/src/registry.ts by npm run compose: workspace manifests
COPY packages/bench/package.json packages/bench/
COPY packages/debian-binaries/package.json packages/debian-binaries/
COPY packages/demo-data/package.json packages/demo-data/
COPY packages/domain/package.json packages/domain/
COPY packages/kit/package.json packages/kit/
COPY packages/platform/package.json packages/platform/
COPY packages/postgres/package.json packages/postgres/
COPY packages/redis/package.json packages/redis/
COPY packages/registry/package.json packages/registry/
COPY packages/test-kit/package.json packages/test-kit/
COPY services/gov-services/package.json services/gov-services/
COPY services/governance/package.json services/governance/
COPY services/people/package.json services/people/
COPY services/pilots/package.json services/pilots/
COPY services/reform/package.json services/reform/
COPY gateway/package.json gateway/
COPY schema/package.json schema/
COPY cockpit/package.json cockpit/
# end of workspace manifests
# Not `npm ci`: the lockfile lacks some platforms' optional binaries, which `npm ci` refuses.
RUN npm install --no-audit --no-fund

COPY tsconfig.base.json turbo.json ./
COPY packages packages
COPY services services
COPY gateway gateway
COPY schema schema
COPY cockpit cockpit
# the bench, the test kit, the embedded Redis and the Debian test servers never run in production: their code goes, and prune drops their dependencies
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .turbo packages/bench packages/test-kit packages/redis packages/debian-binaries node_modules/@county/bench node_modules/@county/test-kit node_modules/@county/redis node_modules/@county/debian-binaries \
 && test -f schema/supergraph.graphql

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Owned by root, read-only for the `node` user (uid 1000) the processes run as.
COPY --from=build /app ./
# the audit checkpoints' volume (docker-compose.yml): a fresh named volume takes this folder's owner
RUN mkdir -p /var/lib/county/audit && chown node:node /var/lib/county/audit
USER node
EXPOSE 4000 4001
CMD ["node", "gateway/dist/main.js"]
