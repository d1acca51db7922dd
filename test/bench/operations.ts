/** The GraphQL operations of the benchmark's scenarios (scenarios.ts). */

export const DASHBOARD = /* GraphQL */ `
  query Dashboard($programId: ID!) {
    program(id: $programId) {
      id
      name
      stats {
        enrollmentCount
        siteCount
        deviceCount
        byStatus {
          status
          count
        }
        activeBatteryCount
        activeBatteryCapacityWh
      }
      enrollments(first: 50) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          enrolledAt
          site {
            id
            firstName
            lastName
            city
            stateCode
            groups {
              id
              name
            }
          }
          devices {
            id
            type
            manufacturerName
            batteryCapacityWh
          }
        }
      }
    }
  }
`;

export const DETAIL = /* GraphQL */ `
  query EnrollmentDetail($id: ID!) {
    enrollment(id: $id) {
      id
      status
      statusReason
      enrolledAt
      program {
        id
        name
      }
      site {
        id
        firstName
        lastName
        city
        groups {
          id
          name
        }
      }
      devices {
        id
        type
        serialNumber
        batteryCapacityWh
        latestTelemetry {
          startTime
          batteryStateOfChargePercentage
          batteryPowerDischargeW
          gridPowerW
          isOnline
        }
      }
    }
  }
`;

export const LARGE_PAGE = /* GraphQL */ `
  query LargeProgramPage($programId: ID!) {
    program(id: $programId) {
      stats {
        enrollmentCount
        byStatus {
          status
          count
        }
      }
      enrollments(first: 50, filter: { status: [PAUSED] }) {
        totalCount
        nodes {
          id
          status
          site {
            id
            city
          }
          devices {
            id
            type
          }
        }
      }
    }
  }
`;

export const PREVIEW = /* GraphQL */ `
  query Preview($input: DispatchEventInput!) {
    previewEvent(input: $input) {
      targetEnrollmentCount
      targetSiteCount
      targetDeviceCount
      dispatchablePowerW
      dispatchableEnergyWh
      warnings
    }
  }
`;

export const LATEST_TELEMETRY = /* GraphQL */ `
  query FleetTelemetry($programId: ID!, $first: Int!) {
    program(id: $programId) {
      enrollments(first: $first) {
        nodes {
          devices {
            id
            latestTelemetry {
              startTime
              batteryStateOfChargePercentage
              batteryPowerChargeW
              batteryPowerDischargeW
              isOnline
            }
          }
        }
      }
    }
  }
`;

export const STATUS_WRITE = /* GraphQL */ `
  mutation SetStatus($input: UpdateEnrollmentInput!) {
    updateEnrollment(input: $input) {
      id
      status
      statusReason
    }
  }
`;
