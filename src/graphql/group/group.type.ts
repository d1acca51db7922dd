import { Field, ID, ObjectType } from 'type-graphql';

/** A group of sites in one program; relations are in group.resolver.ts. */
@ObjectType({ description: 'A named set of sites in one program (a site may be in several).' })
export class Group {
  @Field(() => ID, { description: 'Chosen by the utility; unique in its program (^[\\w-]+$).' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID, { description: 'The program the group belongs to (its id is unique only there).' })
  programId!: string;
}
