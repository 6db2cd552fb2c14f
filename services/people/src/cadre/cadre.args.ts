import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { CadreRank } from '../workforce/vocabulary';

@ArgsType()
export class CadresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Working in this region or below' })
  regionCode?: string;

  @Field(() => CadreRank, { nullable: true })
  rank?: CadreRank;

  @Field({ nullable: true, description: 'Only county leaders (true) or only others (false)' })
  countyLeader?: boolean;
}

@InputType({ description: '修改干部档案 — change rank or the county-leader mark; omitted fields stay' })
export class UpdateCadreInput {
  @Field(() => CadreRank, { nullable: true })
  rank?: CadreRank;

  @Field({ nullable: true })
  countyLeader?: boolean;
}
