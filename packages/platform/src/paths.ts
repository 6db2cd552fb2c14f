import path from 'node:path';

/** The repository root, from packages/platform/{src,dist}. */
export const ROOT = path.resolve(__dirname, '../../..');
/** PostgreSQL data, dev secrets and logs of `npm start`: `.data/`, or COUNTY_DATA_DIR (tests use their own). */
export const DATA_DIR = path.resolve(process.env.COUNTY_DATA_DIR || path.join(ROOT, '.data'));
