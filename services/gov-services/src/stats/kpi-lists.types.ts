import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs } from '@county/kit';

export enum KpiOrder {
  RECEIVED = 'RECEIVED',
  COMPLETED = 'COMPLETED',
  ON_TIME_RATE = 'ON_TIME_RATE',
}
registerEnumType(KpiOrder, {
  name: 'KpiOrder',
  description: '排序 — what a KPI list is sorted by (ties by id)',
  valuesConfig: {
    RECEIVED: { description: '收件量' },
    COMPLETED: { description: '办结量' },
    ON_TIME_RATE: {
      description: '按时办结率 (entries with nothing completed come last descending, first ascending)',
    },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: '升序/降序' });

@ArgsType()
export class KpiListArgs extends PageArgs {
  @Field(() => KpiOrder, { defaultValue: KpiOrder.RECEIVED })
  orderBy!: KpiOrder;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

// the figures of a `topItems`/`topCentres` entry, for every item or centre with cases in the period
@ObjectType({ description: '事项指标 — an item’s figures for the period (as `topItems` has them)' })
export class ItemKpi {
  itemId!: string;

  @Field(() => Int, { description: '收件 — received in the period’s whole months' })
  received!: number;

  @Field(() => Int, { description: '办结 — completed in the period’s whole months' })
  completed!: number;

  @Field(() => Float, { nullable: true, description: '按时办结率 — on-time share of completed' })
  onTimeRate!: number | null;
}

@ObjectType({ description: '中心指标 — a centre’s figures for the period (as `topCentres` has them)' })
export class CentreKpi {
  centreId!: string;

  @Field(() => Int, { description: '收件 — received in the period’s whole months' })
  received!: number;

  @Field(() => Int, { description: '办结 — completed in the period’s whole months' })
  completed!: number;

  @Field(() => Float, { nullable: true, description: '按时办结率 — on-time share of completed' })
  onTimeRate!: number | null;
}

export const ItemKpiConnection = ConnectionType(ItemKpi, '事项指标列表 — a page of items’ figures');
export const CentreKpiConnection = ConnectionType(CentreKpi, '中心指标列表 — a page of centres’ figures');
