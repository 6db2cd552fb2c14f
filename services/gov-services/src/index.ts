export { govServicesSubgraph, govServicesEntities } from './subgraph';
export { ServiceItem } from './item/item.entity';
export { ServiceCentre } from './centre/centre.entity';
export { ServiceCase } from './case/case.entity';
export { WorkingCalendar, workingCalendar, netWorkingDays, chinaDay } from './calendar/working-days';
export { rebuildRollups, RECOUNT, collectEventRows } from './rollup/recount';
export { seedGovServicesDemo, loadDemoCases } from './seeders/seed';
