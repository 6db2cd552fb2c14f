import { PersonRole } from '@county/domain';
import type { DepartmentEntry, InstitutionEntry } from './catalogue';
import type { TownshipKind } from './regions';

/*
 * Who works where. A roster is a list of slots; each slot yields `count` people, the i-th of whom holds
 * `positions[i]` (the last position repeats). The first slot is always the organisation's head, so the
 * person with index 0 (`person:<org key>:0`) is the head.
 */

export interface RosterSlot {
  positions: readonly string[];
  roles: readonly PersonRole[];
  /** A fixed count or an inclusive range. */
  count: number | readonly [number, number];
  /** Probability that a person in this slot is a woman. */
  female: number;
  /** Inclusive range of birth years, within 1960–2000. */
  born: readonly [number, number];
}

export type Roster = readonly RosterSlot[];

const { CADRE, COUNTY_LEADER, COMMUNITY_WORKER, GRID_WORKER, MEDIATOR, PROXY_AGENT, VILLAGE_CADRE } =
  PersonRole;

const LEADER_BORN = [1964, 1982] as const;
const ANY_BORN = [1962, 2000] as const;

function slot(
  positions: string | readonly string[],
  roles: readonly PersonRole[],
  count: RosterSlot['count'] = 1,
  female = 0.4,
  born: RosterSlot['born'] = ANY_BORN,
): RosterSlot {
  return { positions: typeof positions === 'string' ? [positions] : positions, roles, count, female, born };
}

const leader = (title: string, roles: readonly PersonRole[] = [CADRE]) =>
  slot(title, roles, 1, 0.2, LEADER_BORN);

const DEPARTMENT_STAFF = [
  '办公室主任',
  '科长',
  '科长',
  '副科长',
  '一级主任科员',
  '四级主任科员',
  '一级科员',
  '科员',
];
const OFFICE_HEADS = ['党政办公室主任', '经济发展办公室主任', '社会事务办公室主任', '综治中心主任'];
const SUBDISTRICT_CADRES = [
  '街道党工委副书记',
  '街道办事处副主任',
  '街道办事处副主任',
  '街道人大工委主任',
  '街道纪工委书记',
  '街道党工委组织委员',
  ...OFFICE_HEADS,
];
const INSTITUTION_STAFF = ['办公室主任', '科长', '科长', '副科长', '专业技术人员', '工作人员'];

export const countyPartyCommitteeRoster: Roster = [
  slot('县委书记', [CADRE, COUNTY_LEADER], 1, 0.1, [1966, 1978]),
  slot(
    [
      '县委副书记',
      '县委常委、组织部部长',
      '县委常委、宣传部部长',
      '县委常委、政法委书记',
      '县委常委、纪委书记、监委主任',
      '县委常委、统战部部长',
      '县委常委、县委办公室主任',
      '县委常委、人武部政委',
    ],
    [CADRE, COUNTY_LEADER],
    8,
    0.25,
    LEADER_BORN,
  ),
];

export const countyGovernmentRoster: Roster = [
  slot('县委副书记、县长', [CADRE, COUNTY_LEADER], 1, 0.15, [1968, 1980]),
  slot('县委常委、常务副县长', [CADRE, COUNTY_LEADER], 1, 0.2, LEADER_BORN),
  slot('副县长', [CADRE, COUNTY_LEADER], [3, 5], 0.3, LEADER_BORN),
  slot(
    ['副县长、公安局局长', '副县长（挂职）', '县政府党组成员'],
    [CADRE, COUNTY_LEADER],
    3,
    0.2,
    LEADER_BORN,
  ),
];

/**
 * 县人大常委会: its chair and vice-chairs are county leaders too. With the Party committee and the government
 * the default county has 26, the county leaders report 001 assigns to its risk villages (包村联户).
 */
export const countyPeoplesCongressRoster: Roster = [
  slot('县人大常委会主任', [CADRE, COUNTY_LEADER], 1, 0.2, [1962, 1972]),
  slot('县人大常委会副主任', [CADRE, COUNTY_LEADER], 6, 0.3, [1962, 1976]),
];

