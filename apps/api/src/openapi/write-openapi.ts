import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPENAPI_FILE, renderOpenApiDocument } from './document-app';

/** Regenerates apps/api/openapi.json (relative to the repo root, the working directory). */
export async function writeOpenApi(file = resolve(OPENAPI_FILE)): Promise<string> {
  await writeFile(file, await renderOpenApiDocument());
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeOpenApi().then(
    (file) => {
      console.log(`wrote ${file}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
