import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The directory holding package.json, whether running from `src/` (tsx, jest) or `dist/src/`. */
export function projectRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const MIGRATIONS_FOLDER = join(projectRoot(), 'migrations');
