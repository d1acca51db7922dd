/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a battery is told to do during an action, or (TelemetryPoint.mode) the mode it last reported; Flip's command vocabulary. */
export type ActionMode =
  /** Keep the battery charged for backup power in an outage. */
  | 'BACKUP'
  /** Charge the battery (from solar, or from the grid when enableGridImport allows). */
  | 'CHARGE'
  /** Discharge the battery. */
  | 'DISCHARGE'
  /** The device's own bill-savings (time-of-use) behaviour. */
  | 'SAVINGS'
  /** Cover the home's load from solar and the battery, drawing as little from the grid as possible. */
  | 'SELF_CONSUMPTION'
  /** Neither charge nor discharge: hold the current state of charge. */
  | 'STANDBY';

/** A device of the site with its manufacturer's ratings. */
export type CommissionDevice = {
  /** The manufacturer's rated battery capacity in Wh, more than 0 (e.g. 15000). */
  batteryCapacityWh: number;
  /** The rated charge power in W, more than 0 (e.g. 6000). */
  batteryPowerInputW: number;
  /** The rated discharge power in W, more than 0 (e.g. 7500). */
  batteryPowerOutputW: number;
  /** The device's id in the OEM's system (e.g. xyz-123). */
  id: string | number;
  /** Install (or permission-to-operate) date; not in the future. A date alone (2022-02-22, as the Cloud API example sends it) is accepted. */
  installDate: string;
  /** Manufacturer, e.g. DeviceMaker. */
  manufacturerName: string;
  /** Model name, e.g. Model 1. */
  productName: string;
  /** The manufacturer's serial number. */
  serialNumber: string;
  /** BATTERY or EV_CHARGER. */
  type: DeviceType;
};

/** The site to commission (the OEM's own site id) and its contact and address. */
export type CommissionSite = {
  /** City, e.g. San Francisco. */
  city?: string | null | undefined;
  /** Only for companies. */
  companyName?: string | null | undefined;
  /** The customer's email address. */
  email?: string | null | undefined;
  /** The homeowner's first name. */
  firstName?: string | null | undefined;
  /** The site's id in the OEM's system (e.g. abc-789). */
  id: string | number;
  /** The homeowner's last name. */
  lastName?: string | null | undefined;
  /** Two-letter US state code (or PR), e.g. CA. */
  stateCode?: string | null | undefined;
  /** Street and number, e.g. 123 Main St. */
  streetAddress?: string | null | undefined;
  /** Second address line (unit, suite). */
  streetAddress2?: string | null | undefined;
  /** US ZIP code: 12345 or 12345-6789. */
  zipCode?: string | null | undefined;
};

/** Cloud API POST /v1/commission. */
export type CommissionSiteInput = {
  /** Let Flip enroll the site in an eligible auto-enrolling program. */
  canAutoEnroll?: boolean | null | undefined;
  /** At least one; ids distinct. */
  devices: Array<CommissionDevice>;
  /** The site: its id, contact and address. */
  site: CommissionSite;
};

/** POST /v1/programs/{programId}/groups: the caller chooses the id. */
export type CreateGroupInput = {
  /** The new group's id, chosen by the caller: letters, digits, _ and - (^[\w-]+$); unique in the program. */
  id: string | number;
  /** The display name; not blank. */
  name: string;
  /** The program to create the group in; a configured program. */
  programId: string | number;
};

/** The kind of device at a site, as Flip types it. */
export type DeviceType =
  /** A home battery (stationary storage). */
  | 'BATTERY'
  /** An electric-vehicle charger. A device type Flip adds later also reads as EV_CHARGER, so it never counts as dispatchable battery capacity. */
  | 'EV_CHARGER';

/** An event to dispatch (or preview): a program, its targets and the actions. */
export type DispatchEventInput = {
  /** The event's steps; at least one. */
  actions: Array<EventActionInput>;
  /** The program to dispatch in; a configured program. */
  programId: string | number;
  /** Of the kind targetType names, all in the program: its device ids, site ids or group ids, or for PROGRAM the program's own id. */
  targetIds: Array<string | number>;
  /** What kind of target targetIds name. */
  targetType: EventTargetType;
};

