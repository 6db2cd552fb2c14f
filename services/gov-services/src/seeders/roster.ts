import { Gender } from '@county/domain';
import { personName, Random } from '@county/demo-data';
import type { DemoCentre } from './centres';
import { demoId } from './catalogue';

const POSTS = ['综合受理', '出件', '咨询导服', '帮办代办', '审批', '后台审核'];

/**
 * A centre's demo windows and staff, deterministic. Each member is backed (B岗) by the next one at the
 * centre, round the roster, except every tenth (a post not yet covered); a one-person room has no backup.
 */
export function demoRoster(centre: DemoCentre): {
  windows: Record<string, unknown>[];
  staff: Record<string, unknown>[];
} {
  const random = new Random(`gov-services|roster|${centre.id}`);
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
  }));
  return { windows, staff };
}
