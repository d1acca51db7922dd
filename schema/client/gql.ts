/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'mutation AddEnrollmentsToGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  addEnrollmentsToGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}': typeof types.AddEnrollmentsToGroupDocument;
  'mutation ApproveEnrollment($id: ID!, $reason: String) {\n  approveEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n  }\n}': typeof types.ApproveEnrollmentDocument;
  'mutation CancelEvent($id: ID!) {\n  cancelEvent(id: $id)\n}': typeof types.CancelEventDocument;
  'mutation CommissionSite($input: CommissionSiteInput!) {\n  commissionSite(input: $input) {\n    programs {\n      id\n      name\n      canAutoEnroll\n      enrollmentForm {\n        name\n        label\n        type\n        hint\n      }\n      termsAndConditionsVersion\n      termsAndConditionsText\n      createdAt\n      updatedAt\n    }\n    enrollmentId\n    enrollmentStatus\n    enrollment {\n      id\n      programId\n      siteId\n      deviceIds\n      enrollMethod\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n  }\n}': typeof types.CommissionSiteDocument;
  'mutation CreateGroup($input: CreateGroupInput!) {\n  createGroup(input: $input) {\n    id\n    programId\n    name\n    program {\n      id\n    }\n  }\n}': typeof types.CreateGroupDocument;
  'mutation DeleteGroup($programId: ID!, $id: ID!) {\n  deleteGroup(programId: $programId, id: $id)\n}': typeof types.DeleteGroupDocument;
  'subscription DeviceTelemetryLive($programId: ID!, $deviceIds: [ID!]) {\n  deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {\n    deviceId\n    startTime\n    durationS\n    batteryStateOfChargePercentage\n    batteryPowerChargeW\n    batteryPowerDischargeW\n    gridPowerW\n    solarPowerW\n    isOnline\n    mode\n  }\n}': typeof types.DeviceTelemetryLiveDocument;
  'query DeviceTelemetry($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n  device(id: $deviceId) {\n    id\n    type\n    site {\n      id\n    }\n    telemetry(from: $from, to: $to) {\n      startTime\n      durationS\n      batteryStateOfChargePercentage\n      batteryPowerChargeW\n      batteryPowerDischargeW\n      gridPowerW\n      homePowerW\n      solarPowerW\n      isOnline\n      mode\n    }\n  }\n}': typeof types.DeviceTelemetryDocument;
  'mutation DispatchEvent($input: DispatchEventInput!, $idempotencyKey: String!) {\n  dispatchEvent(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    programId\n    targetType\n    targetIds\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n    startsAt\n    endsAt\n    status\n  }\n}': typeof types.DispatchEventDocument;
  'query EligiblePrograms($deviceType: DeviceType!, $totalCapacityWh: Int!, $totalPowerW: Int!) {\n  eligiblePrograms(\n    deviceType: $deviceType\n    totalCapacityWh: $totalCapacityWh\n    totalPowerW: $totalPowerW\n  ) {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    canAutoEnroll\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n    program {\n      id\n      name\n    }\n  }\n}': typeof types.EligibleProgramsDocument;
  'query EnrollmentDetail($id: ID!) {\n  enrollment(id: $id) {\n    id\n    status\n    statusReason\n    enrolledAt\n    unenrolledAt\n    createdAt\n    updatedAt\n    program {\n      id\n      name\n    }\n    programSpecificAttributes {\n      name\n      type\n      value\n    }\n    site {\n      id\n      firstName\n      lastName\n      email\n    }\n    groups {\n      programId\n      id\n      name\n    }\n    devices {\n      id\n      type\n      serialNumber\n      batteryCapacityWh\n    }\n  }\n}': typeof types.EnrollmentDetailDocument;
  'query EnrollmentReviewQueue($programId: ID!, $status: [EnrollmentStatus!] = [PENDING, NEEDS_ACTION], $search: String, $first: Int = 25, $after: String, $orderBy: EnrollmentOrder = {field: CREATED_AT, direction: ASC}) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {status: $status, search: $search}\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          statusReason\n          createdAt\n          updatedAt\n          programSpecificAttributes {\n            name\n            type\n            value\n          }\n          site {\n            id\n            firstName\n            lastName\n            companyName\n            email\n            streetAddress\n            streetAddress2\n            city\n            stateCode\n            zipCode\n            serviceAccountId\n          }\n          devices {\n            id\n            type\n            manufacturerName\n            productName\n            serialNumber\n            installDate\n            batteryCapacityWh\n            batteryPowerInputW\n            batteryPowerOutputW\n          }\n        }\n      }\n    }\n  }\n}': typeof types.EnrollmentReviewQueueDocument;
  'query EnrollmentSearch($programId: ID!, $search: String, $manufacturerNames: [String!], $zipCodes: [String!], $enrolledAfter: DateTime, $enrolledBefore: DateTime, $first: Int, $after: String) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {search: $search, manufacturerNames: $manufacturerNames, zipCodes: $zipCodes, enrolledAfter: $enrolledAfter, enrolledBefore: $enrolledBefore}\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        site {\n          id\n          firstName\n          lastName\n          zipCode\n        }\n      }\n    }\n  }\n}': typeof types.EnrollmentSearchDocument;
  'query EventDetail($id: ID!) {\n  event(id: $id) {\n    id\n    programId\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    sites {\n      siteId\n      isParticipating\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n      site {\n        id\n        firstName\n        lastName\n        companyName\n      }\n    }\n  }\n}': typeof types.EventDetailDocument;
  'subscription EventProgress($id: ID!) {\n  eventProgress(id: $id) {\n    eventId\n    status\n    at\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n  }\n}': typeof types.EventProgressDocument;
  'query EventResults($id: ID!, $first: Int, $after: String, $participating: Boolean) {\n  event(id: $id) {\n    id\n    status\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n    siteParticipations(first: $first, after: $after, participating: $participating) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        siteId\n        isParticipating\n        actualEnergyWh\n      }\n    }\n    missingTargetCount\n    targets {\n      __typename\n      ... on Program {\n        id\n        name\n      }\n      ... on Group {\n        programId\n        id\n        name\n      }\n      ... on Site {\n        id\n      }\n      ... on Device {\n        id\n        type\n      }\n    }\n  }\n}': typeof types.EventResultsDocument;
  'query EventsList($programId: ID, $status: [EventStatus!]) {\n  events(programId: $programId, status: $status) {\n    id\n    programId\n    program {\n      id\n      name\n    }\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    durationS\n    createdAt\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n  }\n}': typeof types.EventsListDocument;
  'query EventsPage($programId: ID, $status: [EventStatus!], $startsAfter: DateTime, $startsBefore: DateTime, $targetType: EventTargetType, $first: Int, $after: String) {\n  eventConnection(\n    programId: $programId\n    status: $status\n    startsAfter: $startsAfter\n    startsBefore: $startsBefore\n    targetType: $targetType\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        programId\n        status\n        targetType\n        startsAt\n      }\n    }\n  }\n}': typeof types.EventsPageDocument;
  'query FleetOverview {\n  programs {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCapacityWh\n      activeBatteryPowerOutputW\n    }\n  }\n}': typeof types.FleetOverviewDocument;
  'query GroupManagement($programId: ID!) {\n  program(id: $programId) {\n    id\n    name\n    groups {\n      id\n      programId\n      name\n      stats {\n        enrollmentCount\n        siteCount\n        deviceCount\n        byStatus {\n          status\n          count\n        }\n        activeBatteryCount\n        activeBatteryCapacityWh\n        activeBatteryPowerInputW\n        activeBatteryPowerOutputW\n      }\n    }\n  }\n}': typeof types.GroupManagementDocument;
  'mutation PauseEnrollment($id: ID!, $reason: String) {\n  pauseEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n    program {\n      id\n      stats {\n        byStatus {\n          status\n          count\n        }\n      }\n    }\n  }\n}': typeof types.PauseEnrollmentDocument;
  'query PreviewEvent($input: DispatchEventInput!) {\n  previewEvent(input: $input) {\n    targetEnrollmentCount\n    targetSiteCount\n    targetDeviceCount\n    dispatchablePowerW\n    dispatchableEnergyWh\n    warnings\n    issues {\n      code\n      message\n      count\n      ids\n    }\n  }\n}': typeof types.PreviewEventDocument;
  'subscription ProgramChanges($programId: ID!) {\n  programChanges(programId: $programId) {\n    programId\n    kind\n    operation\n    targetIds\n    callerId\n    at\n  }\n}': typeof types.ProgramChangesDocument;
  'query ProgramDashboard($programId: ID!, $first: Int = 50, $after: String) {\n  program(id: $programId) {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCount\n      activeBatteryCapacityWh\n      activeBatteryPowerInputW\n      activeBatteryPowerOutputW\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        createdAt\n        site {\n          id\n          firstName\n          lastName\n          companyName\n          city\n          stateCode\n        }\n        groups {\n          programId\n          id\n          name\n        }\n        devices {\n          id\n          type\n          manufacturerName\n          productName\n          batteryCapacityWh\n        }\n      }\n    }\n  }\n}': typeof types.ProgramDashboardDocument;
  'query ProgramDetails {\n  programs {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n  }\n}': typeof types.ProgramDetailsDocument;
  'mutation RemoveEnrollmentsFromGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  removeEnrollmentsFromGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}': typeof types.RemoveEnrollmentsFromGroupDocument;
  'mutation RenameGroup($programId: ID!, $id: ID!, $name: String!) {\n  renameGroup(programId: $programId, id: $id, name: $name) {\n    id\n    programId\n    name\n  }\n}': typeof types.RenameGroupDocument;
  'query SiteDetail($siteId: ID!) {\n  site(id: $siteId) {\n    id\n    firstName\n    lastName\n    companyName\n    email\n    streetAddress\n    streetAddress2\n    city\n    stateCode\n    zipCode\n    serviceAccountId\n    createdAt\n    updatedAt\n    groups {\n      programId\n      id\n      name\n    }\n    enrollments {\n      id\n      program {\n        id\n        name\n      }\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n    devices {\n      id\n      type\n      manufacturerName\n      productName\n      serialNumber\n      installDate\n      batteryCapacityWh\n      batteryPowerInputW\n      batteryPowerOutputW\n      reservePercentage\n      latestTelemetry {\n        deviceId\n        startTime\n        durationS\n        batteryStateOfChargePercentage\n        batteryBackupReservePercentage\n        batteryPowerChargeW\n        batteryPowerDischargeW\n        gridPowerW\n        homePowerW\n        solarPowerW\n        isOnline\n        mode\n      }\n    }\n  }\n}': typeof types.SiteDetailDocument;
  'query SiteEventHistory($siteId: ID!, $first: Int, $after: String, $status: [EventStatus!]) {\n  site(id: $siteId) {\n    id\n    events(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        programId\n        status\n        targetType\n        startsAt\n        canceledAt\n      }\n    }\n  }\n}': typeof types.SiteEventHistoryDocument;
  'mutation UpdateEnrollment($input: UpdateEnrollmentInput!) {\n  updateEnrollment(input: $input) {\n    id\n    status\n    statusReason\n    groups {\n      programId\n      id\n      name\n    }\n  }\n}': typeof types.UpdateEnrollmentDocument;
  'mutation UpdateEnrollments($ids: [ID!]!, $status: EnrollmentStatus!, $statusReason: String) {\n  updateEnrollments(ids: $ids, status: $status, statusReason: $statusReason) {\n    succeeded {\n      id\n      status\n      statusReason\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}': typeof types.UpdateEnrollmentsDocument;
};
const documents: Documents = {
  'mutation AddEnrollmentsToGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  addEnrollmentsToGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}':
    types.AddEnrollmentsToGroupDocument,
  'mutation ApproveEnrollment($id: ID!, $reason: String) {\n  approveEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n  }\n}':
    types.ApproveEnrollmentDocument,
  'mutation CancelEvent($id: ID!) {\n  cancelEvent(id: $id)\n}': types.CancelEventDocument,
  'mutation CommissionSite($input: CommissionSiteInput!) {\n  commissionSite(input: $input) {\n    programs {\n      id\n      name\n      canAutoEnroll\n      enrollmentForm {\n        name\n        label\n        type\n        hint\n      }\n      termsAndConditionsVersion\n      termsAndConditionsText\n      createdAt\n      updatedAt\n    }\n    enrollmentId\n    enrollmentStatus\n    enrollment {\n      id\n      programId\n      siteId\n      deviceIds\n      enrollMethod\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n  }\n}':
    types.CommissionSiteDocument,
  'mutation CreateGroup($input: CreateGroupInput!) {\n  createGroup(input: $input) {\n    id\n    programId\n    name\n    program {\n      id\n    }\n  }\n}':
    types.CreateGroupDocument,
  'mutation DeleteGroup($programId: ID!, $id: ID!) {\n  deleteGroup(programId: $programId, id: $id)\n}':
    types.DeleteGroupDocument,
  'subscription DeviceTelemetryLive($programId: ID!, $deviceIds: [ID!]) {\n  deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {\n    deviceId\n    startTime\n    durationS\n    batteryStateOfChargePercentage\n    batteryPowerChargeW\n    batteryPowerDischargeW\n    gridPowerW\n    solarPowerW\n    isOnline\n    mode\n  }\n}':
    types.DeviceTelemetryLiveDocument,
  'query DeviceTelemetry($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n  device(id: $deviceId) {\n    id\n    type\n    site {\n      id\n    }\n    telemetry(from: $from, to: $to) {\n      startTime\n      durationS\n      batteryStateOfChargePercentage\n      batteryPowerChargeW\n      batteryPowerDischargeW\n      gridPowerW\n      homePowerW\n      solarPowerW\n      isOnline\n      mode\n    }\n  }\n}':
    types.DeviceTelemetryDocument,
  'mutation DispatchEvent($input: DispatchEventInput!, $idempotencyKey: String!) {\n  dispatchEvent(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    programId\n    targetType\n    targetIds\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n    startsAt\n    endsAt\n    status\n  }\n}':
    types.DispatchEventDocument,
  'query EligiblePrograms($deviceType: DeviceType!, $totalCapacityWh: Int!, $totalPowerW: Int!) {\n  eligiblePrograms(\n    deviceType: $deviceType\n    totalCapacityWh: $totalCapacityWh\n    totalPowerW: $totalPowerW\n  ) {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    canAutoEnroll\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n    program {\n      id\n      name\n    }\n  }\n}':
    types.EligibleProgramsDocument,
  'query EnrollmentDetail($id: ID!) {\n  enrollment(id: $id) {\n    id\n    status\n    statusReason\n    enrolledAt\n    unenrolledAt\n    createdAt\n    updatedAt\n    program {\n      id\n      name\n    }\n    programSpecificAttributes {\n      name\n      type\n      value\n    }\n    site {\n      id\n      firstName\n      lastName\n      email\n    }\n    groups {\n      programId\n      id\n      name\n    }\n    devices {\n      id\n      type\n      serialNumber\n      batteryCapacityWh\n    }\n  }\n}':
    types.EnrollmentDetailDocument,
  'query EnrollmentReviewQueue($programId: ID!, $status: [EnrollmentStatus!] = [PENDING, NEEDS_ACTION], $search: String, $first: Int = 25, $after: String, $orderBy: EnrollmentOrder = {field: CREATED_AT, direction: ASC}) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {status: $status, search: $search}\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          statusReason\n          createdAt\n          updatedAt\n          programSpecificAttributes {\n            name\n            type\n            value\n          }\n          site {\n            id\n            firstName\n            lastName\n            companyName\n            email\n            streetAddress\n            streetAddress2\n            city\n            stateCode\n            zipCode\n            serviceAccountId\n          }\n          devices {\n            id\n            type\n            manufacturerName\n            productName\n            serialNumber\n            installDate\n            batteryCapacityWh\n            batteryPowerInputW\n            batteryPowerOutputW\n          }\n        }\n      }\n    }\n  }\n}':
    types.EnrollmentReviewQueueDocument,
  'query EnrollmentSearch($programId: ID!, $search: String, $manufacturerNames: [String!], $zipCodes: [String!], $enrolledAfter: DateTime, $enrolledBefore: DateTime, $first: Int, $after: String) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {search: $search, manufacturerNames: $manufacturerNames, zipCodes: $zipCodes, enrolledAfter: $enrolledAfter, enrolledBefore: $enrolledBefore}\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        site {\n          id\n          firstName\n          lastName\n          zipCode\n        }\n      }\n    }\n  }\n}':
    types.EnrollmentSearchDocument,
  'query EventDetail($id: ID!) {\n  event(id: $id) {\n    id\n    programId\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    sites {\n      siteId\n      isParticipating\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n      site {\n        id\n        firstName\n        lastName\n        companyName\n      }\n    }\n  }\n}':
    types.EventDetailDocument,
  'subscription EventProgress($id: ID!) {\n  eventProgress(id: $id) {\n    eventId\n    status\n    at\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n  }\n}':
    types.EventProgressDocument,
  'query EventResults($id: ID!, $first: Int, $after: String, $participating: Boolean) {\n  event(id: $id) {\n    id\n    status\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n    siteParticipations(first: $first, after: $after, participating: $participating) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        siteId\n        isParticipating\n        actualEnergyWh\n      }\n    }\n    missingTargetCount\n    targets {\n      __typename\n      ... on Program {\n        id\n        name\n      }\n      ... on Group {\n        programId\n        id\n        name\n      }\n      ... on Site {\n        id\n      }\n      ... on Device {\n        id\n        type\n      }\n    }\n  }\n}':
    types.EventResultsDocument,
  'query EventsList($programId: ID, $status: [EventStatus!]) {\n  events(programId: $programId, status: $status) {\n    id\n    programId\n    program {\n      id\n      name\n    }\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    durationS\n    createdAt\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n  }\n}':
    types.EventsListDocument,
  'query EventsPage($programId: ID, $status: [EventStatus!], $startsAfter: DateTime, $startsBefore: DateTime, $targetType: EventTargetType, $first: Int, $after: String) {\n  eventConnection(\n    programId: $programId\n    status: $status\n    startsAfter: $startsAfter\n    startsBefore: $startsBefore\n    targetType: $targetType\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        programId\n        status\n        targetType\n        startsAt\n      }\n    }\n  }\n}':
    types.EventsPageDocument,
  'query FleetOverview {\n  programs {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCapacityWh\n      activeBatteryPowerOutputW\n    }\n  }\n}':
    types.FleetOverviewDocument,
  'query GroupManagement($programId: ID!) {\n  program(id: $programId) {\n    id\n    name\n    groups {\n      id\n      programId\n      name\n      stats {\n        enrollmentCount\n        siteCount\n        deviceCount\n        byStatus {\n          status\n          count\n        }\n        activeBatteryCount\n        activeBatteryCapacityWh\n        activeBatteryPowerInputW\n        activeBatteryPowerOutputW\n      }\n    }\n  }\n}':
    types.GroupManagementDocument,
  'mutation PauseEnrollment($id: ID!, $reason: String) {\n  pauseEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n    program {\n      id\n      stats {\n        byStatus {\n          status\n          count\n        }\n      }\n    }\n  }\n}':
    types.PauseEnrollmentDocument,
  'query PreviewEvent($input: DispatchEventInput!) {\n  previewEvent(input: $input) {\n    targetEnrollmentCount\n    targetSiteCount\n    targetDeviceCount\n    dispatchablePowerW\n    dispatchableEnergyWh\n    warnings\n    issues {\n      code\n      message\n      count\n      ids\n    }\n  }\n}':
    types.PreviewEventDocument,
  'subscription ProgramChanges($programId: ID!) {\n  programChanges(programId: $programId) {\n    programId\n    kind\n    operation\n    targetIds\n    callerId\n    at\n  }\n}':
    types.ProgramChangesDocument,
  'query ProgramDashboard($programId: ID!, $first: Int = 50, $after: String) {\n  program(id: $programId) {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCount\n      activeBatteryCapacityWh\n      activeBatteryPowerInputW\n      activeBatteryPowerOutputW\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        createdAt\n        site {\n          id\n          firstName\n          lastName\n          companyName\n          city\n          stateCode\n        }\n        groups {\n          programId\n          id\n          name\n        }\n        devices {\n          id\n          type\n          manufacturerName\n          productName\n          batteryCapacityWh\n        }\n      }\n    }\n  }\n}':
    types.ProgramDashboardDocument,
  'query ProgramDetails {\n  programs {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n  }\n}':
    types.ProgramDetailsDocument,
  'mutation RemoveEnrollmentsFromGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  removeEnrollmentsFromGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}':
    types.RemoveEnrollmentsFromGroupDocument,
  'mutation RenameGroup($programId: ID!, $id: ID!, $name: String!) {\n  renameGroup(programId: $programId, id: $id, name: $name) {\n    id\n    programId\n    name\n  }\n}':
    types.RenameGroupDocument,
  'query SiteDetail($siteId: ID!) {\n  site(id: $siteId) {\n    id\n    firstName\n    lastName\n    companyName\n    email\n    streetAddress\n    streetAddress2\n    city\n    stateCode\n    zipCode\n    serviceAccountId\n    createdAt\n    updatedAt\n    groups {\n      programId\n      id\n      name\n    }\n    enrollments {\n      id\n      program {\n        id\n        name\n      }\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n    devices {\n      id\n      type\n      manufacturerName\n      productName\n      serialNumber\n      installDate\n      batteryCapacityWh\n      batteryPowerInputW\n      batteryPowerOutputW\n      reservePercentage\n      latestTelemetry {\n        deviceId\n        startTime\n        durationS\n        batteryStateOfChargePercentage\n        batteryBackupReservePercentage\n        batteryPowerChargeW\n        batteryPowerDischargeW\n        gridPowerW\n        homePowerW\n        solarPowerW\n        isOnline\n        mode\n      }\n    }\n  }\n}':
    types.SiteDetailDocument,
  'query SiteEventHistory($siteId: ID!, $first: Int, $after: String, $status: [EventStatus!]) {\n  site(id: $siteId) {\n    id\n    events(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        programId\n        status\n        targetType\n        startsAt\n        canceledAt\n      }\n    }\n  }\n}':
    types.SiteEventHistoryDocument,
  'mutation UpdateEnrollment($input: UpdateEnrollmentInput!) {\n  updateEnrollment(input: $input) {\n    id\n    status\n    statusReason\n    groups {\n      programId\n      id\n      name\n    }\n  }\n}':
    types.UpdateEnrollmentDocument,
  'mutation UpdateEnrollments($ids: [ID!]!, $status: EnrollmentStatus!, $statusReason: String) {\n  updateEnrollments(ids: $ids, status: $status, statusReason: $statusReason) {\n    succeeded {\n      id\n      status\n      statusReason\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}':
    types.UpdateEnrollmentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AddEnrollmentsToGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  addEnrollmentsToGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}',
): (typeof documents)['mutation AddEnrollmentsToGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  addEnrollmentsToGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ApproveEnrollment($id: ID!, $reason: String) {\n  approveEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n  }\n}',
): (typeof documents)['mutation ApproveEnrollment($id: ID!, $reason: String) {\n  approveEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CancelEvent($id: ID!) {\n  cancelEvent(id: $id)\n}',
): (typeof documents)['mutation CancelEvent($id: ID!) {\n  cancelEvent(id: $id)\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CommissionSite($input: CommissionSiteInput!) {\n  commissionSite(input: $input) {\n    programs {\n      id\n      name\n      canAutoEnroll\n      enrollmentForm {\n        name\n        label\n        type\n        hint\n      }\n      termsAndConditionsVersion\n      termsAndConditionsText\n      createdAt\n      updatedAt\n    }\n    enrollmentId\n    enrollmentStatus\n    enrollment {\n      id\n      programId\n      siteId\n      deviceIds\n      enrollMethod\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n  }\n}',
): (typeof documents)['mutation CommissionSite($input: CommissionSiteInput!) {\n  commissionSite(input: $input) {\n    programs {\n      id\n      name\n      canAutoEnroll\n      enrollmentForm {\n        name\n        label\n        type\n        hint\n      }\n      termsAndConditionsVersion\n      termsAndConditionsText\n      createdAt\n      updatedAt\n    }\n    enrollmentId\n    enrollmentStatus\n    enrollment {\n      id\n      programId\n      siteId\n      deviceIds\n      enrollMethod\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CreateGroup($input: CreateGroupInput!) {\n  createGroup(input: $input) {\n    id\n    programId\n    name\n    program {\n      id\n    }\n  }\n}',
): (typeof documents)['mutation CreateGroup($input: CreateGroupInput!) {\n  createGroup(input: $input) {\n    id\n    programId\n    name\n    program {\n      id\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation DeleteGroup($programId: ID!, $id: ID!) {\n  deleteGroup(programId: $programId, id: $id)\n}',
): (typeof documents)['mutation DeleteGroup($programId: ID!, $id: ID!) {\n  deleteGroup(programId: $programId, id: $id)\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription DeviceTelemetryLive($programId: ID!, $deviceIds: [ID!]) {\n  deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {\n    deviceId\n    startTime\n    durationS\n    batteryStateOfChargePercentage\n    batteryPowerChargeW\n    batteryPowerDischargeW\n    gridPowerW\n    solarPowerW\n    isOnline\n    mode\n  }\n}',
): (typeof documents)['subscription DeviceTelemetryLive($programId: ID!, $deviceIds: [ID!]) {\n  deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {\n    deviceId\n    startTime\n    durationS\n    batteryStateOfChargePercentage\n    batteryPowerChargeW\n    batteryPowerDischargeW\n    gridPowerW\n    solarPowerW\n    isOnline\n    mode\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DeviceTelemetry($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n  device(id: $deviceId) {\n    id\n    type\n    site {\n      id\n    }\n    telemetry(from: $from, to: $to) {\n      startTime\n      durationS\n      batteryStateOfChargePercentage\n      batteryPowerChargeW\n      batteryPowerDischargeW\n      gridPowerW\n      homePowerW\n      solarPowerW\n      isOnline\n      mode\n    }\n  }\n}',
): (typeof documents)['query DeviceTelemetry($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n  device(id: $deviceId) {\n    id\n    type\n    site {\n      id\n    }\n    telemetry(from: $from, to: $to) {\n      startTime\n      durationS\n      batteryStateOfChargePercentage\n      batteryPowerChargeW\n      batteryPowerDischargeW\n      gridPowerW\n      homePowerW\n      solarPowerW\n      isOnline\n      mode\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation DispatchEvent($input: DispatchEventInput!, $idempotencyKey: String!) {\n  dispatchEvent(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    programId\n    targetType\n    targetIds\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n    startsAt\n    endsAt\n    status\n  }\n}',
): (typeof documents)['mutation DispatchEvent($input: DispatchEventInput!, $idempotencyKey: String!) {\n  dispatchEvent(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    programId\n    targetType\n    targetIds\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n    startsAt\n    endsAt\n    status\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EligiblePrograms($deviceType: DeviceType!, $totalCapacityWh: Int!, $totalPowerW: Int!) {\n  eligiblePrograms(\n    deviceType: $deviceType\n    totalCapacityWh: $totalCapacityWh\n    totalPowerW: $totalPowerW\n  ) {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    canAutoEnroll\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n    program {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['query EligiblePrograms($deviceType: DeviceType!, $totalCapacityWh: Int!, $totalPowerW: Int!) {\n  eligiblePrograms(\n    deviceType: $deviceType\n    totalCapacityWh: $totalCapacityWh\n    totalPowerW: $totalPowerW\n  ) {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    canAutoEnroll\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n    program {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EnrollmentDetail($id: ID!) {\n  enrollment(id: $id) {\n    id\n    status\n    statusReason\n    enrolledAt\n    unenrolledAt\n    createdAt\n    updatedAt\n    program {\n      id\n      name\n    }\n    programSpecificAttributes {\n      name\n      type\n      value\n    }\n    site {\n      id\n      firstName\n      lastName\n      email\n    }\n    groups {\n      programId\n      id\n      name\n    }\n    devices {\n      id\n      type\n      serialNumber\n      batteryCapacityWh\n    }\n  }\n}',
): (typeof documents)['query EnrollmentDetail($id: ID!) {\n  enrollment(id: $id) {\n    id\n    status\n    statusReason\n    enrolledAt\n    unenrolledAt\n    createdAt\n    updatedAt\n    program {\n      id\n      name\n    }\n    programSpecificAttributes {\n      name\n      type\n      value\n    }\n    site {\n      id\n      firstName\n      lastName\n      email\n    }\n    groups {\n      programId\n      id\n      name\n    }\n    devices {\n      id\n      type\n      serialNumber\n      batteryCapacityWh\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EnrollmentReviewQueue($programId: ID!, $status: [EnrollmentStatus!] = [PENDING, NEEDS_ACTION], $search: String, $first: Int = 25, $after: String, $orderBy: EnrollmentOrder = {field: CREATED_AT, direction: ASC}) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {status: $status, search: $search}\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          statusReason\n          createdAt\n          updatedAt\n          programSpecificAttributes {\n            name\n            type\n            value\n          }\n          site {\n            id\n            firstName\n            lastName\n            companyName\n            email\n            streetAddress\n            streetAddress2\n            city\n            stateCode\n            zipCode\n            serviceAccountId\n          }\n          devices {\n            id\n            type\n            manufacturerName\n            productName\n            serialNumber\n            installDate\n            batteryCapacityWh\n            batteryPowerInputW\n            batteryPowerOutputW\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query EnrollmentReviewQueue($programId: ID!, $status: [EnrollmentStatus!] = [PENDING, NEEDS_ACTION], $search: String, $first: Int = 25, $after: String, $orderBy: EnrollmentOrder = {field: CREATED_AT, direction: ASC}) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {status: $status, search: $search}\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          statusReason\n          createdAt\n          updatedAt\n          programSpecificAttributes {\n            name\n            type\n            value\n          }\n          site {\n            id\n            firstName\n            lastName\n            companyName\n            email\n            streetAddress\n            streetAddress2\n            city\n            stateCode\n            zipCode\n            serviceAccountId\n          }\n          devices {\n            id\n            type\n            manufacturerName\n            productName\n            serialNumber\n            installDate\n            batteryCapacityWh\n            batteryPowerInputW\n            batteryPowerOutputW\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EnrollmentSearch($programId: ID!, $search: String, $manufacturerNames: [String!], $zipCodes: [String!], $enrolledAfter: DateTime, $enrolledBefore: DateTime, $first: Int, $after: String) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {search: $search, manufacturerNames: $manufacturerNames, zipCodes: $zipCodes, enrolledAfter: $enrolledAfter, enrolledBefore: $enrolledBefore}\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        site {\n          id\n          firstName\n          lastName\n          zipCode\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query EnrollmentSearch($programId: ID!, $search: String, $manufacturerNames: [String!], $zipCodes: [String!], $enrolledAfter: DateTime, $enrolledBefore: DateTime, $first: Int, $after: String) {\n  program(id: $programId) {\n    id\n    enrollments(\n      first: $first\n      after: $after\n      filter: {search: $search, manufacturerNames: $manufacturerNames, zipCodes: $zipCodes, enrolledAfter: $enrolledAfter, enrolledBefore: $enrolledBefore}\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        site {\n          id\n          firstName\n          lastName\n          zipCode\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EventDetail($id: ID!) {\n  event(id: $id) {\n    id\n    programId\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    sites {\n      siteId\n      isParticipating\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n      site {\n        id\n        firstName\n        lastName\n        companyName\n      }\n    }\n  }\n}',
): (typeof documents)['query EventDetail($id: ID!) {\n  event(id: $id) {\n    id\n    programId\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    sites {\n      siteId\n      isParticipating\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n      site {\n        id\n        firstName\n        lastName\n        companyName\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription EventProgress($id: ID!) {\n  eventProgress(id: $id) {\n    eventId\n    status\n    at\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n  }\n}',
): (typeof documents)['subscription EventProgress($id: ID!) {\n  eventProgress(id: $id) {\n    eventId\n    status\n    at\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EventResults($id: ID!, $first: Int, $after: String, $participating: Boolean) {\n  event(id: $id) {\n    id\n    status\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n    siteParticipations(first: $first, after: $after, participating: $participating) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        siteId\n        isParticipating\n        actualEnergyWh\n      }\n    }\n    missingTargetCount\n    targets {\n      __typename\n      ... on Program {\n        id\n        name\n      }\n      ... on Group {\n        programId\n        id\n        name\n      }\n      ... on Site {\n        id\n      }\n      ... on Device {\n        id\n        type\n      }\n    }\n  }\n}',
): (typeof documents)['query EventResults($id: ID!, $first: Int, $after: String, $participating: Boolean) {\n  event(id: $id) {\n    id\n    status\n    performance {\n      targetedSiteCount\n      participatingSiteCount\n      expectedPowerW\n      actualPowerW\n      expectedEnergyWh\n      actualEnergyWh\n    }\n    siteParticipations(first: $first, after: $after, participating: $participating) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        siteId\n        isParticipating\n        actualEnergyWh\n      }\n    }\n    missingTargetCount\n    targets {\n      __typename\n      ... on Program {\n        id\n        name\n      }\n      ... on Group {\n        programId\n        id\n        name\n      }\n      ... on Site {\n        id\n      }\n      ... on Device {\n        id\n        type\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EventsList($programId: ID, $status: [EventStatus!]) {\n  events(programId: $programId, status: $status) {\n    id\n    programId\n    program {\n      id\n      name\n    }\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    durationS\n    createdAt\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n  }\n}',
): (typeof documents)['query EventsList($programId: ID, $status: [EventStatus!]) {\n  events(programId: $programId, status: $status) {\n    id\n    programId\n    program {\n      id\n      name\n    }\n    status\n    targetType\n    targetIds\n    startsAt\n    endsAt\n    durationS\n    createdAt\n    actions {\n      mode\n      startsAt\n      durationS\n      powerMode\n      setpointMode\n      setpointW\n      backupReservePercentage\n      enableGridImport\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query EventsPage($programId: ID, $status: [EventStatus!], $startsAfter: DateTime, $startsBefore: DateTime, $targetType: EventTargetType, $first: Int, $after: String) {\n  eventConnection(\n    programId: $programId\n    status: $status\n    startsAfter: $startsAfter\n    startsBefore: $startsBefore\n    targetType: $targetType\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        programId\n        status\n        targetType\n        startsAt\n      }\n    }\n  }\n}',
): (typeof documents)['query EventsPage($programId: ID, $status: [EventStatus!], $startsAfter: DateTime, $startsBefore: DateTime, $targetType: EventTargetType, $first: Int, $after: String) {\n  eventConnection(\n    programId: $programId\n    status: $status\n    startsAfter: $startsAfter\n    startsBefore: $startsBefore\n    targetType: $targetType\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        programId\n        status\n        targetType\n        startsAt\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query FleetOverview {\n  programs {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCapacityWh\n      activeBatteryPowerOutputW\n    }\n  }\n}',
): (typeof documents)['query FleetOverview {\n  programs {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCapacityWh\n      activeBatteryPowerOutputW\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query GroupManagement($programId: ID!) {\n  program(id: $programId) {\n    id\n    name\n    groups {\n      id\n      programId\n      name\n      stats {\n        enrollmentCount\n        siteCount\n        deviceCount\n        byStatus {\n          status\n          count\n        }\n        activeBatteryCount\n        activeBatteryCapacityWh\n        activeBatteryPowerInputW\n        activeBatteryPowerOutputW\n      }\n    }\n  }\n}',
): (typeof documents)['query GroupManagement($programId: ID!) {\n  program(id: $programId) {\n    id\n    name\n    groups {\n      id\n      programId\n      name\n      stats {\n        enrollmentCount\n        siteCount\n        deviceCount\n        byStatus {\n          status\n          count\n        }\n        activeBatteryCount\n        activeBatteryCapacityWh\n        activeBatteryPowerInputW\n        activeBatteryPowerOutputW\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation PauseEnrollment($id: ID!, $reason: String) {\n  pauseEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n    program {\n      id\n      stats {\n        byStatus {\n          status\n          count\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['mutation PauseEnrollment($id: ID!, $reason: String) {\n  pauseEnrollment(id: $id, reason: $reason) {\n    id\n    status\n    statusReason\n    program {\n      id\n      stats {\n        byStatus {\n          status\n          count\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query PreviewEvent($input: DispatchEventInput!) {\n  previewEvent(input: $input) {\n    targetEnrollmentCount\n    targetSiteCount\n    targetDeviceCount\n    dispatchablePowerW\n    dispatchableEnergyWh\n    warnings\n    issues {\n      code\n      message\n      count\n      ids\n    }\n  }\n}',
): (typeof documents)['query PreviewEvent($input: DispatchEventInput!) {\n  previewEvent(input: $input) {\n    targetEnrollmentCount\n    targetSiteCount\n    targetDeviceCount\n    dispatchablePowerW\n    dispatchableEnergyWh\n    warnings\n    issues {\n      code\n      message\n      count\n      ids\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription ProgramChanges($programId: ID!) {\n  programChanges(programId: $programId) {\n    programId\n    kind\n    operation\n    targetIds\n    callerId\n    at\n  }\n}',
): (typeof documents)['subscription ProgramChanges($programId: ID!) {\n  programChanges(programId: $programId) {\n    programId\n    kind\n    operation\n    targetIds\n    callerId\n    at\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ProgramDashboard($programId: ID!, $first: Int = 50, $after: String) {\n  program(id: $programId) {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCount\n      activeBatteryCapacityWh\n      activeBatteryPowerInputW\n      activeBatteryPowerOutputW\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        createdAt\n        site {\n          id\n          firstName\n          lastName\n          companyName\n          city\n          stateCode\n        }\n        groups {\n          programId\n          id\n          name\n        }\n        devices {\n          id\n          type\n          manufacturerName\n          productName\n          batteryCapacityWh\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query ProgramDashboard($programId: ID!, $first: Int = 50, $after: String) {\n  program(id: $programId) {\n    id\n    name\n    stats {\n      enrollmentCount\n      siteCount\n      deviceCount\n      byStatus {\n        status\n        count\n      }\n      activeBatteryCount\n      activeBatteryCapacityWh\n      activeBatteryPowerInputW\n      activeBatteryPowerOutputW\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        enrolledAt\n        createdAt\n        site {\n          id\n          firstName\n          lastName\n          companyName\n          city\n          stateCode\n        }\n        groups {\n          programId\n          id\n          name\n        }\n        devices {\n          id\n          type\n          manufacturerName\n          productName\n          batteryCapacityWh\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ProgramDetails {\n  programs {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n  }\n}',
): (typeof documents)['query ProgramDetails {\n  programs {\n    id\n    name\n    description\n    eligibleDeviceTypes\n    minimumReservePercentage\n    minimumCommitmentMonths\n    participationMonths\n    earningsForSiteUpfront\n    earningsForSiteYearly\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RemoveEnrollmentsFromGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  removeEnrollmentsFromGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}',
): (typeof documents)['mutation RemoveEnrollmentsFromGroup($programId: ID!, $groupId: ID!, $enrollmentIds: [ID!]!) {\n  removeEnrollmentsFromGroup(\n    programId: $programId\n    groupId: $groupId\n    enrollmentIds: $enrollmentIds\n  ) {\n    succeeded {\n      id\n      groups {\n        programId\n        id\n      }\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RenameGroup($programId: ID!, $id: ID!, $name: String!) {\n  renameGroup(programId: $programId, id: $id, name: $name) {\n    id\n    programId\n    name\n  }\n}',
): (typeof documents)['mutation RenameGroup($programId: ID!, $id: ID!, $name: String!) {\n  renameGroup(programId: $programId, id: $id, name: $name) {\n    id\n    programId\n    name\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteDetail($siteId: ID!) {\n  site(id: $siteId) {\n    id\n    firstName\n    lastName\n    companyName\n    email\n    streetAddress\n    streetAddress2\n    city\n    stateCode\n    zipCode\n    serviceAccountId\n    createdAt\n    updatedAt\n    groups {\n      programId\n      id\n      name\n    }\n    enrollments {\n      id\n      program {\n        id\n        name\n      }\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n    devices {\n      id\n      type\n      manufacturerName\n      productName\n      serialNumber\n      installDate\n      batteryCapacityWh\n      batteryPowerInputW\n      batteryPowerOutputW\n      reservePercentage\n      latestTelemetry {\n        deviceId\n        startTime\n        durationS\n        batteryStateOfChargePercentage\n        batteryBackupReservePercentage\n        batteryPowerChargeW\n        batteryPowerDischargeW\n        gridPowerW\n        homePowerW\n        solarPowerW\n        isOnline\n        mode\n      }\n    }\n  }\n}',
): (typeof documents)['query SiteDetail($siteId: ID!) {\n  site(id: $siteId) {\n    id\n    firstName\n    lastName\n    companyName\n    email\n    streetAddress\n    streetAddress2\n    city\n    stateCode\n    zipCode\n    serviceAccountId\n    createdAt\n    updatedAt\n    groups {\n      programId\n      id\n      name\n    }\n    enrollments {\n      id\n      program {\n        id\n        name\n      }\n      status\n      statusReason\n      enrolledAt\n      unenrolledAt\n    }\n    devices {\n      id\n      type\n      manufacturerName\n      productName\n      serialNumber\n      installDate\n      batteryCapacityWh\n      batteryPowerInputW\n      batteryPowerOutputW\n      reservePercentage\n      latestTelemetry {\n        deviceId\n        startTime\n        durationS\n        batteryStateOfChargePercentage\n        batteryBackupReservePercentage\n        batteryPowerChargeW\n        batteryPowerDischargeW\n        gridPowerW\n        homePowerW\n        solarPowerW\n        isOnline\n        mode\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteEventHistory($siteId: ID!, $first: Int, $after: String, $status: [EventStatus!]) {\n  site(id: $siteId) {\n    id\n    events(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        programId\n        status\n        targetType\n        startsAt\n        canceledAt\n      }\n    }\n  }\n}',
): (typeof documents)['query SiteEventHistory($siteId: ID!, $first: Int, $after: String, $status: [EventStatus!]) {\n  site(id: $siteId) {\n    id\n    events(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        programId\n        status\n        targetType\n        startsAt\n        canceledAt\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation UpdateEnrollment($input: UpdateEnrollmentInput!) {\n  updateEnrollment(input: $input) {\n    id\n    status\n    statusReason\n    groups {\n      programId\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['mutation UpdateEnrollment($input: UpdateEnrollmentInput!) {\n  updateEnrollment(input: $input) {\n    id\n    status\n    statusReason\n    groups {\n      programId\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation UpdateEnrollments($ids: [ID!]!, $status: EnrollmentStatus!, $statusReason: String) {\n  updateEnrollments(ids: $ids, status: $status, statusReason: $statusReason) {\n    succeeded {\n      id\n      status\n      statusReason\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}',
): (typeof documents)['mutation UpdateEnrollments($ids: [ID!]!, $status: EnrollmentStatus!, $statusReason: String) {\n  updateEnrollments(ids: $ids, status: $status, statusReason: $statusReason) {\n    succeeded {\n      id\n      status\n      statusReason\n    }\n    failed {\n      id\n      code\n      message\n    }\n  }\n}'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
