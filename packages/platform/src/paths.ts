import path from 'node:path';

/** The repository root, from packages/platform/{src,dist}. */
export const ROOT = path.resolve(__dirname, '../../..');
export const DATA_DIR = path.join(ROOT, '.data');