/** How to order a list of enrollments. */
export type EnrollmentOrder = {
  /** Ascending or descending. */
  direction: OrderDirection;
  /** What to order by. */
  field: EnrollmentOrderField;
};

/** What enrollments are ordered by. Ties are broken by enrollment id, so every order is stable across pages. */
export type EnrollmentOrderField =
  /** When Flip created the enrollment (createdAt). */
  | 'CREATED_AT'
  /** Enrollments never enrolled (no enrolledAt) come first ascending, last descending. */
  | 'ENROLLED_AT'
  /** The site's last name, then first name, then company name, case-insensitive. */
  | 'SITE_NAME'
  /** When Flip last changed the enrollment (updatedAt). */
  | 'UPDATED_AT';

/** An enrollment's status in its program, as Flip reports it (REFERENCE.md: Flip does not define CREATED, SUBMITTED and PAUSED or the allowed transitions). */
export type EnrollmentStatus =
  /** Approved: the site takes part in events and counts in the ACTIVE fleet sums. */
  | 'ACTIVE'
  /** Flip's status for a newly created enrollment (its Utility API example); Flip does not define it further. */
  | 'CREATED'
  /** The homeowner must act (Flip emails them) before the enrollment can proceed. */
  | 'NEEDS_ACTION'
  /** Paused by the utility (pauseEnrollment sets it); Flip does not define its effect on events. */
  | 'PAUSED'
  /** Awaiting the utility's decision; where new Cloud API enrollments start. A status Flip adds later also reads as PENDING. */
  | 'PENDING'
  /** Refused by the utility; Flip allows no re-application. */
  | 'REJECTED'
  /** Submitted for review, as Flip reports it; Flip does not define it further. */
  | 'SUBMITTED'
  /** Left the program; unenrolledAt says when. */
  | 'UNENROLLED';

/** One step of an event to dispatch; validated before anything is sent. */
export type EventActionInput = {
  /** The state of charge to keep for backup during the action, 0-100 % of capacity; optional. */
  backupReservePercentage?: number | null | undefined;
  /** How long the action lasts in seconds, more than 0 and at most DISPATCH_MAX_DURATION_S. */
  durationS: number;
  /** Whether the battery may charge from the grid during the action; optional. */
  enableGridImport?: boolean | null | undefined;
  /** What the targeted batteries do during the action. */
  mode: ActionMode;
  /** How much power CHARGE or DISCHARGE moves; only for those modes; optional. */
  powerMode?: PowerMode | null | undefined;
  /** The power to charge or discharge at, in W (positive; the mode gives the direction), more than 0; required with, and only with, SETPOINT. */
  setpointW?: number | null | undefined;
  /** When the action starts; not in the past (a grace of DISPATCH_START_GRACE_S applies). */
  startsAt: string;
};

/** Derived from now against the event's start and end (the Utility API has no event status), or CANCELED. */
export type EventStatus =
  /** Started and not yet ended; an event without an end stays ACTIVE. */
  | 'ACTIVE'
  /** Cancelled through cancelEvent (see Event.canceledAt and canceledByCallerId). */
  | 'CANCELED'
  /** now is at or after endsAt. */
  | 'COMPLETED'
  /** now is before startsAt. */
  | 'UPCOMING';

/** What an event's targetIds name: devices, groups, the program, or sites. */
export type EventTargetType =
  /** targetIds are device ids of the event's program. */
  | 'DEVICE'
  /** targetIds are group ids of the event's program; every site in one of them is targeted. */
  | 'GROUP'
  /** targetIds is the program's own id: every enrolled site is targeted. A target type Flip adds later also reads as PROGRAM. */
  | 'PROGRAM'
  /** targetIds are site ids (the OEM's) of the event's program. */
  | 'SITE';

/** The direction of an order. */
export type OrderDirection =
  /** Smallest (earliest, A) first. */
  | 'ASC'
  /** Largest (latest, Z) first. */
  | 'DESC';

