/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ActionMode = 'BACKUP' | 'CHARGE' | 'DISCHARGE' | 'SAVINGS' | 'SELF_CONSUMPTION' | 'STANDBY';

export type DeviceType = 'BATTERY' | 'EV_CHARGER';

export type EnrollmentOrder = {
  direction: OrderDirection;
  field: EnrollmentOrderField;
};

/** Ties are broken by enrollment id, so every order is stable across pages. */
export type EnrollmentOrderField =
  | 'CREATED_AT'
  /** Enrollments never enrolled (no enrolledAt) come first ascending, last descending. */
  | 'ENROLLED_AT'
  /** The site's last name, then first name, then company name, case-insensitive. */
  | 'SITE_NAME'
  | 'UPDATED_AT';

/** An enrollment's status in its program, as Flip reports it. */
export type EnrollmentStatus =
  'ACTIVE' | 'CREATED' | 'NEEDS_ACTION' | 'PAUSED' | 'PENDING' | 'REJECTED' | 'SUBMITTED' | 'UNENROLLED';

/** Derived from now against the event's start and end (the Utility API has no event status). */
export type EventStatus =
  /** Started and not yet ended; an event without an end stays ACTIVE. */
  | 'ACTIVE'
  /** now is at or after endsAt. */
  | 'COMPLETED'
  /** now is before startsAt. */
  | 'UPCOMING';

/** What an event's targetIds name: devices, groups, the program, or sites. */
export type EventTargetType = 'DEVICE' | 'GROUP' | 'PROGRAM' | 'SITE';

export type OrderDirection = 'ASC' | 'DESC';

export type PowerMode = 'FOLLOW_LOAD' | 'SETPOINT';

export type DeviceTelemetryQueryVariables = Exact<{
  deviceId: string | number;
  from: string;
  to: string;
}>;

export type DeviceTelemetryQuery = {
  device: {
    id: string;
    type: DeviceType;
    site: { id: string };
    telemetry: Array<{
      startTime: string;
      durationS: number;
      batteryStateOfChargePercentage: number | null;
      batteryPowerChargeW: number | null;
      batteryPowerDischargeW: number | null;
      gridPowerW: number | null;
      homePowerW: number | null;
      solarPowerW: number | null;
      isOnline: boolean | null;
      mode: ActionMode | null;
    }> | null;
  } | null;
};

export type EligibleProgramsQueryVariables = Exact<{
  deviceType: DeviceType;
  totalCapacityWh: number;
  totalPowerW: number;
}>;

export type EligibleProgramsQuery = {
  eligiblePrograms: Array<{
    id: string;
    name: string;
    description: string | null;
    eligibleDeviceTypes: Array<DeviceType>;
    canAutoEnroll: boolean;
    minimumReservePercentage: number | null;
    minimumCommitmentMonths: number | null;
    participationMonths: Array<number>;
    earningsForSiteUpfront: number | null;
    earningsForSiteYearly: number | null;
  }>;
};

export type EnrollmentDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type EnrollmentDetailQuery = {
  enrollment: {
    id: string;
    status: EnrollmentStatus;
    statusReason: string | null;
    enrolledAt: string | null;
    unenrolledAt: string | null;
    createdAt: string | null;
    updatedAt: string | null;
    program: { id: string; name: string } | null;
    programSpecificAttributes: Array<{ name: string; type: string | null; value: string | null }>;
    site: {
      id: string;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
      groups: Array<{ id: string; name: string }>;
    };
    devices: Array<{
      id: string;
      type: DeviceType;
      serialNumber: string | null;
      batteryCapacityWh: number | null;
    }>;
  } | null;
};

export type EnrollmentReviewQueueQueryVariables = Exact<{
  programId: string | number;
  status?: Array<EnrollmentStatus> | EnrollmentStatus | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: EnrollmentOrder | null | undefined;
}>;

export type EnrollmentReviewQueueQuery = {
  program: {
    id: string;
    enrollments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        cursor: string;
        node: {
          id: string;
          status: EnrollmentStatus;
          statusReason: string | null;
          createdAt: string | null;
          updatedAt: string | null;
          programSpecificAttributes: Array<{ name: string; type: string | null; value: string | null }>;
          site: {
            id: string;
            firstName: string | null;
            lastName: string | null;
            companyName: string | null;
            email: string | null;
            streetAddress: string | null;
            streetAddress2: string | null;
            city: string | null;
            stateCode: string | null;
            zipCode: string | null;
            serviceAccountId: string | null;
          };
          devices: Array<{
            id: string;
            type: DeviceType;
            manufacturerName: string | null;
            productName: string | null;
            serialNumber: string | null;
            installDate: string | null;
            batteryCapacityWh: number | null;
            batteryPowerInputW: number | null;
            batteryPowerOutputW: number | null;
          }>;
        };
      }>;
    } | null;
  } | null;
};

