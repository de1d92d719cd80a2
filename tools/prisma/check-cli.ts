import { clientDrift, migrationsDrift, prismaLayout } from './drift';

/**
 * `npm run prisma:check` (the persistence:prisma-check target, via tools/prisma/check.mjs): schema.prisma,
 * the committed migrations and the committed generated client must agree.
 */
export async function main(root: string): Promise<number> {
  const layout = await prismaLayout(root);
  const problems: string[] = [];

  const sql = await migrationsDrift(layout);
  if (sql) {
    problems.push(
      'prisma/migrations does not produce schema.prisma. After applying every migration, this SQL is still ' +
        'needed (add it as a new migration, e.g. prisma/migrations/<timestamp>_<name>/migration.sql):\n\n' +
        sql.replace(/^/gm, '    '),
    );
  } else console.log('prisma-check: migrations produce schema.prisma');

  const stale = await clientDrift(layout);
  if (stale.length) {
    problems.push(
      'The committed Prisma client is not what schema.prisma generates (run `npm run prisma:generate` and ' +
        `commit the result):\n${stale.map((s) => `    ${s}`).join('\n')}`,
    );
  } else console.log('prisma-check: the committed client matches schema.prisma');

  for (const problem of problems) console.error(`\nprisma-check: ${problem}`);
  return problems.length ? 1 : 0;
}