/** How much power a CHARGE or DISCHARGE action moves (null for other modes). */
export type PowerMode =
  /** Follow the home's load rather than a fixed power (e.g. discharge just enough to cover it). */
  | 'FOLLOW_LOAD'
  /** At a fixed power: setpointW watts, spread over the devices by setpointMode. */
  | 'SETPOINT';

/** What a preview issue is about; its ids are enrollment or device ids as each value says. */
export type PreviewIssueCode =
  /** Targeted devices already in another non-cancelled event of the program overlapping in time. ids: devices. */
  | 'DEVICES_IN_OVERLAPPING_EVENTS'
  /** Targeted enrollments not ACTIVE: their devices are left out of power and energy. ids: enrollments. */
  | 'ENROLLMENTS_NOT_ACTIVE'
  /** Targeted EV chargers, left out of dispatchable power and energy. ids: devices. */
  | 'EV_CHARGERS_LEFT_OUT'
  /** No targeted battery is in an ACTIVE enrollment: the event moves no battery power. ids: the batteries reached (may be none). */
  | 'NO_ACTIVE_BATTERY';

/** What a write of this service changed in a program. */
export type ProgramChangeKind =
  /** Enrollments were added to or removed from a group. */
  | 'ENROLLMENT_GROUPS_CHANGED'
  /** An enrollment was approved, paused, rejected or unenrolled. */
  | 'ENROLLMENT_STATUS_CHANGED'
  /** An enrollment's status or groups were set by updateEnrollment(s). */
  | 'ENROLLMENT_UPDATED'
  /** An event was cancelled. */
  | 'EVENT_CANCELED'
  /** An event was dispatched (its id is the first target id). */
  | 'EVENT_DISPATCHED'
  /** A group was created. */
  | 'GROUP_CREATED'
  /** A group was deleted. */
  | 'GROUP_DELETED'
  /** A group was renamed. */
  | 'GROUP_RENAMED'
  /** A site was commissioned. */
  | 'SITE_COMMISSIONED';

/** PATCH /v1/enrollments/{id}: only the given fields are sent; at least one is needed. */
export type UpdateEnrollmentInput = {
  /** Replaces the site's groups; [] removes all. Each must be a group of the enrollment's program. */
  groupIds?: Array<string | number> | null | undefined;
  /** The enrollment to change (Flip's enrollment id). */
  id: string | number;
  /** The new status, if it changes; it must be a transition the service allows from the current status (else BAD_USER_INPUT). */
  status?: EnrollmentStatus | null | undefined;
  /** Why the status changes, shown as statusReason; at most 500 characters. */
  statusReason?: string | null | undefined;
};

export type AddEnrollmentsToGroupMutationVariables = Exact<{
  programId: string | number;
  groupId: string | number;
  enrollmentIds: Array<string | number> | string | number;
}>;

export type AddEnrollmentsToGroupMutation = {
  addEnrollmentsToGroup: {
    succeeded: Array<{ id: string; groups: Array<{ programId: string; id: string }> }>;
    failed: Array<{ id: string; code: string; message: string }>;
  };
};

export type ApproveEnrollmentMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;

export type ApproveEnrollmentMutation = {
  approveEnrollment: { id: string; status: EnrollmentStatus; statusReason: string | null };
};

export type CancelEventMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelEventMutation = { cancelEvent: boolean };

export type CommissionSiteMutationVariables = Exact<{
  input: CommissionSiteInput;
}>;

export type CommissionSiteMutation = {
  commissionSite: {
    enrollmentId: string | null;
    enrollmentStatus: EnrollmentStatus | null;
    programs: Array<{
      id: string;
      name: string;
      canAutoEnroll: boolean;
      termsAndConditionsVersion: string | null;
      termsAndConditionsText: string | null;
      createdAt: string | null;
      updatedAt: string | null;
      enrollmentForm: Array<{ name: string; label: string | null; type: string | null; hint: string | null }>;
    }>;
    enrollment: {
      id: string;
      programId: string | null;
      siteId: string | null;
      deviceIds: Array<string>;
      enrollMethod: string | null;
      status: EnrollmentStatus;
      statusReason: string | null;
      enrolledAt: string | null;
      unenrolledAt: string | null;
    } | null;
  };
};

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;