export type EventDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type EventDetailQuery = {
  event: {
    id: string;
    programId: string;
    status: EventStatus;
    targetType: EventTargetType;
    targetIds: Array<string>;
    startsAt: string;
    endsAt: string | null;
    sites: Array<{
      siteId: string;
      isParticipating: boolean;
      expectedPowerW: number | null;
      actualPowerW: number | null;
      expectedEnergyWh: number | null;
      actualEnergyWh: number | null;
      site: {
        id: string;
        firstName: string | null;
        lastName: string | null;
        companyName: string | null;
      } | null;
    }> | null;
  } | null;
};

export type EventsListQueryVariables = Exact<{
  programId?: string | number | null | undefined;
  status?: Array<EventStatus> | EventStatus | null | undefined;
}>;

export type EventsListQuery = {
  events: Array<{
    id: string;
    programId: string;
    status: EventStatus;
    targetType: EventTargetType;
    targetIds: Array<string>;
    startsAt: string;
    endsAt: string | null;
    durationS: number | null;
    createdAt: string | null;
    program: { id: string; name: string } | null;
    actions: Array<{
      mode: ActionMode;
      startsAt: string;
      durationS: number;
      powerMode: PowerMode | null;
      setpointMode: string | null;
      setpointW: number | null;
      backupReservePercentage: number | null;
      enableGridImport: boolean | null;
    }>;
  }>;
};

export type FleetOverviewQueryVariables = Exact<{ [key: string]: never }>;

export type FleetOverviewQuery = {
  programs: Array<{
    id: string;
    name: string;
    stats: {
      enrollmentCount: number;
      siteCount: number;
      deviceCount: number;
      activeBatteryCapacityWh: number;
      activeBatteryPowerOutputW: number;
      byStatus: Array<{ status: EnrollmentStatus; count: number }>;
    } | null;
  }>;
};

export type GroupManagementQueryVariables = Exact<{
  programId: string | number;
}>;

export type GroupManagementQuery = {
  program: {
    id: string;
    name: string;
    groups: Array<{
      id: string;
      name: string;
      stats: {
        enrollmentCount: number;
        siteCount: number;
        deviceCount: number;
        activeBatteryCount: number;
        activeBatteryCapacityWh: number;
        activeBatteryPowerInputW: number;
        activeBatteryPowerOutputW: number;
        byStatus: Array<{ status: EnrollmentStatus; count: number }>;
      } | null;
    }> | null;
  } | null;
};

export type ProgramDashboardQueryVariables = Exact<{
  programId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ProgramDashboardQuery = {
  program: {
    id: string;
    name: string;
    stats: {
      enrollmentCount: number;
      siteCount: number;
      deviceCount: number;
      activeBatteryCount: number;
      activeBatteryCapacityWh: number;
      activeBatteryPowerInputW: number;
      activeBatteryPowerOutputW: number;
      byStatus: Array<{ status: EnrollmentStatus; count: number }>;
    } | null;
    enrollments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        status: EnrollmentStatus;
        enrolledAt: string | null;
        createdAt: string | null;
        site: {
          id: string;
          firstName: string | null;
          lastName: string | null;
          companyName: string | null;
          city: string | null;
          stateCode: string | null;
          groups: Array<{ id: string; name: string }>;
        };
        devices: Array<{
          id: string;
          type: DeviceType;
          manufacturerName: string | null;
          productName: string | null;
          batteryCapacityWh: number | null;
        }>;
      }>;
    } | null;
  } | null;
};

export type SiteDetailQueryVariables = Exact<{
  siteId: string | number;
}>;

export type SiteDetailQuery = {
  site: {
    id: string;
    firstName: string | null;
    lastName: string | null;
    companyName: string | null;
    email: string | null;
    streetAddress: string | null;
    streetAddress2: string | null;
    city: string | null;
    stateCode: string | null;
    zipCode: string | null;
    serviceAccountId: string | null;
    createdAt: string | null;
    updatedAt: string | null;
    program: { id: string; name: string } | null;
    groups: Array<{ id: string; name: string }>;
    enrollments: Array<{
      id: string;
      status: EnrollmentStatus;
      statusReason: string | null;
      enrolledAt: string | null;
      unenrolledAt: string | null;
    }>;
    devices: Array<{
      id: string;
      type: DeviceType;
      manufacturerName: string | null;
      productName: string | null;
      serialNumber: string | null;
      installDate: string | null;
      batteryCapacityWh: number | null;
      batteryPowerInputW: number | null;
      batteryPowerOutputW: number | null;
      reservePercentage: number | null;
      latestTelemetry: {
        deviceId: string;
        startTime: string;
        durationS: number;
        batteryStateOfChargePercentage: number | null;
        batteryBackupReservePercentage: number | null;
        batteryPowerChargeW: number | null;
        batteryPowerDischargeW: number | null;
        gridPowerW: number | null;
        homePowerW: number | null;
        solarPowerW: number | null;
        isOnline: boolean | null;
        mode: ActionMode | null;
      } | null;
    }>;
  } | null;
};

