import { createHash } from 'node:crypto';
import { RegionLevel } from '@county/domain';
import {
  DEMO_REPORT_YEAR,
  demoOrganizationId,
  organizationNaturalKey,
  type DemoCity,
} from '@county/demo-data';
import { LeadStatus, PilotLevel, PilotStage, PromotionKind } from '../vocabulary';
import { OUTCOME_LABEL } from '../export/labels';
import { DEMO_COUNTY_PILOTS, DEMO_LEAD_OUTCOMES, DEMO_PILOT_FIGURES } from './figures';
import { PILOT_KINDS, type PilotKind } from './kinds';
import { addYears, carriedSlots, dayOf, quarterBefore, type PilotSlot } from './plan';

type Row = Record<string, unknown>;

export interface DemoPilotRows {
  leads: Row[];
  pilots: Row[];
  evaluations: Row[];
  promotions: Row[];
  ledger: Row[];
}

/** A stable UUID (v5 layout) for a demo row's natural key: the same rows on every machine. */
function demoId(key: string): string {
  const hex = createHash('sha1').update(`county-pilots|${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Where pilots run, a county or the city itself: its departments, its leaders, its townships. */
export interface Place {
  code: string;
  name: string;
  department: (key: string) => string;
  headOf: (organizationId: string) => string;
  leaders: string[];
  townships: string[];
}

export function countiesOf(city: DemoCity): Place[] {
  const heads = new Map(city.organizations.map((o) => [o.id, o.leaderId]));
  const names = new Map(city.people.map((p) => [p.id, p.name]));
  const regionOf = new Map(city.organizations.map((o) => [o.id, o.regionCode]));
  return city.regions
    .filter((region) => region.level === RegionLevel.COUNTY)
    .map((region) => ({
      code: region.code,
      name: region.name,
      department: (key) => demoOrganizationId(organizationNaturalKey(region.code, `dept:${key}`)),
      headOf: (id) => names.get(heads.get(id) ?? '') ?? '办公室',
      leaders: city.people
        .filter(
          (p) => p.roles.includes('COUNTY_LEADER' as never) && regionOf.get(p.organizationId) === region.code,
        )
        .map((p) => p.id),
      townships: city.regions.filter((r) => r.parentCode === region.code).map((r) => r.code),
    }));
}

/**
 * The city's own pilots (全市): the demo directory plans no city departments, so the default county's
 * department of the same function and its leaders stand in as the ones carrying them out.
 */
function cityOf(city: DemoCity, counties: Place[]): Place {
  const region = city.regions.find((r) => r.code === city.cityCode)!;
  return { ...counties[0], code: region.code, name: region.name, townships: [] };
}

/** Donghai's named pilots (seed 000), with the dates the report gives; they run in the default county. */
const NAMED: {
  kind: number;
  level: PilotSlot['level'];
  approvedOn: string;
  stage: PilotStage;
  acceptedOn?: string;
}[] = [
  {
    kind: 0,
    level: PilotLevel.NATIONAL,
    approvedOn: '2015-12-27',
    stage: PilotStage.PROMOTED,
    acceptedOn: '2018-12-20',
  },
  {
    kind: 1,
    level: PilotLevel.NATIONAL,
    approvedOn: '2016-05-20',
    stage: PilotStage.PROMOTED,
    acceptedOn: '2019-06-28',
  },
  {
    kind: 2,
    level: PilotLevel.NATIONAL,
    approvedOn: '2017-06-15',
    stage: PilotStage.ACCEPTED,
    acceptedOn: '2019-11-07',
  },
  {
    kind: 3,
    level: PilotLevel.NATIONAL,
    approvedOn: '2013-01-29',
    stage: PilotStage.ACCEPTED,
    acceptedOn: '2019-01-18',
  },
  { kind: 4, level: PilotLevel.PROVINCIAL, approvedOn: '2018-03-10', stage: PilotStage.IN_PROGRESS },
];

export interface PlannedPilot extends PilotSlot {
  index: number;
  /** One of Donghai's named pilots: it keeps its plain name. */
  named: boolean;
  kind: PilotKind;
  place: Place;
  acceptedOn: string | null;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The slots the default county carries (DEMO_COUNTY_PILOTS): its named pilots, those new in the report
 * year, then the most recent older ones until its share is full; none closed.
 */
function defaultCountySlots(slots: PilotSlot[], named: Set<number>): Set<number> {
  const chosen = new Set(named);
  for (const level of [PilotLevel.NATIONAL, PilotLevel.PROVINCIAL] as const) {
    const share = DEMO_COUNTY_PILOTS[level];
    const free = slots
      .map((slot, i) => ({ slot, i }))
      .filter(({ slot, i }) => slot.level === level && slot.stage !== PilotStage.CLOSED && !chosen.has(i));
    const fresh = free.filter(({ slot }) => yearOf(slot.approvedOn) === DEMO_REPORT_YEAR);
    const older = free.filter(({ slot }) => yearOf(slot.approvedOn) < DEMO_REPORT_YEAR).reverse();
    const namedHere = [...named].filter((i) => slots[i].level === level).length;
    const picked = [
      ...fresh.slice(0, share.newInReportYear),
      ...older.slice(0, share.carried - share.newInReportYear - namedHere),
    ];
    for (const { i } of picked) chosen.add(i);
  }
  return chosen;
}

/**
 * Gives each slot a kind and a place: the named pilots take a slot of their level and year in the default
 * county, which carries its own share; of the rest, with more counties, every other one runs in one of
 * them, and the others are the city's own.
 */
function placePilots(counties: Place[], city: Place): PlannedPilot[] {
  const slots = carriedSlots();
  const named = new Map<number, (typeof NAMED)[number]>();
  for (const pilot of NAMED) {
    const index = slots.findIndex(
      (slot, i) =>
        !named.has(i) &&
        slot.level === pilot.level &&
        slot.approvedOn.slice(0, 4) === pilot.approvedOn.slice(0, 4) &&
        slot.stage !== PilotStage.CLOSED,
    );
    if (index < 0)
      throw new Error(`no ${pilot.level} slot in ${pilot.approvedOn.slice(0, 4)} for a named pilot`);
    named.set(index, pilot);
  }
  const inDefaultCounty = defaultCountySlots(slots, new Set(named.keys()));
  const others = counties.slice(1);
  let rest = 0;
  const placeOf = (index: number): Place => {
    if (inDefaultCounty.has(index)) return counties[0];
    const j = rest++;
    return others.length && j % 2 === 1 ? others[((j - 1) / 2) % others.length] : city;
  };
  return slots.map((slot, index) => {
    const fixed = named.get(index);
    const acceptedStage = [PilotStage.ACCEPTED, PilotStage.PROMOTED, PilotStage.CLOSED].includes(slot.stage);
    return {
      index,
      named: Boolean(fixed),
      level: slot.level,
      approvedOn: fixed?.approvedOn ?? slot.approvedOn,
      stage: fixed?.stage ?? slot.stage,
      kind: PILOT_KINDS[fixed ? fixed.kind : 5 + (index % (PILOT_KINDS.length - 5))],
      place: placeOf(index),
      acceptedOn: fixed ? (fixed.acceptedOn ?? null) : acceptedStage ? addYears(slot.approvedOn, 3) : null,
    };
  });
}

const bodyOf = (kind: PilotKind, level: PilotLevel) =>
  level === PilotLevel.NATIONAL ? kind.nationalBody : kind.provincialBody;

export function pilotRow(p: PlannedPilot, name: string, leadId: string | null): Row {
  const carried = p.stage !== PilotStage.PURSUING;
  const open = p.stage === PilotStage.APPROVED || p.stage === PilotStage.IN_PROGRESS;
  const approvedYear = Number(p.approvedOn.slice(0, 4));
  // a few pilots are past their deadline, and a few run without their approval document (清理规范)
  const deadline = !open
    ? addYears(p.approvedOn, 3)
    : p.index % 11 === 3
      ? '2025-12-31'
      : `${Math.max(approvedYear + 3, 2027 + (p.index % 4))}-12-31`;
  const flagged = p.stage === PilotStage.IN_PROGRESS && p.index % 17 === 0;
  const body = bodyOf(p.kind, p.level);
  const [lead, ...participants] = p.kind.departments;
  return {
    id: demoId(`pilot:${p.index}`),
    name,
    level: p.level,
    field: p.kind.field,
    stage: p.stage,
    approving_body: carried ? body : null,
    approval_document_number:
      carried && !flagged ? `${body}〔${approvedYear}〕${10 + (p.index % 90)}号` : null,
    approved_on: carried ? p.approvedOn : null,
    lead_organization_id: p.place.department(lead),
    participating_organization_ids: participants.map(p.place.department),
    leader_id: p.place.leaders[p.index % p.place.leaders.length],
    region_codes:
      p.index % 3 === 0 && p.place.townships.length
        ? [p.place.code, p.place.townships[p.index % p.place.townships.length]]
        : [p.place.code],
    starts_on: carried && p.stage !== PilotStage.APPROVED ? p.approvedOn : null,
    deadline,
    target: `按期完成${p.kind.name}各项任务，形成${OUTCOME_LABEL[p.kind.outcome]}`,
    outcome_form: p.kind.outcome,
    lead_id: leadId,
    accepted_on: p.acceptedOn,
    accepting_body: p.acceptedOn ? body : null,
    // closed in the clean-up (清理规范) of the report year
    closed_on: p.stage === PilotStage.CLOSED ? dayOf(DEMO_REPORT_YEAR, p.index) : null,
    version: 1,
  };
}

export function leadRow(
  key: string,
  kind: PilotKind,
  level: PilotLevel,
  place: Place,
  issuedOn: string,
  status: LeadStatus,
) {
  const organizationId = place.department(kind.departments[0]);
  return {
    id: demoId(`lead:${key}`),
    name: kind.name,
    level,
    planned_by: bodyOf(kind, level),
    organization_id: organizationId,
    region_code: place.code,
    issued_on: issuedOn,
    status,
    version: 1,
  };
}

const QUARTER_MONTHS = ['01', '04', '07', '10'];

/**
 * The demo city's pilots, leads, evaluations, promotion records and ledgers, as rows. The city-wide
 * figures are those of DEMO_PILOT_FIGURES whatever the number of counties; the default county
 * carries its own (DEMO_COUNTY_PILOTS) with Donghai's named pilots. Leads are issued quarterly from
 * 2017 to the report year.
 */
export function buildDemoPilots(city: DemoCity): DemoPilotRows {
  const counties = countiesOf(city);
  const cityPlace = cityOf(city, counties);
  const places = [cityPlace, ...counties];
  const planned = placePilots(counties, cityPlace);
  const rows: DemoPilotRows = { leads: [], pilots: [], evaluations: [], promotions: [], ledger: [] };
  const seenNames = new Map<string, number>();
  const nameOf = (kind: PilotKind, place: Place, plain: boolean) => {
    const base = plain ? kind.name : `${place.name}${kind.name}`;
    const n = (seenNames.get(base) ?? 0) + 1;
    seenNames.set(base, n);
    return n === 1 ? base : `${base}（第${n}批）`;
  };

  for (const level of [PilotLevel.NATIONAL, PilotLevel.PROVINCIAL] as const) {
    const outcomes = DEMO_LEAD_OUTCOMES[level];
    const recent = planned.filter((p) => p.level === level && p.approvedOn >= '2017');
    // won leads: the first recent pilots of the level came from a lead issued the quarter before
    const won = new Map(
      recent.slice(0, outcomes.won).map((p) => {
        const lead = leadRow(
          `won:${p.index}`,
          p.kind,
          level,
          p.place,
          quarterBefore(p.approvedOn),
          LeadStatus.WON,
        );
        rows.leads.push(lead);
        return [p.index, lead.id] as const;
      }),
    );
    for (const p of planned.filter((pilot) => pilot.level === level)) {
      rows.pilots.push(pilotRow(p, nameOf(p.kind, p.place, p.named), won.get(p.index) ?? null));
    }
    const others = DEMO_PILOT_FIGURES.leads[level] - outcomes.won;
    for (let j = 0; j < others; j++) {
      const kind = PILOT_KINDS[(j * 7 + (level === PilotLevel.NATIONAL ? 0 : 3)) % PILOT_KINDS.length];
      const place = places[j % places.length];
      const key = `${level}:${j}`;
      if (j < outcomes.pursuing) {
        const issuedOn = `${DEMO_REPORT_YEAR}-${QUARTER_MONTHS[1 + (j % 2)]}-15`;
        const lead = leadRow(key, kind, level, place, issuedOn, LeadStatus.PURSUING);
        rows.leads.push(lead);
        const pursued: PlannedPilot = {
          index: 1000 + rows.pilots.length,
          named: false,
          level,
          approvedOn: issuedOn,
          stage: PilotStage.PURSUING,
          kind,
          place,
          acceptedOn: null,
        };
        rows.pilots.push({
          ...pilotRow(pursued, nameOf(kind, place, false), lead.id),
          deadline: addYears(issuedOn, 3),
        });
      } else if (j < outcomes.pursuing + outcomes.assigned) {
        const issuedOn = `${DEMO_REPORT_YEAR}-10-15`;
        rows.leads.push(leadRow(key, kind, level, place, issuedOn, LeadStatus.ASSIGNED));
      } else {
        const quarters = (DEMO_REPORT_YEAR - 2016) * 4;
        const q = (j * 5) % quarters;
        const issuedOn = `${2017 + Math.floor(q / 4)}-${QUARTER_MONTHS[q % 4]}-15`;
        rows.leads.push(leadRow(key, kind, level, place, issuedOn, LeadStatus.NOT_WON));
      }
    }
  }
  addEvaluations(planned, rows);
  addPromotions(planned, rows);
  addLedger(planned, rows);
  return rows;
}

/** 11 pilots evaluated in three rounds: 5176 questionnaires, 4937 "very satisfied", scores of 98 and more. */
function addEvaluations(planned: PlannedPilot[], rows: DemoPilotRows): void {
  const { evaluatedPilots: count, questionnaires, verySatisfied } = DEMO_PILOT_FIGURES;
  const eligible = planned.filter(
    (p) =>
      p.approvedOn < '2017' &&
      [PilotStage.IN_PROGRESS, PilotStage.ACCEPTED, PilotStage.PROMOTED].includes(p.stage),
  );
  for (let k = 0; k < count; k++) {
    const p = eligible[Math.floor((k * eligible.length) / count)];
    const issued = Math.floor(questionnaires / count) + (k < questionnaires % count ? 1 : 0);
    const very = Math.floor(verySatisfied / count) + (k < verySatisfied % count ? 1 : 0);
    const rest = issued - very;
    const neutral = 2 + (k % 3);
    const dissatisfied = k % 2;
    const round = [2015, 2017, 2019][k % 3];
    const year = Math.max(round, Number(p.approvedOn.slice(0, 4)) + 1);
    rows.evaluations.push({
      id: demoId(`evaluation:${k}`),
      pilot_id: demoId(`pilot:${p.index}`),
      evaluator: k % 3 === 1 ? '云澜理工大学' : '中共云澜市委党校',
      evaluated_on: `${year}-10-20`,
      questionnaires_issued: issued,
      questionnaires_returned: issued,
      very_satisfied: very,
      satisfied: rest - neutral - dissatisfied,
      neutral,
      dissatisfied,
      very_dissatisfied: 0,
      score: 98 + (k % 5) * 0.3,
    });
  }
}

function addPromotions(planned: PlannedPilot[], rows: DemoPilotRows): void {
  let k = 0;
  const add = (p: PlannedPilot, kind: PromotionKind, happenedOn: string, by: string, description: string) =>
    rows.promotions.push({
      id: demoId(`promotion:${k++}`),
      pilot_id: demoId(`pilot:${p.index}`),
      kind,
      happened_on: happenedOn,
      by,
      description,
    });
  for (const p of planned) {
    if (p.stage === PilotStage.PROMOTED && p.acceptedOn) {
      add(
        p,
        PromotionKind.MEDIA_COVERAGE,
        addYears(p.acceptedOn, 0, 2),
        '《人民日报》',
        `${p.kind.name}经验做法获刊发报道`,
      );
      if (p.index % 2 === 0) {
        add(
          p,
          PromotionKind.ON_SITE_MEETING,
          addYears(p.acceptedOn, 0, 5),
          bodyOf(p.kind, p.level),
          '上级在本地召开试点工作现场会',
        );
      }
    }
    if (p.kind === PILOT_KINDS[2] && p.stage === PilotStage.ACCEPTED && p.acceptedOn === '2019-11-07') {
      add(
        p,
        PromotionKind.MEDIA_COVERAGE,
        '2019-08-20',
        '中央电视台新闻频道《新闻调查》',
        '以《“世界级”出国打工族》为题专题报道',
      );
    }
  }
}

/** Monthly ledgers of the pilots in progress for January–October 2026, with a few months missing. */
export function addLedger(planned: PlannedPilot[], rows: DemoPilotRows): void {
  for (const p of planned.filter((pilot) => pilot.stage === PilotStage.IN_PROGRESS)) {
    const leadOrganization = p.place.department(p.kind.departments[0]);
    for (let m = 1; m <= 10; m++) {
      if ((p.index + m) % 6 === 0) continue;
      const month = `2026-${String(m).padStart(2, '0')}`;
      rows.ledger.push({
        id: demoId(`ledger:${p.index}:${month}`),
        pilot_id: demoId(`pilot:${p.index}`),
        month,
        progress: `按试点方案推进${p.kind.name}，完成本月阶段任务`,
        problems: m % 4 === 0 ? '配套政策衔接有待加强' : null,
        next_steps: '下月继续推进，按时报送台账',
        reported_by: p.place.headOf(leadOrganization),
        reported_at: `${month}-28T09:00:00+08:00`,
      });
    }
  }
}
