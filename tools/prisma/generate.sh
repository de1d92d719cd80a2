#!/bin/sh
# Generate the Prisma client into libs/persistence/src/generated/prisma without the native schema engine.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
PRISMA_SCHEMA_ENGINE_BINARY="$root/tools/prisma/schema-engine-stub.sh" \
  PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 \
  exec npx --no-install prisma generate --schema prisma/schema.prisma "$@"