export const DeviceTelemetryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DeviceTelemetry' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'deviceId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'device' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'deviceId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'site' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'telemetry' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'startTime' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'durationS' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryStateOfChargePercentage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerChargeW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerDischargeW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gridPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'homePowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'solarPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'isOnline' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeviceTelemetryQuery, DeviceTelemetryQueryVariables>;
export const EligibleProgramsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EligiblePrograms' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'deviceType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeviceType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'totalCapacityWh' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'totalPowerW' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'eligiblePrograms' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'deviceType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'deviceType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'totalCapacityWh' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'totalCapacityWh' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'totalPowerW' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'totalPowerW' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eligibleDeviceTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'canAutoEnroll' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minimumReservePercentage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minimumCommitmentMonths' } },
                { kind: 'Field', name: { kind: 'Name', value: 'participationMonths' } },
                { kind: 'Field', name: { kind: 'Name', value: 'earningsForSiteUpfront' } },
                { kind: 'Field', name: { kind: 'Name', value: 'earningsForSiteYearly' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EligibleProgramsQuery, EligibleProgramsQueryVariables>;
export const EnrollmentDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EnrollmentDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enrollment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enrolledAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unenrolledAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'program' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'programSpecificAttributes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'site' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'groups' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'devices' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'serialNumber' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryCapacityWh' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EnrollmentDetailQuery, EnrollmentDetailQueryVariables>;
export const EnrollmentReviewQueueDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EnrollmentReviewQueue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'EnrollmentStatus' } },
            },
          },
          defaultValue: {
            kind: 'ListValue',
            values: [
              { kind: 'EnumValue', value: 'PENDING' },
              { kind: 'EnumValue', value: 'NEEDS_ACTION' },
            ],
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          defaultValue: { kind: 'IntValue', value: '25' },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'EnrollmentOrder' } },
          defaultValue: {
            kind: 'ObjectValue',
            fields: [
              {
                kind: 'ObjectField',
                name: { kind: 'Name', value: 'field' },
                value: { kind: 'EnumValue', value: 'CREATED_AT' },
              },
              {
                kind: 'ObjectField',
                name: { kind: 'Name', value: 'direction' },
                value: { kind: 'EnumValue', value: 'ASC' },
              },
            ],
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'program' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enrollments' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'filter' },
                      value: {
                        kind: 'ObjectValue',
                        fields: [
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'status' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
                          },
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'search' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
                          },
                        ],
                      },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'orderBy' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'programSpecificAttributes' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                                      ],
                                    },
                                  },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'site' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'companyName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'streetAddress' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'streetAddress2' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'city' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'stateCode' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'zipCode' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'serviceAccountId' } },
                                      ],
                                    },
                                  },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'devices' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'manufacturerName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'productName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'serialNumber' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'installDate' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'batteryCapacityWh' } },
                                        {
                                          kind: 'Field',
                                          name: { kind: 'Name', value: 'batteryPowerInputW' },
                                        },
                                        {
                                          kind: 'Field',
                                          name: { kind: 'Name', value: 'batteryPowerOutputW' },
                                        },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EnrollmentReviewQueueQuery, EnrollmentReviewQueueQueryVariables>;
export const EventDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EventDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'event' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sites' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'siteId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'isParticipating' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedEnergyWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualEnergyWh' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'site' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'companyName' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EventDetailQuery, EventDetailQueryVariables>;
export const EventsListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EventsList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'EventStatus' } },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'events' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'program' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationS' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'durationS' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'powerMode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'setpointMode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'setpointW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'backupReservePercentage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enableGridImport' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EventsListQuery, EventsListQueryVariables>;
export const FleetOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FleetOverview' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'programs' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'stats' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'enrollmentCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'siteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviceCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'byStatus' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryCapacityWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryPowerOutputW' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FleetOverviewQuery, FleetOverviewQueryVariables>;
export const GroupManagementDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'GroupManagement' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'program' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'groups' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'stats' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'enrollmentCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'siteCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deviceCount' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'byStatus' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                                ],
                              },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryCapacityWh' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryPowerInputW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryPowerOutputW' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GroupManagementQuery, GroupManagementQueryVariables>;
export const ProgramDashboardDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ProgramDashboard' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          defaultValue: { kind: 'IntValue', value: '50' },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'program' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'stats' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'enrollmentCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'siteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviceCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'byStatus' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryCapacityWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryPowerInputW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeBatteryPowerOutputW' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enrollments' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'enrolledAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'site' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'companyName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'city' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'stateCode' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'groups' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'devices' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'manufacturerName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'productName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'batteryCapacityWh' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProgramDashboardQuery, ProgramDashboardQueryVariables>;
export const SiteDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SiteDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'siteId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'site' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'siteId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'companyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'streetAddress' } },
                { kind: 'Field', name: { kind: 'Name', value: 'streetAddress2' } },
                { kind: 'Field', name: { kind: 'Name', value: 'city' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stateCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'zipCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'serviceAccountId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'program' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'groups' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enrollments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enrolledAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unenrolledAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'devices' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'manufacturerName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'productName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'serialNumber' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'installDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryCapacityWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerInputW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerOutputW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reservePercentage' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'latestTelemetry' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'deviceId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'startTime' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'durationS' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'batteryStateOfChargePercentage' },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'batteryBackupReservePercentage' },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerChargeW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerDischargeW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'gridPowerW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'homePowerW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'solarPowerW' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'isOnline' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SiteDetailQuery, SiteDetailQueryVariables>;
