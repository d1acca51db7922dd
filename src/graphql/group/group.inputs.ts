import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'POST /v1/programs/{programId}/groups: the caller chooses the id.' })
export class CreateGroupInput {
  @Field(() => ID, { description: 'The program to create the group in; a configured program.' })
  programId!: string;

  @Field(() => ID, {
    description:
      "The new group's id, chosen by the caller: letters, digits, _ and - (^[\\w-]+$); unique in the program.",
  })
  id!: string;

  @Field(() => String, { description: 'The display name; not blank.' })
  name!: string;
}
