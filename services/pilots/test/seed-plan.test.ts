import { COUNTY_DEPARTMENTS, DEMO_COUNTY_CODE, DEMO_REPORT_YEAR, generateDemoCity } from '@county/demo-data';
import { DEMO_PILOT_FIGURES } from '@county/pilots';
import { buildDemoPilots } from '../src/seeders/build';
import { PILOT_KINDS } from '../src/seeders/kinds';

/** The demo plan without a database: the city's figures hold for any number of counties. */
describe('the demo pilots of a city of three counties', () => {
  const city = generateDemoCity({ counties: 3 });
  const rows = buildDemoPilots(city);
  const carried = rows.pilots.filter((p) => p.stage !== 'PURSUING');
  const countWhere = (list: Record<string, unknown>[], test: (row: Record<string, unknown>) => boolean) =>
    list.filter(test).length;

  it('keeps the published city figures', () => {
    expect(countWhere(carried, (p) => p.level === 'NATIONAL')).toBe(DEMO_PILOT_FIGURES.carried.NATIONAL);
    expect(countWhere(carried, (p) => p.level === 'PROVINCIAL')).toBe(DEMO_PILOT_FIGURES.carried.PROVINCIAL);
    expect(countWhere(rows.leads, (l) => l.level === 'NATIONAL')).toBe(48);
    expect(countWhere(rows.leads, (l) => l.level === 'PROVINCIAL')).toBe(88);
    expect(countWhere(carried, (p) => p.stage === 'CLOSED' && p.level === 'NATIONAL')).toBe(6);
    expect(countWhere(carried, (p) => p.stage === 'CLOSED' && p.level === 'PROVINCIAL')).toBe(18);
    expect(new Set(rows.evaluations.map((e) => e.pilot_id)).size).toBe(11);
  });

  it('gives the default county its own 18, the other counties and the city itself the rest', () => {
    const inPlace = (code: string) => countWhere(carried, (p) => (p.region_codes as string[])[0] === code);
    const shares = ['990722', '990723', '990724', '990700'].map(inPlace);
    expect(shares.reduce((a, b) => a + b)).toBe(192);
    expect(shares[0]).toBe(18);
    for (const share of shares.slice(1)) expect(share).toBeGreaterThanOrEqual(40);
    const named = carried.filter((p) => PILOT_KINDS.slice(0, 5).some((k) => k.name === p.name));
    expect(named).toHaveLength(5);
    expect(named.every((p) => (p.region_codes as string[])[0] === DEMO_COUNTY_CODE)).toBe(true);
  });

  it('dates the city and the demo county as of the report year: approvals by then, the clean-up in it', () => {
    const year = (day: unknown) => Number(String(day).slice(0, 4));
    expect(carried.every((p) => year(p.approved_on) <= DEMO_REPORT_YEAR)).toBe(true);
    const closed = carried.filter((p) => p.stage === 'CLOSED');
    expect(closed.every((p) => year(p.closed_on) === DEMO_REPORT_YEAR)).toBe(true);
    const county = carried.filter((p) => (p.region_codes as string[])[0] === DEMO_COUNTY_CODE);
    const fresh = county.filter((p) => year(p.approved_on) === DEMO_REPORT_YEAR);
    expect(countWhere(fresh, (p) => p.level === 'NATIONAL')).toBe(1);
    expect(countWhere(fresh, (p) => p.level === 'PROVINCIAL')).toBe(6);
    expect(county.every((p) => p.stage !== 'CLOSED' && p.level !== 'MUNICIPAL')).toBe(true);
    const issued = rows.leads.map((l) => year(l.issued_on));
    expect(Math.min(...issued)).toBe(2017);
    expect(Math.max(...issued)).toBe(DEMO_REPORT_YEAR);
  });

  it('refers only to organisations, people and regions of the demo directory', () => {
    const organizations = new Set(city.organizations.map((o) => o.id));
    const leaders = new Set(
      city.people.filter((p) => p.roles.includes('COUNTY_LEADER' as never)).map((p) => p.id),
    );
    const regions = new Set(city.regions.map((r) => r.code));
    for (const pilot of rows.pilots) {
      expect(organizations).toContain(pilot.lead_organization_id);
      for (const id of pilot.participating_organization_ids as string[]) expect(organizations).toContain(id);
      expect(leaders).toContain(pilot.leader_id);
      for (const code of pilot.region_codes as string[]) expect(regions).toContain(code);
    }
    for (const lead of rows.leads) expect(organizations).toContain(lead.organization_id);
    const keys = new Set(COUNTY_DEPARTMENTS.map((d) => d.key));
    for (const kind of PILOT_KINDS) for (const key of kind.departments) expect(keys).toContain(key);
  });

  it('is deterministic, and adding counties changes nothing in the city totals', () => {
    expect(buildDemoPilots(generateDemoCity({ counties: 3 }))).toEqual(rows);
    const one = buildDemoPilots(generateDemoCity({ counties: 1 }));
    expect(one.pilots).toHaveLength(rows.pilots.length);
    expect(one.evaluations.map((e) => e.questionnaires_issued)).toEqual(
      rows.evaluations.map((e) => e.questionnaires_issued),
    );
  });

  it('dates every won lead before the approval of the pilot that came from it', () => {
    const leads = new Map(rows.leads.map((l) => [l.id, l]));
    const fromLeads = rows.pilots.filter((p) => p.lead_id && p.stage !== 'PURSUING');
    expect(fromLeads.length).toBe(36);
    for (const pilot of fromLeads) {
      const lead = leads.get(pilot.lead_id)!;
      expect(lead.status).toBe('WON');
      expect(String(lead.issued_on) < String(pilot.approved_on)).toBe(true);
    }
  });
});