export function departmentRoster(entry: DepartmentEntry): Roster {
  return [
    leader(entry.leaderTitle),
    slot(entry.deputyTitle, [CADRE], [1, 2], 0.3, [1966, 1988]),
    slot(DEPARTMENT_STAFF, [CADRE], [2, 6]),
  ];
}

export function institutionRoster(entry: InstitutionEntry): Roster {
  return [
    leader(entry.leaderTitle),
    slot(`副${entry.leaderTitle}`, [CADRE], [1, 2], 0.35, [1966, 1988]),
    slot(INSTITUTION_STAFF, [CADRE], [2, 10], 0.5),
  ];
}

export const countyServiceCenterRoster: Roster = [
  leader('政务服务中心主任'),
  slot('政务服务中心副主任', [CADRE], [1, 2], 0.4, [1966, 1988]),
  slot('窗口工作人员', [CADRE], [4, 8], 0.6, [1975, 2000]),
  slot('帮办代办员', [PROXY_AGENT], [2, 4], 0.6, [1970, 2000]),
];

export const countyMediationCenterRoster: Roster = [
  leader('主任', [CADRE, MEDIATOR]),
  slot('专职人民调解员', [MEDIATOR], [3, 6], 0.4, [1960, 1995]),
];

export function townshipGovernmentRoster(kind: TownshipKind): Roster {
  if (kind === 'subdistrict') {
    return [
      leader('街道办事处主任'),
      leader('街道党工委书记'),
      slot(SUBDISTRICT_CADRES, [CADRE], [4, 8], 0.35),
    ];
  }
  const unit = kind === 'town' ? '镇' : '乡';
  return [
    leader(`${unit}长`),
    leader(`${unit}党委书记`),
    slot(
      [
        `${unit}党委副书记`,
        `副${unit}长`,
        `副${unit}长`,
        `${unit}人大主席`,
        `${unit}纪委书记`,
        `${unit}党委组织委员`,
        `${unit}武装部部长`,
        ...OFFICE_HEADS,
      ],
      [CADRE],
      [4, 8],
      0.35,
    ),
  ];
}

export const townshipServiceCenterRoster: Roster = [
  leader('便民服务中心主任'),
  slot('代办员', [PROXY_AGENT], [1, 3], 0.6, [1970, 2000]),
];

export const townshipMediationRoster: Roster = [
  slot('人民调解委员会主任', [MEDIATOR], 1, 0.3, [1962, 1985]),
  slot('专职人民调解员', [MEDIATOR], [0, 1], 0.4, [1960, 1995]),
];

export const villageCommitteeRoster: Roster = [
  slot('村民委员会主任', [VILLAGE_CADRE], 1, 0.2, [1962, 1990]),
  slot('村党支部书记', [VILLAGE_CADRE], 1, 0.15, [1962, 1988]),
  slot('村妇联主席', [VILLAGE_CADRE], 1, 1, [1965, 1998]),
  slot(
    ['村党支部副书记', '村民委员会副主任', '村民委员会委员', '村务监督委员会主任', '村报账员'],
    [VILLAGE_CADRE],
    [2, 5],
    0.35,
  ),
  slot('网格员', [GRID_WORKER], [1, 3], 0.5, [1968, 2000]),
];

export const communityCommitteeRoster: Roster = [
  slot('社区居民委员会主任', [VILLAGE_CADRE], 1, 0.5, [1965, 1990]),
  slot('社区党组织书记', [VILLAGE_CADRE], 1, 0.4, [1965, 1988]),
  slot('社区工作者', [COMMUNITY_WORKER], [3, 8], 0.7, [1975, 2000]),
  slot('网格员', [GRID_WORKER], [1, 3], 0.5, [1968, 2000]),
];

/** A committee's roster with a planned number of grid workers in place of the drawn 1–3. */
export const withGridWorkers = (roster: Roster, count: number): Roster =>
  roster.map((s) => (s.roles.includes(GRID_WORKER) ? { ...s, count } : s));

export const villageMediationRoster: Roster = [slot('人民调解委员会主任', [MEDIATOR], 1, 0.3, [1960, 1990])];
