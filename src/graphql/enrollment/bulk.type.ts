import { Field, ID, ObjectType } from 'type-graphql';
import type { EnrollmentEntry } from '../../loaders/index.js';
import { Enrollment } from './enrollment.type.js';

@ObjectType({ description: 'Why one id of a bulk change failed.' })
export class BulkItemError {
  @Field(() => ID, { description: 'The id that failed, as given.' })
  id!: string;

  @Field(() => String, {
    description: 'One of the error codes (NOT_FOUND, BAD_USER_INPUT, UPSTREAM_UNAVAILABLE...).',
  })
  code!: string;

  @Field(() => String, { description: 'What went wrong, for people (not a stable value: compare code).' })
  message!: string;
}

@ObjectType({
  description:
    'Every distinct id of the request is in exactly one list; a repeated id is applied and reported once.',
})
export class BulkEnrollmentResult {
  @Field(() => [Enrollment], {
    description: 'The enrollments as Flip returned them, in the order of the ids.',
  })
  succeeded!: EnrollmentEntry[];

  @Field(() => [BulkItemError], { description: 'In the order of the ids.' })
  failed!: BulkItemError[];
}
