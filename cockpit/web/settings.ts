/** What the URL says about this screen: `?region=990722&refresh=30&year=2025&token=…`. */
export interface Settings {
  /** Bearer token for the gateway, or null for the anonymous viewer. */
  token: string | null;
  refreshMs: number;
  /** The region to open with; the province when absent (else the first city). */
  regionCode: string | null;
  /** The figure the map is coloured by (`figure=lagging`); the first available when absent. */
  figure: string | null;
  /** The year the statistics cover: `reformStats(year)`, and `from`…`to` for the period-based fields. */
  year: number;
  from: string;
  to: string;
}

const TOKEN_KEY = 'county-cockpit-token';
export const DEFAULT_REFRESH_SECONDS = 30;
const MIN_REFRESH_SECONDS = 5;

/**
 * Reads the settings once. A `token` in the URL is moved to sessionStorage and removed from the address
 * bar, so it is not left in the browser history or on a photograph of the wall screen.
 */
export function readSettings(now: Date = new Date()): Settings {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    history.replaceState(null, '', url.toString());
  }
  const seconds = Number(params.get('refresh') ?? DEFAULT_REFRESH_SECONDS);
  const year = Number(params.get('year') ?? now.getFullYear());
  const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear();
  return {
    token: sessionStorage.getItem(TOKEN_KEY),
    refreshMs:
      Math.max(MIN_REFRESH_SECONDS, Number.isFinite(seconds) ? seconds : DEFAULT_REFRESH_SECONDS) * 1000,
    regionCode: params.get('region'),
    figure: params.get('figure'),
    year: validYear,
    from: `${validYear}-01-01`,
    to: `${validYear}-12-31`,
  };
}

/**
 * Keeps the chosen region in the address, so a reload, a bookmark or a shared link opens the same screen;
 * `push` makes it a step the browser's back button returns from (drill-down).
 */
export function rememberRegion(code: string, push = false): void {
  const url = new URL(window.location.href);
  url.searchParams.set('region', code);
  if (push) history.pushState(null, '', url.toString());
  else history.replaceState(null, '', url.toString());
}

/** Keeps the map's figure in the address too. */
export function rememberFigure(key: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('figure', key);
  history.replaceState(null, '', url.toString());
}
