import path from 'node:path';
import './vocabulary';
import { rollupDifferences } from './rollup/rollup-differences';
import { attachFeeds, importJobsRoute, type SubgraphDefinition } from '@county/kit';
import { feedFileRoutes, govServicesFeeds } from './feeds';
import { ServiceStatsFreshnessResolver } from './feeds/freshness.resolver';
import { ServiceItem } from './item/item.entity';
import { ItemResolver, ItemVersionResolver } from './item/item.resolver';
import { ServiceItemVersion } from './item/item-version.entity';
import { ItemMutations } from './item/item.mutations';
import { RegionMovedDownResolver } from './item/moved-down.figures';
import { ServiceCentre } from './centre/centre.entity';
import { CentreResolver } from './centre/centre.resolver';
import { CentreMutations } from './centre/centre.mutations';
import { ServiceStaff, ServiceWindow } from './centre/roster.entities';
import { StaffResolver } from './centre/roster.resolver';
import { ServiceCase } from './case/case.entity';
import { CaseEvent } from './case/case-event.entity';
import { CaseSuspension } from './case/suspension.entity';
import { CaseRating } from './case/rating.entity';
import { CaseResolver } from './case/case.resolver';
import { CaseMutations } from './case/case.mutations';
import { CaseDeadlineResolver } from './case/case-deadline.resolver';
import {
  CentreMonthRollup,
  CentreYearRollup,
  DayRollup,
  DurationCount,
  DurationMonthRollup,
  DurationRollup,
  ItemMonthRollup,
  ItemYearRollup,
  MonthRollup,
  RankCounters,
  ServiceCounters,
  TownshipItemDayRollup,
  TownshipItemMonthRollup,
} from './rollup/rollup.entities';
import { OrganizationRef, PersonRef, RegionRef, directoryResolvers, references } from './directory';
import { RegionResolver } from './region/region.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PersonResolver } from './person/person.resolver';
import { ServiceStatsTopListsResolver, TopCentreResolver, TopItemResolver } from './stats/top-lists.resolver';
import { CentreKpiResolver, ItemKpiResolver, ServiceStatsKpiListsResolver } from './stats/kpi-lists.resolver';
import { migrations } from './migrations';
import { CalendarDay, CalendarRecompute, CalendarYear } from './calendar/calendar.entity';
import { CalendarResolver } from './calendar/calendar.resolver';
import { calendarExportRoute, calendarImportRoute } from './calendar/calendar.routes';
import { attachCalendar } from './calendar/calendar.runtime';
import { permissions } from './permissions';
import { AdministrativePower, PowerDelegation } from './power/power.entity';
import {
  DelegationResolver,
  ItemPowerResolver,
  OrganizationPowerResolver,
  PowerResolver,
  RegionPowerResolver,
} from './power/power.resolver';
import { PowerMutations } from './power/power.mutations';
import { ApprovalStep, InvestmentProject } from './project/project.entity';
import {
  ApprovalStepResolver,
  PersonProjectResolver,
  ProjectResolver,
  RegionProjectResolver,
} from './project/project.resolver';
import { ProjectMutations } from './project/project.mutations';
import { itemCatalogueRoutes } from './ledgers/item-catalogue';
import { centreLedgerRoutes } from './ledgers/service-centres';
import { windowLedgerRoutes } from './ledgers/service-windows';
import { staffLedgerRoutes } from './ledgers/service-staff';

export const govServicesEntities = [
  ServiceItem,
  ServiceItemVersion,
  ServiceCentre,
  ServiceWindow,
  ServiceStaff,
  ServiceCase,
  CaseEvent,
  CaseSuspension,
  CaseRating,
  ServiceCounters,
  DurationCount,
  RankCounters,
  DayRollup,
  DurationRollup,
  ItemMonthRollup,
  CentreMonthRollup,
  MonthRollup,
  DurationMonthRollup,
  ItemYearRollup,
  CentreYearRollup,
  TownshipItemDayRollup,
  TownshipItemMonthRollup,
  CalendarYear,
  CalendarDay,
  CalendarRecompute,
  AdministrativePower,
  PowerDelegation,
  InvestmentProject,
  ApprovalStep,
];

/** The government services subgraph: service items, centres, cases, processing times, ratings. */
export const govServicesSubgraph: SubgraphDefinition = {
  name: 'gov-services',
  permissions,
  entities: govServicesEntities,
  migrations,
  resolvers: [
    ItemResolver,
    ItemMutations,
    ItemVersionResolver,
    CentreResolver,
    CentreMutations,
    StaffResolver,
    CaseResolver,
    CaseMutations,
    CaseDeadlineResolver,
    OrganizationResolver,
    PersonResolver,
    RegionResolver,
    RegionMovedDownResolver,
    ServiceStatsTopListsResolver,
    TopItemResolver,
    TopCentreResolver,
    ServiceStatsKpiListsResolver,
    ItemKpiResolver,
    CentreKpiResolver,
    CalendarResolver,
    PowerResolver,
    PowerMutations,
    DelegationResolver,
    ItemPowerResolver,
    OrganizationPowerResolver,
    RegionPowerResolver,
    ProjectResolver,
    ProjectMutations,
    ApprovalStepResolver,
    RegionProjectResolver,
    PersonProjectResolver,
    ServiceStatsFreshnessResolver,
    ...directoryResolvers,
  ],
  orphanedTypes: [RegionRef, OrganizationRef, PersonRef],
  references,
  usesDirectory: true,
  seeder: path.join(__dirname, 'seeders'),
  rollupDifferences,
  files: [
    calendarExportRoute,
    calendarImportRoute,
    ...itemCatalogueRoutes,
    ...centreLedgerRoutes,
    ...windowLedgerRoutes,
    ...staffLedgerRoutes,
    importJobsRoute,
    ...feedFileRoutes,
  ],
  attach: attachFeeds(govServicesFeeds, attachCalendar),
};
