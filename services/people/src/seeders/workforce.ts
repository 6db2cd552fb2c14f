import {
  DEFAULT_DEMO_SEED,
  demoOrganizationId,
  demoRecordId,
  organizationNaturalKey,
  personName,
  Random,
  WeightedPool,
  type DemoCity,
  type DemoOrganization,
  type DemoPerson,
} from '@county/demo-data';
import { Gender, OrganizationType, PersonRole, RegionLevel } from '@county/domain';
import {
  AssessmentGrade,
  CadreRank,
  CommunityPostType,
  Education,
  Placement,
  Recommender,
  SecondmentFront,
  TrainingAudience,
} from '../workforce/vocabulary';
import { educationCredit, POST_LEVELS } from '../community-worker/career';

/*
 * The workforce records of the demo city, derived from its directory. Volumes follow published-figures.md
 * for the default county (scaled by its village cadres for the others): 1769 departing village cadres each
 * with a placement plan, 462 village secretaries and 148 new village cadres trained (001); community
 * workers on the three posts and eighteen levels within quotas; young cadres seconded with second
 * assessments (000). Dates are fixed: the village 换届 of spring 2026.
 */

/** 001: 1769 departing cadres, 462 secretaries and 148 new cadres trained, against 2239 serving village cadres. */
const DEPARTING_PER_VILLAGE_CADRE = 1769 / 2239;
const NEW_CADRES_PER_VILLAGE_CADRE = 148 / 2239;
/** 001 trains 462 village secretaries; the demo county has 346 villages, so reserve (deputy) secretaries fill the class. */
const SECRETARY_CLASS_PER_SECRETARY = 462 / 346;
const TERM_START = '2026-04-01';
const TERM_END = '2031-03-31';
const LEFT_ON = '2026-03-31';
const ASSESSMENT_YEARS = [2024, 2025];
const SECONDMENT_COHORTS = [
  { startsOn: '2024-03-01', endsOn: '2025-02-28', ended: true },
  { startsOn: '2025-09-01', endsOn: '2027-08-31', ended: false },
];
const YOUNG_BORN_FROM = '1985-01-01';
const SECONDEES_PER_COUNTY = 24;
const SENIORITY_ON = Date.UTC(2026, 0, 1);
const YEAR_MS = 365.25 * 86_400_000;

export type Row = Record<string, unknown>;
export interface WorkforceRows {
  cadre: Row[];
  post: Row[];
  village_cadre_term: Row[];
  departing_cadre: Row[];
  secondment: Row[];
  community_worker: Row[];
  community_quota: Row[];
  assessment: Row[];
  training_course: Row[];
  training_attendance: Row[];
}

const PLACEMENTS = new WeightedPool<Placement>([
  [Placement.PUBLIC_WELFARE_POST, 25],
  [Placement.COLLECTIVE_ECONOMY, 20],
  [Placement.BUSINESS_SUPPORT, 15],
  [Placement.RESERVE_TALENT, 10],
  [Placement.RETIREMENT_ALLOWANCE, 30],
]);
const PLACEMENT_NOTES: Record<Placement, string> = {
  [Placement.PUBLIC_WELFARE_POST]: '安排村级公益性岗位，落实岗位补贴',
  [Placement.COLLECTIVE_ECONOMY]: '推荐到村集体经济组织、合作社任职',
  [Placement.BUSINESS_SUPPORT]: '提供创业担保贷款和技术指导',
  [Placement.RESERVE_TALENT]: '纳入村级后备力量，继续发挥作用',
  [Placement.RETIREMENT_ALLOWANCE]: '按任职年限发放离任补贴，落实养老保险',
};
const DEPARTING_POSITIONS = [
  '村党支部副书记',
  '村民委员会副主任',
  '村民委员会委员',
  '村务监督委员会委员',
  '村报账员',
];
const GRADES = new WeightedPool<AssessmentGrade>([
  [AssessmentGrade.EXCELLENT, 15],
  [AssessmentGrade.COMPETENT, 75],
  [AssessmentGrade.BASICALLY_COMPETENT, 8],
  [AssessmentGrade.INCOMPETENT, 2],
]);
const SCORES: Record<AssessmentGrade, [number, number]> = {
  [AssessmentGrade.EXCELLENT]: [90, 99],
  [AssessmentGrade.COMPETENT]: [75, 91],
  [AssessmentGrade.BASICALLY_COMPETENT]: [60, 76],
  [AssessmentGrade.INCOMPETENT]: [40, 60],
};
const EDUCATION = new WeightedPool<Education>([
  [Education.HIGH_SCHOOL, 10],
  [Education.ASSOCIATE, 35],
  [Education.BACHELOR, 45],
  [Education.MASTER, 9],
  [Education.DOCTORATE, 1],
]);

