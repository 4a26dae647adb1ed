# Fazhi (法治): multi-stage build; the runtime image holds production dependencies only and runs
# as the unprivileged `node` user. Configure with environment variables (see README), e.g.
#   docker run -e DATABASE_URL=postgres://fazhi@db:5432/fazhi -p 3000:3000 fazhi
# Without DATABASE_URL it uses embedded PGlite in /var/lib/fazhi (mount a volume there).

# Node ≥ 20.19 is required (it loads ESM-only dependencies with require()).
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/fazhi
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
RUN mkdir -p /var/lib/fazhi && chown node:node /var/lib/fazhi
USER node
EXPOSE 3000
VOLUME ["/var/lib/fazhi"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm) so SIGTERM reaches the server and shuts it down gracefully.
CMD ["node", "--enable-source-maps", "dist/src/server.js"]
