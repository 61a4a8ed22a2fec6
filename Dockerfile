# One image for the api and the worker (they differ only in command), for docker-compose.yml
# and ECS. Not built on the development machines (no Docker engine there).
FROM node:24-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@12.21.0
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
ENV FANFARE_ENV=production NODE_ENV=production
CMD ["node", "node_modules/tsx/dist/cli.mjs", "api/src/server.ts"]
