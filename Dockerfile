# syntax=docker/dockerfile:1
# casebot: a multi-stage image. The build stage compiles TypeScript; the runtime stage holds
# dist/, cases/ and production dependencies only, and runs as the unprivileged `node` user
# (uid 1000). No dependency has a native addon (the embedded store is Node's own node:sqlite),
# so neither stage needs a compiler.
#
#   docker build -t casebot .
#   docker run --rm -p 3000:3000 --env-file .env casebot

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first (a layer that only changes with the lock file). `--ignore-scripts` skips
# `prepare` (= build, which needs the sources copied below); no production dependency has an
# install script.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cases ./cases
RUN npm run build \
 && node dist/cli.js validate --cases cases \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime -------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# No V8 flags: Node sizes its heap from the container's memory limit.
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    CASES_DIR=/app/cases
WORKDIR /app
# Nothing is installed here: the pruned node_modules is copied.
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/cases ./cases
# The default SQLite file (./data/casebot.db) for a single container; with several replicas set
# DATABASE_URL=postgres://… instead. The code and the casebook stay read-only for `node`.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop, Kubernetes) drains requests in flight and exits 0; SIGHUP reloads the
# casebook. Standard input is empty in a container, so no console chat is started.
CMD ["node", "dist/cli.js", "serve"]
