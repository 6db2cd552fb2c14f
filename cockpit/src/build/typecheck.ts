import path from 'node:path';
import ts from 'typescript';

const COCKPIT_DIR = path.join(__dirname, '..', '..');

/**
 * Type-checks the page against the freshly generated operation types (`tsconfig.web.json`, DOM library),
 * with `@cockpit/generated/*` pointed at this build's generated folder. Throws listing every error.
 */
export function typeCheckPage(generatedDir: string): void {
  const configPath = path.join(COCKPIT_DIR, 'tsconfig.web.json');
  const { config, error } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, COCKPIT_DIR);
  const options = { ...parsed.options, paths: { '@cockpit/generated/*': [path.join(generatedDir, '*')] } };
  const program = ts.createProgram(parsed.fileNames, options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length === 0) return;
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => COCKPIT_DIR,
    getNewLine: () => '\n',
  };
  throw new Error(
    `The cockpit page does not type-check against the generated operations:\n${ts.formatDiagnostics(diagnostics, host)}`,
  );
}
