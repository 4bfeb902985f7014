import { fileURLToPath } from 'node:url';

/** The checkout root (where package.json lives), independent of the caller's cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
