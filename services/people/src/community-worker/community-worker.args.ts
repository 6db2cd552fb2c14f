import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { CommunityPostType, Education } from '../workforce/vocabulary';

@ArgsType()
export class CommunityWorkersArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In a community located in this region or below' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'In this community' })
  organizationId?: string;

  @Field(() => CommunityPostType, { nullable: true })
  postType?: CommunityPostType;

  @Field(() => Int, { nullable: true })
  level?: number;
}

@InputType({ description: '新增社区工作者 — put a person on a community’s roll (role hr)' })
export class CreateCommunityWorkerInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'The community (居民委员会) whose quota the post uses' })
  organizationId!: string;

  @Field(() => CommunityPostType)
  postType!: CommunityPostType;

  @Field(() => Int, { description: 'Within the post type’s range: head 7–18, deputy 4–15, other 1–12' })
  level!: number;

  @Field(() => DateScalar)
  hiredOn!: string;

  @Field(() => Education)
  education!: Education;

  @Field({ nullable: true })
  allRoundCertified?: boolean;
}

@InputType({ description: '修改社区工作者 — change post, level, education …; omitted fields stay' })
export class UpdateCommunityWorkerInput {
  @Field(() => CommunityPostType, { nullable: true })
  postType?: CommunityPostType;

  @Field(() => Int, { nullable: true })
  level?: number;

  @Field(() => DateScalar, { nullable: true })
  hiredOn?: string;

  @Field(() => Education, { nullable: true })
  education?: Education;

  @Field({ nullable: true })
  allRoundCertified?: boolean;
}
