import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots and the runtime's log (gitignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));
/** The designer as `pnpm --filter @journey/designer build` leaves it. */
export const DESIGNER_DIST = fileURLToPath(new URL('../../designer/dist', import.meta.url));
/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
