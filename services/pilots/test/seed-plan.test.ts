import { COUNTY_DEPARTMENTS, DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
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

  it('spreads pilots over the counties, the default one carrying its share and the named pilots', () => {
    const inCounty = (code: string) => countWhere(carried, (p) => (p.region_codes as string[])[0] === code);
    const shares = ['990722', '990723', '990724'].map(inCounty);
    expect(shares.reduce((a, b) => a + b)).toBe(192);
    for (const share of shares) expect(share).toBeGreaterThanOrEqual(60);
    const named = carried.filter((p) => PILOT_KINDS.slice(0, 5).some((k) => k.name === p.name));
    expect(named).toHaveLength(5);
    expect(named.every((p) => (p.region_codes as string[])[0] === DEMO_COUNTY_CODE)).toBe(true);
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
