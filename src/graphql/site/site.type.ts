import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';

/** A customer site as listed in a program's enrollments; relations are in site.resolver.ts. */
@ObjectType({ description: "A customer site, identified by the OEM's own site id." })
export class Site {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Set for companies only.' })
  companyName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  streetAddress!: string | null;

  @Field(() => String, { nullable: true })
  streetAddress2!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  stateCode!: string | null;

  @Field(() => String, { nullable: true })
  zipCode!: string | null;

  @Field(() => String, { nullable: true, description: "The utility's customer number from the bill." })
  serviceAccountId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;
}
