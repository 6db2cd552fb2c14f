/** Display formatting only: every number shown is the graph's; this decides digits and units. */
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const NOT_AVAILABLE = '—';

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_AVAILABLE : integer.format(value);
}

export function oneDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_AVAILABLE : decimal.format(value);
}

/** A share the graph gives as a fraction (0.954) shown as a percentage (95.4%). */
export function share(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_AVAILABLE : `${decimal.format(value * 100)}%`;
}

/** A figure the graph already gives in percent (95.4) shown with its sign. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_AVAILABLE : `${decimal.format(value)}%`;
}

export function clock(date: Date): string {
  return date.toLocaleTimeString('zh-CN', { hour12: false });
}

/** A delivery time (ISO from the graph) as a leader reads it: 12月4日 08:00, China time. */
export function deliveredAt(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
