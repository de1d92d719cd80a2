#!/bin/sh
# Stand-in for Prisma's native schema engine, which this machine cannot download.
# tools/prisma/generate.sh points PRISMA_SCHEMA_ENGINE_BINARY here so `prisma generate` can run;
# anything that really needs the schema engine (migrate, db push, diff) must fail loudly, not silently.
# The CLI skips the first stderr line and parses the rest as the engine's JSON log lines, so the message
# comes twice: as plain text, then as a JSON log line the CLI prints after "Schema engine error:".
msg="poolkeeper: Prisma's native schema engine is not installed here (this is tools/prisma/schema-engine-stub.sh). Migrations are applied by migrateDatabase() from @poolkeeper/persistence; run 'prisma migrate' only on a machine that can download Prisma's engines, without PRISMA_SCHEMA_ENGINE_BINARY."
echo "$msg" >&2
printf '{"timestamp":"%s","level":"ERROR","fields":{"message":"%s"},"target":"schema_engine::logger"}\n' \
  "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" "$msg" | tr -d '\n' >&2
exit 1
