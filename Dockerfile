# ring-sim's image for `ring-sim job` (docs/scenarios.md): Node 20 slim with the built package installed.
# Build from a checkout after `npm ci && npm run build`:  docker build -t ring-sim:0.1.0 .
FROM node:20-slim
WORKDIR /opt/ring-sim
COPY package.json package-lock.json LICENSE README.md ./
COPY dist ./dist
COPY cjs ./cjs
COPY viz ./viz
COPY examples ./examples
# --ignore-scripts: `prepare` would rebuild (the build tools are dev dependencies); dist is already built.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm link --ignore-scripts --no-audit --no-fund
WORKDIR /work
ENTRYPOINT []
CMD ["npx", "ring-sim", "--help"]
