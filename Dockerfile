# Dialoogbot: one image for every APP_ROLE (all | http | worker). See docs/deploy.md.
FROM node:20-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app

# Dependencies first (cached while only the source changes). No install scripts: none of ours is
# needed (package.json allowScripts), and Prisma's would try to download engines. The Prisma
# client is generated offline by our own script.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev --ignore-scripts --no-audit \
 && node scripts/prisma-generate.mjs \
 && npm cache clean --force

COPY src ./src
COPY prompts ./prompts
COPY tsconfig.json ./

# Not root. With DATABASE_URL nothing is written to disk; DATA_DIR is only for the embedded database.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 3000
# tsx runs the TypeScript sources as `npm start` does; SIGTERM reaches node directly (graceful shutdown).
CMD ["node", "--import", "tsx", "src/main.ts"]
