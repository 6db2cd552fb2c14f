import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * The trusted-documents manifest for the gateway (TRUSTED_DOCUMENTS_PATH): `{ "<sha256>": "<document>" }`
 * for every operation the page sends, byte for byte as it sends them (the generated typed strings).
 */
export async function trustedDocuments(generatedDir: string): Promise<Record<string, string>> {
  const { outputFiles } = await build({
    entryPoints: [path.join(generatedDir, 'operations.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const module: { exports: Record<string, unknown> } = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  const manifest: Record<string, string> = {};
  for (const value of Object.values(module.exports)) {
    if (!(value instanceof String)) continue;
    const document = value.toString();
    manifest[createHash('sha256').update(document).digest('hex')] = document;
  }
  return manifest;
}
