import { Field, ID, ObjectType } from 'type-graphql';

/** A group of sites in one program; relations are in group.resolver.ts. */
@ObjectType({ description: 'A named set of sites in one program (a site may be in several).' })
export class Group {
  @Field(() => ID, { description: 'Chosen by the utility; unique in its program (^[\\w-]+$).' })
  id!: string;

  @Field(() => ID, {
    description:
      "The group's program. A group is identified by programId and id together: the same id may name groups of different programs.",
  })
  programId!: string;

  @Field(() => String, { description: "The group's display name, e.g. My Group." })
  name!: string;
}
