import { print } from 'graphql';
import { PreviewEventDocument, ProgramDashboardDocument } from '../../schema/client/graphql.js';

/**
 * The GraphQL operations of the benchmark's scenarios (scenarios.ts). The dashboard and the
 * preview are the repository's example operations (test/operations/), so the benchmark measures
 * what a frontend sends; the others are shaped for their scenario.
 */

export const DASHBOARD = print(ProgramDashboardDocument);
export const PREVIEW = print(PreviewEventDocument);

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
      }
      # This enrollment's groups: what the direct REST call shows. Site.groups reads every
      # configured program (a site may be enrolled in several; issue 14).
      groups {
        id
        name
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
