import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';

/** A customer site as listed in a program's enrollments; relations are in site.resolver.ts. */
@ObjectType({ description: "A customer site, identified by the OEM's own site id." })
export class Site {
  @Field(() => ID, { description: "The OEM's own site id (e.g. abc-789); the same in every program." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The homeowner's first name; null when not given." })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: "The homeowner's last name; null when not given." })
  lastName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The company name when the customer is a company; null otherwise.',
  })
  companyName!: string | null;

  @Field(() => String, { nullable: true, description: "The customer's email address; null when not given." })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Street and number, e.g. 123 Main St; null when not given.',
  })
  streetAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Second address line (unit, suite); null when none.' })
  streetAddress2!: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. San Francisco; null when not given.' })
  city!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Two-letter US state code (or PR), e.g. CA; null when not given.',
  })
  stateCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'US ZIP code as Flip stores it, e.g. 88800; null when not given.',
  })
  zipCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The utility's customer number, as printed on the bill; null when not given.",
    deprecationReason:
      'Flip marks service_account_id deprecated (Cloud API site schema), with no replacement; it may stop being filled.',
  })
  serviceAccountId!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip created the site record; null when Flip has none.',
  })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip last changed the site record; null when Flip has none.',
  })
  updatedAt!: Date | null;
}
