import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskPhone } from '@county/domain';
import { entityLoader, type SubgraphContext } from '@county/kit';
import { seesPersonalData } from '../permissions';
import { ServiceCentre } from './centre.entity';
import { ServiceStaff, ServiceWindow } from './roster.entities';

@Resolver(() => ServiceStaff)
export class StaffResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话 — personal data: masked (138****1234) unless the caller has hr',
  })
  phone(@Root() staff: ServiceStaff, @Ctx() ctx: SubgraphContext): string | null {
    if (staff.phone === null) return null;
    return seesPersonalData(ctx) ? staff.phone : maskPhone(staff.phone);
  }

  @FieldResolver(() => ServiceCentre, { nullable: true, description: '所在中心 — the centre' })
  centre(@Root() staff: ServiceStaff, @Ctx() ctx: SubgraphContext): Promise<ServiceCentre | null> {
    return entityLoader(ctx, ServiceCentre, 'id').load(staff.centreId);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true, description: '窗口 — the window they serve at' })
  window(@Root() staff: ServiceStaff, @Ctx() ctx: SubgraphContext): Promise<ServiceWindow | null> | null {
    return staff.windowId ? entityLoader(ctx, ServiceWindow, 'id').load(staff.windowId) : null;
  }

  @FieldResolver(() => ServiceStaff, {
    nullable: true,
    description: 'B岗 — the colleague who stands in for them',
  })
  backup(@Root() staff: ServiceStaff, @Ctx() ctx: SubgraphContext): Promise<ServiceStaff | null> | null {
    return staff.backupStaffId ? entityLoader(ctx, ServiceStaff, 'id').load(staff.backupStaffId) : null;
  }
}
