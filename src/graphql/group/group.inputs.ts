import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'POST /v1/programs/{programId}/groups: the caller chooses the id.' })
export class CreateGroupInput {
  @Field(() => ID, { description: 'A configured program.' })
  programId!: string;

  @Field(() => ID, { description: 'Letters, digits, _ and - (^[\\w-]+$); unique in the program.' })
  id!: string;

  @Field(() => String, { description: 'Not blank.' })
  name!: string;
}
