import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { WEB_DIR } from './codegen';

/**
 * Bundles the page with esbuild into `publicDir`: one script (ECharts from node_modules, tree-shaken),
 * one stylesheet with the Noto Sans SC faces it names (Simplified Chinese subset, two weights, WOFF2
 * only), every file named by its content hash, and `index.html` pointing at them. Text files get a
 * gzipped twin that the handler serves to browsers that accept it.
 */
export async function bundlePage(generatedDir: string, publicDir: string): Promise<string[]> {
  fs.rmSync(publicDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { cockpit: path.join(WEB_DIR, 'main.ts'), styles: path.join(WEB_DIR, 'styles.css') },
    bundle: true,
    outdir: publicDir,
    entryNames: '[name]-[hash]',
    assetNames: 'fonts/[name]-[hash]',
    loader: { '.woff2': 'file' },
    alias: { '@cockpit/generated': generatedDir },
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
  const named = (entry: string, extension: string) => {
    const found = outputs.find(
      (file) => path.basename(file).startsWith(`${entry}-`) && file.endsWith(extension),
    );
    if (!found) throw new Error(`esbuild wrote no ${entry}${extension}`);
    return path.basename(found);
  };
  const page = fs
    .readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8')
    .replace('%STYLES%', named('styles', '.css'))
    .replace('%SCRIPT%', named('cockpit', '.js'));
  const index = path.join(publicDir, 'index.html');
  fs.writeFileSync(index, page);
  const files = [...outputs, index];
  for (const file of files.filter((name) => /\.(html|js|css)$/.test(name))) {
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  }
  return files;
}
