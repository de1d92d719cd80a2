import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const skip = new Set(['node_modules', 'dist', '.poolkeeper', 'test-results', '.nx']);

/** Newest modification time (ms) of any file under the given paths (relative to root). */
export function newestMtime(root, paths) {
  let newest = 0;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (!skip.has(name)) visit(join(path, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

/** Modification time of an output file, 0 when it does not exist. */
export function outputMtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
