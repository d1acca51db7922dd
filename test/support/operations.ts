/** GraphQL documents several test files send as they are (each file keeps its own otherwise). */

/** Selecting no relation: the write request itself reads nothing after the PATCH. */
export const UPDATE_ENROLLMENT = /* GraphQL */ `
  mutation ($input: UpdateEnrollmentInput!) {
    updateEnrollment(input: $input) {
      id
    }
  }
`;

export const UPDATE_ENROLLMENT_REASON = /* GraphQL */ `
  mutation ($input: UpdateEnrollmentInput!) {
    updateEnrollment(input: $input) {
      id
      statusReason
    }
  }
`;

export const FIRST_ENROLLMENT = /* GraphQL */ `
  query ($id: ID!) {
    program(id: $id) {
      enrollments(first: 1) {
        nodes {
          id
          statusReason
        }
      }
    }
  }
`;

export const PROGRAM_CHANGE_KINDS = /* GraphQL */ `
  subscription ($programId: ID!) {
    programChanges(programId: $programId) {
      kind
      targetIds
    }
  }
`;

export const PROGRAM_DEVICE_READINGS = /* GraphQL */ `
  subscription ($programId: ID!) {
    deviceTelemetry(programId: $programId) {
      deviceId
    }
  }
`;