export type CreateGroupMutation = {
  createGroup: { id: string; programId: string; name: string; program: { id: string } };
};

export type DeleteGroupMutationVariables = Exact<{
  programId: string | number;
  id: string | number;
}>;

export type DeleteGroupMutation = { deleteGroup: boolean };

export type DeviceTelemetryLiveSubscriptionVariables = Exact<{
  programId: string | number;
  deviceIds?: Array<string | number> | string | number | null | undefined;
}>;

export type DeviceTelemetryLiveSubscription = {
  deviceTelemetry: {
    deviceId: string;
    startTime: string;
    durationS: number;
    batteryStateOfChargePercentage: number | null;
    batteryPowerChargeW: number | null;
    batteryPowerDischargeW: number | null;
    gridPowerW: number | null;
    solarPowerW: number | null;
    isOnline: boolean | null;
    mode: ActionMode | null;
  };
};

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

export type DispatchEventMutationVariables = Exact<{
  input: DispatchEventInput;
  idempotencyKey: string;
}>;

export type DispatchEventMutation = {
  dispatchEvent: {
    id: string;
    programId: string;
    targetType: EventTargetType;
    targetIds: Array<string>;
    startsAt: string;
    endsAt: string | null;
    status: EventStatus;
    actions: Array<{
      mode: ActionMode;
      startsAt: string;
      durationS: number;
      powerMode: PowerMode | null;
      setpointW: number | null;
      backupReservePercentage: number | null;
      enableGridImport: boolean | null;
    }>;
  };
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
    program: { id: string; name: string } | null;
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
    site: { id: string; firstName: string | null; lastName: string | null; email: string | null };
    groups: Array<{ programId: string; id: string; name: string }>;
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

export type EnrollmentSearchQueryVariables = Exact<{
  programId: string | number;
  search?: string | null | undefined;
  manufacturerNames?: Array<string> | string | null | undefined;
  zipCodes?: Array<string> | string | null | undefined;
  enrolledAfter?: string | null | undefined;
  enrolledBefore?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type EnrollmentSearchQuery = {
  program: {
    id: string;
    enrollments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        status: EnrollmentStatus;
        enrolledAt: string | null;
        site: { id: string; firstName: string | null; lastName: string | null; zipCode: string | null };
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

export type EventProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;

export type EventProgressSubscription = {
  eventProgress: {
    eventId: string;
    status: EventStatus;
    at: string;
    performance: {
      targetedSiteCount: number;
      participatingSiteCount: number;
      expectedPowerW: number;
      actualPowerW: number;
      expectedEnergyWh: number;
      actualEnergyWh: number;
    } | null;
  };
};

export type EventResultsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  participating?: boolean | null | undefined;
}>;

export type EventResultsQuery = {
  event: {
    id: string;
    status: EventStatus;
    missingTargetCount: number;
    performance: {
      targetedSiteCount: number;
      participatingSiteCount: number;
      expectedPowerW: number;
      actualPowerW: number;
      expectedEnergyWh: number;
      actualEnergyWh: number;
    } | null;
    siteParticipations: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ siteId: string; isParticipating: boolean; actualEnergyWh: number | null }>;
    } | null;
    targets: Array<
      | { __typename: 'Device'; id: string; type: DeviceType }
      | { __typename: 'Group'; programId: string; id: string; name: string }
      | { __typename: 'Program'; id: string; name: string }
      | { __typename: 'Site'; id: string }
    >;
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

export type EventsPageQueryVariables = Exact<{
  programId?: string | number | null | undefined;
  status?: Array<EventStatus> | EventStatus | null | undefined;
  startsAfter?: string | null | undefined;
  startsBefore?: string | null | undefined;
  targetType?: EventTargetType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type EventsPageQuery = {
  eventConnection: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        programId: string;
        status: EventStatus;
        targetType: EventTargetType;
        startsAt: string;
      };
    }>;
  };
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
      programId: string;
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

export type PauseEnrollmentMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;

export type PauseEnrollmentMutation = {
  pauseEnrollment: {
    id: string;
    status: EnrollmentStatus;
    statusReason: string | null;
    program: {
      id: string;
      stats: { byStatus: Array<{ status: EnrollmentStatus; count: number }> } | null;
    } | null;
  };
};

export type PreviewEventQueryVariables = Exact<{
  input: DispatchEventInput;
}>;

export type PreviewEventQuery = {
  previewEvent: {
    targetEnrollmentCount: number;
    targetSiteCount: number;
    targetDeviceCount: number;
    dispatchablePowerW: number;
    dispatchableEnergyWh: number;
    warnings: Array<string>;
    issues: Array<{ code: PreviewIssueCode; message: string; count: number; ids: Array<string> }>;
  };
};

export type ProgramChangesSubscriptionVariables = Exact<{
  programId: string | number;
}>;

export type ProgramChangesSubscription = {
  programChanges: {
    programId: string;
    kind: ProgramChangeKind;
    operation: string;
    targetIds: Array<string>;
    callerId: string | null;
    at: string;
  };
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
        };
        groups: Array<{ programId: string; id: string; name: string }>;
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

export type ProgramDetailsQueryVariables = Exact<{ [key: string]: never }>;

export type ProgramDetailsQuery = {
  programs: Array<{
    id: string;
    name: string;
    description: string | null;
    eligibleDeviceTypes: Array<DeviceType> | null;
    minimumReservePercentage: number | null;
    minimumCommitmentMonths: number | null;
    participationMonths: Array<number> | null;
    earningsForSiteUpfront: number | null;
    earningsForSiteYearly: number | null;
  }>;
};

export type RemoveEnrollmentsFromGroupMutationVariables = Exact<{
  programId: string | number;
  groupId: string | number;
  enrollmentIds: Array<string | number> | string | number;
}>;

export type RemoveEnrollmentsFromGroupMutation = {
  removeEnrollmentsFromGroup: {
    succeeded: Array<{ id: string; groups: Array<{ programId: string; id: string }> }>;
    failed: Array<{ id: string; code: string; message: string }>;
  };
};

export type RenameGroupMutationVariables = Exact<{
  programId: string | number;
  id: string | number;
  name: string;
}>;

export type RenameGroupMutation = { renameGroup: { id: string; programId: string; name: string } };

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
    groups: Array<{ programId: string; id: string; name: string }>;
    enrollments: Array<{
      id: string;
      status: EnrollmentStatus;
      statusReason: string | null;
      enrolledAt: string | null;
      unenrolledAt: string | null;
      program: { id: string; name: string } | null;
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

export type SiteEventHistoryQueryVariables = Exact<{
  siteId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<EventStatus> | EventStatus | null | undefined;
}>;

export type SiteEventHistoryQuery = {
  site: {
    id: string;
    events: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        programId: string;
        status: EventStatus;
        targetType: EventTargetType;
        startsAt: string;
        canceledAt: string | null;
      }>;
    } | null;
  } | null;
};

export type UpdateEnrollmentMutationVariables = Exact<{
  input: UpdateEnrollmentInput;
}>;

export type UpdateEnrollmentMutation = {
  updateEnrollment: {
    id: string;
    status: EnrollmentStatus;
    statusReason: string | null;
    groups: Array<{ programId: string; id: string; name: string }>;
  };
};

export type UpdateEnrollmentsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  status: EnrollmentStatus;
  statusReason?: string | null | undefined;
}>;

