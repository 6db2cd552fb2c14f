/**
 * A generated region of a hand-written file: the lines between its two marker comments are rewritten from
 * the registry; everything around them (comments, settings) stays as people wrote it.
 */
export const regionStart = (region: string) =>
  `# generated from packages/platform/src/registry.ts by npm run compose: ${region}`;
export const regionEnd = (region: string) => `# end of ${region}`;

/** `text` with the region's lines replaced; the markers keep their indentation. Throws when a marker is missing. */
export function replaceRegion(text: string, file: string, region: string, lines: string[]): string {
  const lineList = text.split('\n');
  const start = lineList.findIndex((line) => line.trim() === regionStart(region));
  const end = lineList.findIndex((line, index) => index > start && line.trim() === regionEnd(region));
  if (start < 0 || end < 0)
    throw new Error(`${file} has no generated region "${region}" (its two marker comments)`);
  return [...lineList.slice(0, start + 1), ...lines, ...lineList.slice(end)].join('\n');
}
