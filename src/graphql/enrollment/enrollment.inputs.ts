import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { DeviceType, EnrollmentStatus } from '../../flip/index.js';
import { DeviceTypeEnum, EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

export enum EnrollmentOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  ENROLLED_AT = 'ENROLLED_AT',
  SITE_NAME = 'SITE_NAME',
}
registerEnumType(EnrollmentOrderField, {
  name: 'EnrollmentOrderField',
  description: 'Ties are broken by enrollment id, so every order is stable across pages.',
  valuesConfig: {
    ENROLLED_AT: {
      description: 'Enrollments never enrolled (no enrolledAt) come first ascending, last descending.',
    },
    SITE_NAME: { description: "The site's last name, then first name, then company name, case-insensitive." },
  },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType({ description: 'Every given criterion must hold; an empty list does not restrict.' })
export class EnrollmentFilter {
  @Field(() => [EnrollmentStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: EnrollmentStatus[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "The site is in any of these groups (the program's group ids).",
  })
  groupIds?: string[] | null;

  @Field(() => DeviceTypeEnum, {
    nullable: true,
    description: 'The enrollment has at least one device of this type.',
  })
  deviceType?: DeviceType | null;

  @Field(() => String, { nullable: true, description: "The site's state code, case-insensitive (e.g. CA)." })
  stateCode?: string | null;

  @Field(() => String, { nullable: true, description: "The site's zip code, exactly." })
  zipCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Case-insensitive substring of the site's names, email, address or zip code, the enrollment id, the site id, or a device's id, serial number, manufacturer or product name. Blank does not restrict.",
  })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "At least one device's manufacturer is any of these names, case-insensitive and exact (e.g. Tesla); [] does not restrict.",
  })
  manufacturerNames?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The site's zip code is any of these, exactly; [] does not restrict.",
  })
  zipCodes?: string[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Enrolled strictly after this instant (enrolledAt); an enrollment never enrolled does not match.',
  })
  enrolledAfter?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Enrolled strictly before this instant (enrolledAt); an enrollment never enrolled does not match.',
  })
  enrolledBefore?: Date | null;
}

@InputType()
export class EnrollmentOrder {
  @Field(() => EnrollmentOrderField)
  field!: EnrollmentOrderField;

  @Field(() => OrderDirection)
  direction!: OrderDirection;
}

/** The arguments of Program.enrollments and Group.enrollments. */
@ArgsType()
export class EnrollmentPageArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      'Page size: DEFAULT_PAGE_SIZE (50) when absent; at most MAX_PAGE_SIZE (500), else BAD_USER_INPUT.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'An endCursor of a previous page with the same orderBy.',
  })
  after?: string | null;

  @Field(() => EnrollmentFilter, { nullable: true })
  filter?: EnrollmentFilter | null;

  @Field(() => EnrollmentOrder, { nullable: true, description: 'Default: CREATED_AT ASC.' })
  orderBy?: EnrollmentOrder | null;
}