const isSecretary = (p: DemoPerson) => p.position === '村党支部书记' || p.position === '社区党组织书记';
const has = (p: DemoPerson, role: PersonRole) => p.roles.includes(role);

/** Picks `count` items at random, in their original order (deterministic for a given stream). */
function sample<T>(random: Random, items: T[], count: number): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: random.next() }));
  keyed.sort((a, b) => a.key - b.key);
  return keyed
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((k) => k.item);
}

function shiftDate(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

function rankOf(person: DemoPerson, organization: DemoOrganization): CadreRank {
  if (has(person, PersonRole.COUNTY_LEADER)) {
    return person.position === '县委书记' ||
      (person.position.endsWith('县长') && !person.position.includes('副县长'))
      ? CadreRank.COUNTY_PRINCIPAL
      : CadreRank.COUNTY_DEPUTY;
  }
  if (organization.leaderId === person.id || /党(工)?委书记$/.test(person.position))
    return CadreRank.SECTION_PRINCIPAL;
  if (person.position.includes('副')) return CadreRank.SECTION_DEPUTY;
  return CadreRank.STAFF;
}

/** The workforce rows of one county of the city. */
function countyWorkforce(city: DemoCity, countyCode: string, seed: string, rows: WorkforceRows): void {
  const random = new Random(`${seed}|workforce|${countyCode}`);
  const organizations = new Map(city.organizations.map((o) => [o.id, o]));
  const inCounty = (o: DemoOrganization) => o.regionCode.startsWith(countyCode);
  const people = city.people.filter((p) => inCounty(organizations.get(p.organizationId)!));
  const orgOf = (p: DemoPerson) => organizations.get(p.organizationId)!;
  const countyOrg = (shortKey: string) => demoOrganizationId(organizationNaturalKey(countyCode, shortKey));
  const townshipGovernments = city.organizations.filter(
    (o) => o.type === OrganizationType.TOWNSHIP_GOVERNMENT && inCounty(o),
  );
  const departments = city.organizations.filter(
    (o) =>
      (o.type === OrganizationType.GOVERNMENT_DEPARTMENT || o.type === OrganizationType.PARTY_DEPARTMENT) &&
      o.regionCode === countyCode,
  );

  // 干部档案 and 任职: every cadre, with the current post and, for some, the one before
  for (const person of people.filter((p) => has(p, PersonRole.CADRE))) {
    const organization = orgOf(person);
    rows.cadre.push({
      id: demoRecordId(`cadre:${person.id}`),
      person_id: person.id,
      rank: rankOf(person, organization),
      county_leader: has(person, PersonRole.COUNTY_LEADER),
      version: 1,
    });
    const startedOn = `${random.int(2016, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
    rows.post.push({
      id: demoRecordId(`post:${person.id}:current`),
      person_id: person.id,
      organization_id: person.organizationId,
      position: person.position,
      started_on: startedOn,
      ended_on: null,
    });
    if (random.chance(0.4)) {
      const before = random.pick(departments);
      rows.post.push({
        id: demoRecordId(`post:${person.id}:before`),
        person_id: person.id,
        organization_id: before.id,
        position: '科员',
        started_on: shiftDate(startedOn, -random.int(3, 8)),
        ended_on: shiftDate(startedOn, 0),
      });
    }
  }

  // 换届: every serving village cadre's term; some first elected now
  const villageCadres = people.filter((p) => has(p, PersonRole.VILLAGE_CADRE));
  const newcomers = new Set(
    sample(
      random,
      villageCadres.filter((p) => !isSecretary(p)),
      Math.round(villageCadres.length * NEW_CADRES_PER_VILLAGE_CADRE),
    ),
  );
  for (const person of villageCadres) {
    rows.village_cadre_term.push({
      id: demoRecordId(`term:${person.id}:${TERM_START}`),
      person_id: person.id,
      organization_id: person.organizationId,
      position: person.position,
      term_start: TERM_START,
      term_end: TERM_END,
      newly_elected: newcomers.has(person),
    });
  }

  // 一人一策: the cadres who left at the 换届, spread over the villages, each with a placement plan
  const committees = city.organizations.filter(
    (o) =>
      inCounty(o) &&
      (o.type === OrganizationType.VILLAGE_COMMITTEE || o.type === OrganizationType.COMMUNITY_COMMITTEE),
  );
  const departing = Math.round(villageCadres.length * DEPARTING_PER_VILLAGE_CADRE);
  for (let i = 0; i < departing; i++) {
    const committee = committees[i % committees.length];
    const gender = random.chance(0.3) ? Gender.FEMALE : Gender.MALE;
    const placement = PLACEMENTS.pick(random);
    rows.departing_cadre.push({
      id: demoRecordId(`departing:${committee.id}:${i}`),
      name: personName(random, gender),
      gender,
      organization_id: committee.id,
      position: random.pick(DEPARTING_POSITIONS),
      left_on: LEFT_ON,
      placement,
      placement_note: PLACEMENT_NOTES[placement],
      responsible_organization_id: committee.parentId,
      version: 1,
    });
  }

  // 三岗十八级: heads, deputies and other workers of every community, levels spread over each range
  const next: Record<CommunityPostType, number> = { HEAD: 0, DEPUTY: 0, OTHER: 0 };
  const allRoundCourse = demoRecordId(`course:${countyCode}:community-workers`);
  for (const community of committees.filter((o) => o.type === OrganizationType.COMMUNITY_COMMITTEE)) {
    const staff = people.filter(
      (p) =>
        p.organizationId === community.id &&
        (has(p, PersonRole.VILLAGE_CADRE) || has(p, PersonRole.COMMUNITY_WORKER)),
    );
    let deputies = 0;
    for (const person of staff) {
      const postType = has(person, PersonRole.VILLAGE_CADRE)
        ? CommunityPostType.HEAD
        : deputies++ < 2
          ? CommunityPostType.DEPUTY
          : CommunityPostType.OTHER;
      const { min, max } = POST_LEVELS[postType];
      const span = max - min + 1;
      // heads count down from the top level, the others up from the bottom: together all eighteen
      const step = next[postType]++ % span;
      const level = postType === CommunityPostType.HEAD ? max - step : min + step;
      const education = EDUCATION.pick(random);
      const years = Math.max(0, (level - min) * 3 - educationCredit(education) + random.int(0, 2));
      const adult = Date.parse(`${shiftDate(person.birthDate, 20)}T00:00:00Z`);
      const hired = Math.max(adult, SENIORITY_ON - years * YEAR_MS);
      const certified = random.chance(0.6);
      rows.community_worker.push({
        id: demoRecordId(`community-worker:${person.id}`),
        person_id: person.id,
        organization_id: community.id,
        post_type: postType,
        level,
        hired_on: new Date(hired).toISOString().slice(0, 10),
        education,
        all_round_certified: certified,
        version: 1,
      });
      rows.training_attendance.push({
        id: demoRecordId(`attendance:${allRoundCourse}:${person.id}`),
        course_id: allRoundCourse,
        person_id: person.id,
        hours: certified ? 32 : random.int(16, 31),
      });
    }
    rows.community_quota.push({
      id: demoRecordId(`quota:${community.id}`),
      organization_id: community.id,
      quota: staff.length + random.int(1, 3),
      version: 1,
    });
  }

  // 挂职: young cadres of the county's departments and institutions, two cohorts
  const young = people.filter(
    (p) =>
      has(p, PersonRole.CADRE) &&
      !has(p, PersonRole.COUNTY_LEADER) &&
      p.birthDate >= YOUNG_BORN_FROM &&
      orgOf(p).regionCode === countyCode,
  );
  for (const [i, person] of sample(random, young, SECONDEES_PER_COUNTY).entries()) {
    const cohort = SECONDMENT_COHORTS[i % SECONDMENT_COHORTS.length];
    const front = random.pick(Object.values(SecondmentFront));
    const target =
      front === SecondmentFront.MAJOR_PROJECT
        ? countyOrg('dept:development-reform')
        : front === SecondmentFront.KEY_WORK
          ? countyOrg('dept:petitions')
          : random.pick(townshipGovernments).id;
    const to = target === person.organizationId ? random.pick(townshipGovernments).id : target;
    const grade = cohort.ended ? GRADES.pick(random) : null;
    rows.secondment.push({
      id: demoRecordId(`secondment:${person.id}:${cohort.startsOn}`),
      person_id: person.id,
      from_organization_id: person.organizationId,
      to_organization_id: to,
      front: to === target ? front : SecondmentFront.TOWNSHIP,
      recommended_by: random.pick(Object.values(Recommender)),
      starts_on: cohort.startsOn,
      ends_on: cohort.endsOn,
      second_assessment_grade: grade,
      second_assessment_score: grade ? random.int(...SCORES[grade]) : null,
      version: 1,
    });
  }

  // 年度考核: cadres, village cadres and community workers, each year
  const assessed = people.filter(
    (p) =>
      has(p, PersonRole.CADRE) || has(p, PersonRole.VILLAGE_CADRE) || has(p, PersonRole.COMMUNITY_WORKER),
  );
  for (const year of ASSESSMENT_YEARS) {
    for (const person of assessed) {
      const grade = GRADES.pick(random);
      rows.assessment.push({
        id: demoRecordId(`assessment:${person.id}:${year}`),
        person_id: person.id,
        year,
        qualitative_score: random.int(...SCORES[grade]),
        quantitative_score: random.int(...SCORES[grade]),
        grade,
        version: 1,
      });
    }
  }

  // 培训: the secretaries' class (with reserve secretaries), the new cadres' class, the all-round class
  const organizationDepartment = countyOrg('dept:organization');
  const civilAffairs = countyOrg('dept:civil-affairs');
  const secretaries = villageCadres.filter(isSecretary);
  const reserves = villageCadres.filter((p) => p.position === '村党支部副书记');
  const secretaryClass = [
    ...secretaries,
    ...reserves.slice(0, Math.round(secretaries.length * SECRETARY_CLASS_PER_SECRETARY) - secretaries.length),
  ];
  const courses = [
    {
      key: 'village-secretaries',
      title: '村（社区）党组织书记及后备力量轮训班',
      organizer: organizationDepartment,
      audience: TrainingAudience.VILLAGE_SECRETARIES,
      startsOn: '2026-05-11',
      endsOn: '2026-05-15',
      hours: 40,
      attendees: secretaryClass,
    },
    {
      key: 'new-village-cadres',
      title: '新任村干部履职能力培训班',
      organizer: organizationDepartment,
      audience: TrainingAudience.NEW_VILLAGE_CADRES,
      startsOn: '2026-06-08',
      endsOn: '2026-06-10',
      hours: 24,
      attendees: [...newcomers],
    },
    {
      key: 'community-workers',
      title: '社区工作者“全科社工”能力提升培训班',
      organizer: civilAffairs,
      audience: TrainingAudience.COMMUNITY_WORKERS,
      startsOn: '2026-07-06',
      endsOn: '2026-07-09',
      hours: 32,
      attendees: [], // recorded with the community workers above, who earn the certification in it
    },
  ];
  for (const course of courses) {
    const id = demoRecordId(`course:${countyCode}:${course.key}`);
    rows.training_course.push({
      id,
      title: course.title,
      organizer_id: course.organizer,
      audience: course.audience,
      starts_on: course.startsOn,
      ends_on: course.endsOn,
      hours: course.hours,
    });
    for (const person of course.attendees) {
      rows.training_attendance.push({
        id: demoRecordId(`attendance:${id}:${person.id}`),
        course_id: id,
        person_id: person.id,
        hours: random.chance(0.9) ? course.hours : random.int(course.hours / 2, course.hours - 1),
      });
    }
  }
}

/** Every county's workforce rows, deterministic for the city's seed. */
export function demoWorkforce(city: DemoCity, seed = DEFAULT_DEMO_SEED): WorkforceRows {
  const rows: WorkforceRows = {
    cadre: [],
    post: [],
    village_cadre_term: [],
    departing_cadre: [],
    secondment: [],
    community_worker: [],
    community_quota: [],
    assessment: [],
    training_course: [],
    training_attendance: [],
  };
  for (const county of city.regions.filter((r) => r.level === RegionLevel.COUNTY)) {
    countyWorkforce(city, county.code, seed, rows);
  }
  return rows;
}
