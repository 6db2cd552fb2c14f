import { Gender } from '@county/domain';
import { personName, Random } from '@county/demo-data';
import type { DemoCentre } from './centres';
import { demoId } from './catalogue';

const POSTS = ['综合受理', '出件', '咨询导服', '帮办代办', '审批', '后台审核'];

const DAY = 86_400_000;

/** A day from `from` to `to` (YYYY-MM-DD, both inclusive). */
function dayBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  return new Date(start + random.int(0, (Date.parse(`${to}T00:00:00Z`) - start) / DAY) * DAY)
    .toISOString()
    .slice(0, 10);
}

/**
 * A centre's demo windows and staff, deterministic. Each member is backed (B岗) by the next one at the
 * centre, round the roster, except every tenth (a post not yet covered); a one-person room has no backup.
 * The first `longServing` joined between 2008 and 2017, the others during 2019; nobody has left.
 */
export function demoRoster(centre: DemoCentre): {
  windows: Record<string, unknown>[];
  staff: Record<string, unknown>[];
} {
  const random = new Random(`gov-services|roster|${centre.id}`);
  // a sequence of its own: the names and phones stay those of the undated roster
  const days = new Random(`gov-services|roster-days|${centre.id}`);
  const windows = Array.from({ length: centre.windows }, (_, i) => ({
    id: demoId(`window:${centre.region_code}:${i}`),
    centre_id: centre.id,
    number: `${String.fromCharCode(65 + Math.floor(i / 99))}${String((i % 99) + 1).padStart(2, '0')}`,
    name: `${POSTS[i % 4]}窗口`,
  }));
  const ids = Array.from({ length: centre.staff }, (_, i) => demoId(`staff:${centre.region_code}:${i}`));
  const staff = ids.map((id, i) => ({
    id,
    centre_id: centre.id,
    window_id: windows.length ? windows[i % windows.length].id : null,
    name: personName(random, random.next() < 0.5 ? Gender.MALE : Gender.FEMALE),
    phone: `13${random.int(5, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    post: POSTS[i % POSTS.length],
    backup_staff_id: ids.length > 1 && i % 10 !== 9 ? ids[(i + 1) % ids.length] : null,
    joined_on:
      i < centre.longServing
        ? dayBetween(days, '2008-01-01', '2017-12-31')
        : dayBetween(days, '2019-01-01', '2019-12-31'),
  }));
  return { windows, staff };
}