export type UpdateEnrollmentsMutation = {
  updateEnrollments: {
    succeeded: Array<{ id: string; status: EnrollmentStatus; statusReason: string | null }>;
    failed: Array<{ id: string; code: string; message: string }>;
  };
};

export const AddEnrollmentsToGroupDocument = {
  __meta__: { hash: 'sha256:d349cb19fa9e774b5a4947e18e1592fd73fe38a89e03c9d3947faaf434134784' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddEnrollmentsToGroup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groupId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'enrollmentIds' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addEnrollmentsToGroup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groupId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groupId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'enrollmentIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'enrollmentIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'succeeded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'groups' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'failed' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<AddEnrollmentsToGroupMutation, AddEnrollmentsToGroupMutationVariables>;
export const ApproveEnrollmentDocument = {
  __meta__: { hash: 'sha256:1cd4622db34d4f4d299588d0d8dcf699d0dd3e5bf1b99413d0d5448b8a4747f1' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ApproveEnrollment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approveEnrollment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApproveEnrollmentMutation, ApproveEnrollmentMutationVariables>;
export const CancelEventDocument = {
  __meta__: { hash: 'sha256:10d36cdf63674a98b84b2c8c4c313169a2f2b31c4d6761b7ec5f45ee3c5b9d6c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CancelEvent' },
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
            name: { kind: 'Name', value: 'cancelEvent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelEventMutation, CancelEventMutationVariables>;
export const CommissionSiteDocument = {
  __meta__: { hash: 'sha256:360484eadb0347e29a571ba9514934c4f40df5e807106b39b3ccb8328fc63b1b' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CommissionSite' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CommissionSiteInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commissionSite' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
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
                      { kind: 'Field', name: { kind: 'Name', value: 'canAutoEnroll' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'enrollmentForm' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'hint' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'termsAndConditionsVersion' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'termsAndConditionsText' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'enrollmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enrollmentStatus' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enrollment' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'siteId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviceIds' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enrollMethod' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enrolledAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unenrolledAt' } },
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
} as unknown as DocumentNode<CommissionSiteMutation, CommissionSiteMutationVariables>;
export const CreateGroupDocument = {
  __meta__: { hash: 'sha256:fefc711839b46a4321414d3307a10305a7f1eecbda92ad0cdf88e549b63614fb' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateGroup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateGroupInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createGroup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'program' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const DeleteGroupDocument = {
  __meta__: { hash: 'sha256:22ca047a7c3b8916eb2a2797b56c70930f0cb18bc721827fecfcd170b0d17023' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteGroup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
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
            name: { kind: 'Name', value: 'deleteGroup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const DeviceTelemetryLiveDocument = {
  __meta__: { hash: 'sha256:7a497e1402b12c912c877509ad7a178853aba754e1438c4c9b9944636d0e601a' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'DeviceTelemetryLive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'deviceIds' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deviceTelemetry' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'deviceIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'deviceIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'deviceId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startTime' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationS' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batteryStateOfChargePercentage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerChargeW' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batteryPowerDischargeW' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gridPowerW' } },
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
} as unknown as DocumentNode<DeviceTelemetryLiveSubscription, DeviceTelemetryLiveSubscriptionVariables>;
export const DeviceTelemetryDocument = {
  __meta__: { hash: 'sha256:5fb2a7a33d51f80848288631a4ef586181eb49c5b3a3d8f7b2a27b2fc3606e88' },
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
export const DispatchEventDocument = {
  __meta__: { hash: 'sha256:0a0640e22fa6c567ba37d23af533f1b5255e0cb2493b616127f62ca430597a7e' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DispatchEvent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DispatchEventInput' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'idempotencyKey' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dispatchEvent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'idempotencyKey' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'idempotencyKey' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetIds' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'setpointW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'backupReservePercentage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'enableGridImport' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DispatchEventMutation, DispatchEventMutationVariables>;
export const EligibleProgramsDocument = {
  __meta__: { hash: 'sha256:9fbf12a185e85c0a83acf6c14826f3774d50396813ee6002847da801e2832600' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EligibleProgramsQuery, EligibleProgramsQueryVariables>;
export const EnrollmentDetailDocument = {
  __meta__: { hash: 'sha256:5b5755afdd68a6d92c13fffbaf0f957f8f30e3d80a242f9795d7876753041e5f' },
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
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'groups' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
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
  __meta__: { hash: 'sha256:a526230846839cb0be99dfaecc78cc77f6870d9d5f81fc0d49c824acd987ddb4' },
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
export const EnrollmentSearchDocument = {
  __meta__: { hash: 'sha256:b25363a7456314e11790e90d3e6f8422f15682019e364ea89becb47378c13215' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EnrollmentSearch' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'manufacturerNames' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'zipCodes' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'enrolledAfter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'enrolledBefore' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
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
                            name: { kind: 'Name', value: 'search' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
                          },
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'manufacturerNames' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'manufacturerNames' } },
                          },
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'zipCodes' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'zipCodes' } },
                          },
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'enrolledAfter' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'enrolledAfter' } },
                          },
                          {
                            kind: 'ObjectField',
                            name: { kind: 'Name', value: 'enrolledBefore' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'enrolledBefore' } },
                          },
                        ],
                      },
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
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'site' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'zipCode' } },
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
} as unknown as DocumentNode<EnrollmentSearchQuery, EnrollmentSearchQueryVariables>;
export const EventDetailDocument = {
  __meta__: { hash: 'sha256:5b5d5a2cb3409439b79a989b0c1414679e9dc6810460b752179c57adc2fbef92' },
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
export const EventProgressDocument = {
  __meta__: { hash: 'sha256:372ffce57d61e8b3704e7b93837e63b86d4096efb3e33a2f7bde32a085f36acf' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'EventProgress' },
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
            name: { kind: 'Name', value: 'eventProgress' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'performance' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'targetedSiteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'participatingSiteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedEnergyWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualEnergyWh' } },
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
} as unknown as DocumentNode<EventProgressSubscription, EventProgressSubscriptionVariables>;
export const EventResultsDocument = {
  __meta__: { hash: 'sha256:2251e6fdee99447b77c988f81a3287330b3535bd77551e908f89bd22c80ed738' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EventResults' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'participating' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
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
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'performance' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'targetedSiteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'participatingSiteCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualPowerW' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedEnergyWh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actualEnergyWh' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'siteParticipations' },
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
                      name: { kind: 'Name', value: 'participating' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'participating' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'siteId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'isParticipating' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'actualEnergyWh' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'missingTargetCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'targets' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      {
                        kind: 'InlineFragment',
                        typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Program' } },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'InlineFragment',
                        typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Group' } },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'InlineFragment',
                        typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Site' } },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                      {
                        kind: 'InlineFragment',
                        typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Device' } },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'type' } },
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
} as unknown as DocumentNode<EventResultsQuery, EventResultsQueryVariables>;
export const EventsListDocument = {
  __meta__: { hash: 'sha256:31fd0e5aa58c9176f7a5d6f31780dde20e68dc1de099592400ff41adb66618d7' },
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
export const EventsPageDocument = {
  __meta__: { hash: 'sha256:5d879fa3b613d7a9c4260a0044214976d9035038ced9cd601bf4cf60992a8a14' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EventsPage' },
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
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'startsAfter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'startsBefore' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'targetType' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'EventTargetType' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
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
            name: { kind: 'Name', value: 'eventConnection' },
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
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'startsAfter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'startsAfter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'startsBefore' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'startsBefore' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'targetType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'targetType' } },
              },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
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
} as unknown as DocumentNode<EventsPageQuery, EventsPageQueryVariables>;
export const FleetOverviewDocument = {
  __meta__: { hash: 'sha256:f5be93d0c6cc6b83ac5d1e6ac89c54d2adf699a42f12611ce59cf6c3595bc951' },
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
  __meta__: { hash: 'sha256:aaadb0eb44d0e24bfb20147f5dad51fbe128b666aaff95ec562a4d6450b246ab' },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
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
export const PauseEnrollmentDocument = {
  __meta__: { hash: 'sha256:620fc418beda1da8ba3f58e2e99fe189c3ffae7d842f8f88ec6128d6589245a1' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PauseEnrollment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pauseEnrollment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'program' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'stats' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
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
} as unknown as DocumentNode<PauseEnrollmentMutation, PauseEnrollmentMutationVariables>;
export const PreviewEventDocument = {
  __meta__: { hash: 'sha256:9d77d657d146d2b1c5c3498723d0857e7fccc1f3bf6e031e09cb5b62287bc7de' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PreviewEvent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DispatchEventInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'previewEvent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'targetEnrollmentCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSiteCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetDeviceCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dispatchablePowerW' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dispatchableEnergyWh' } },
                { kind: 'Field', name: { kind: 'Name', value: 'warnings' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'issues' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ids' } },
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
} as unknown as DocumentNode<PreviewEventQuery, PreviewEventQueryVariables>;
export const ProgramChangesDocument = {
  __meta__: { hash: 'sha256:438bb73e23a55f7fce43c761c27e4aaa70c67e3bf278e5f3d599d3e5fb24d389' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'ProgramChanges' },
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
            name: { kind: 'Name', value: 'programChanges' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'operation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'callerId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProgramChangesSubscription, ProgramChangesSubscriptionVariables>;
export const ProgramDashboardDocument = {
  __meta__: { hash: 'sha256:588b0daf7e20c8f85654275b29e3b5d4ff0d0690e4e27b5d7de2fd8178b3f298' },
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
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'groups' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
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
export const ProgramDetailsDocument = {
  __meta__: { hash: 'sha256:62ab11d994c72a2974860e449daa2159f885bdaca90532c812b84773556adc3d' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ProgramDetails' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eligibleDeviceTypes' } },
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
} as unknown as DocumentNode<ProgramDetailsQuery, ProgramDetailsQueryVariables>;
export const RemoveEnrollmentsFromGroupDocument = {
  __meta__: { hash: 'sha256:061f58f7f97f94d0062183e65fe3cd8cf0f379e3c7f5c9a27f69fc465720e635' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveEnrollmentsFromGroup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groupId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'enrollmentIds' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeEnrollmentsFromGroup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groupId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groupId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'enrollmentIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'enrollmentIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'succeeded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'groups' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'failed' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<RemoveEnrollmentsFromGroupMutation, RemoveEnrollmentsFromGroupMutationVariables>;
export const RenameGroupDocument = {
  __meta__: { hash: 'sha256:10c5649286218bc302d2abdb20ac1bc9826599b4506e8a07dcdc84aa72d24047' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RenameGroup' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'renameGroup' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'programId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'programId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RenameGroupMutation, RenameGroupMutationVariables>;
export const SiteDetailDocument = {
  __meta__: { hash: 'sha256:dd8f4a9091ef9178aae556dc5c3e18733bc1596a6cfbb5d1cff1ceb0cc3e8b95' },
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
                  name: { kind: 'Name', value: 'groups' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
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
export const SiteEventHistoryDocument = {
  __meta__: { hash: 'sha256:74d6a0d29dac8b6598c477cb51d9da9d5cbc32d4ca46b50fc3b202ebc92ffb81' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SiteEventHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'siteId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
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
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'events' },
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
                      name: { kind: 'Name', value: 'status' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'canceledAt' } },
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
} as unknown as DocumentNode<SiteEventHistoryQuery, SiteEventHistoryQueryVariables>;
export const UpdateEnrollmentDocument = {
  __meta__: { hash: 'sha256:54f611080ec31e039cebf38e8bce7f02da3bc3e6b2a858b82c23180fdc3f8f0c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateEnrollment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateEnrollmentInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateEnrollment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'groups' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'programId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
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
} as unknown as DocumentNode<UpdateEnrollmentMutation, UpdateEnrollmentMutationVariables>;
export const UpdateEnrollmentsDocument = {
  __meta__: { hash: 'sha256:0f582a411489d81c54f71b028b76ca065b08bad4b201480075cda6ef35bec830' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateEnrollments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'EnrollmentStatus' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'statusReason' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateEnrollments' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ids' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'statusReason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'statusReason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'succeeded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'failed' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<UpdateEnrollmentsMutation, UpdateEnrollmentsMutationVariables>;
