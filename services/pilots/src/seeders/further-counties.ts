import { DEMO_REPORT_YEAR, type DemoCity } from '@county/demo-data';
import { LeadStatus, PilotLevel, PilotStage } from '../vocabulary';
import { addLedger, countiesOf, leadRow, pilotRow, type DemoPilotRows, type PlannedPilot } from './build';
import { DEMO_COUNTY_PILOTS } from './figures';
import { PILOT_KINDS } from './kinds';
import { addYears, dayOf, quarterBefore } from './plan';

/** Leads each further county pursued in vain (2017 on), beside the won ones behind its recent pilots. */
const LEADS_NOT_WON = 2;

/**
 * The pilots of the counties of the province's further cities (provinceCities): each carries a county's
 * own share as seed 002 publishes it (DEMO_COUNTY_PILOTS: 18 at provincial level or above, 7 new in the
 * report year), of the kinds Zibo reports; its recent pilots came from won leads, and those in progress keep
 * monthly ledgers. One set of rows per county, in code order. The demo city's pilots (the published city
 * figures) are built apart and never include these. Indexes (hence ids) are the county code's: every
 * county's rows are its own, whatever the others.
 */
export function buildFurtherCountyPilots(city: DemoCity): DemoPilotRows[] {
  const counties: DemoPilotRows[] = [];
  const further = new Set(
    city.regions.filter((r) => r.level === 'COUNTY' && r.parentCode !== city.cityCode).map((r) => r.code),
  );
  for (const place of countiesOf(city).filter((county) => further.has(county.code))) {
    const rows: DemoPilotRows = { leads: [], pilots: [], evaluations: [], promotions: [], ledger: [] };
    const base = Number(place.code) * 100;
    const planned: PlannedPilot[] = [];
    for (const level of [PilotLevel.NATIONAL, PilotLevel.PROVINCIAL] as const) {
      const { carried, newInReportYear } = DEMO_COUNTY_PILOTS[level];
      for (let k = 0; k < carried; k++) {
        const index = base + planned.length;
        const fresh = k >= carried - newInReportYear;
        // the older ones approved 2014–2018, oldest first: the oldest accepted, the next in progress
        const approvedOn = fresh
          ? dayOf(DEMO_REPORT_YEAR, index)
          : dayOf(2014 + Math.floor((k * 5) / (carried - newInReportYear)), index);
        const stage = fresh
          ? k === carried - 1
            ? PilotStage.APPROVED
            : PilotStage.IN_PROGRESS
          : k < 2
            ? PilotStage.ACCEPTED
            : PilotStage.IN_PROGRESS;
        planned.push({
          index,
          named: false,
          level,
          approvedOn,
          stage,
          kind: PILOT_KINDS[5 + ((index + k) % (PILOT_KINDS.length - 5))],
          place,
          acceptedOn: stage === PilotStage.ACCEPTED ? addYears(approvedOn, 3) : null,
        });
      }
    }
    const seen = new Map<string, number>();
    for (const p of planned) {
      const name = `${place.name}${p.kind.name}`;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      const won = p.approvedOn >= '2017';
      const lead = won
        ? leadRow(`won:${p.index}`, p.kind, p.level, place, quarterBefore(p.approvedOn), LeadStatus.WON)
        : null;
      if (lead) rows.leads.push(lead);
      rows.pilots.push(pilotRow(p, n === 1 ? name : `${name}（第${n}批）`, lead?.id ?? null));
    }
    for (let j = 0; j < LEADS_NOT_WON; j++) {
      const kind = PILOT_KINDS[5 + ((base + j) % (PILOT_KINDS.length - 5))];
      const issuedOn = `${2017 + j}-07-15`;
      const level = j % 2 ? PilotLevel.NATIONAL : PilotLevel.PROVINCIAL;
      rows.leads.push(leadRow(`${place.code}:${j}`, kind, level, place, issuedOn, LeadStatus.NOT_WON));
    }
    addLedger(planned, rows);
    counties.push(rows);
  }
  return counties;
}
