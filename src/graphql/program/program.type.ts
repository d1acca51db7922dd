import { Field, ID, ObjectType } from 'type-graphql';

/** A configured program (FLIP_PROGRAMS): the Utility API cannot list programs. */
@ObjectType({
  description:
    "One of the utility's programs, as configured (the Utility API has no list-programs endpoint).",
})
export class Program {
  @Field(() => ID, { description: "The program's id at Flip (as configured in FLIP_PROGRAMS)." })
  id!: string;

  @Field(() => String, { description: 'The display name configured in FLIP_PROGRAMS (the id when none).' })
  name!: string;
}
