/**
 * A commissioning input full of personal data (names, email, street address), for the tests that
 * prove none of it is logged or stored by the audit trail. PERSONAL_VALUES are the strings that
 * must never appear.
 */
export const PERSONAL_COMMISSION_INPUT = {
  site: {
    id: 'oem-audit',
    firstName: 'Zelda',
    lastName: 'Quartermaine',
    email: 'zelda@example.test',
    streetAddress: '1 Hidden Way',
    stateCode: 'TX',
    zipCode: '88801',
  },
  devices: [
    {
      id: 'bat-audit',
      manufacturerName: 'DeviceMaker',
      productName: 'Model 1',
      serialNumber: 'SN-A',
      type: 'BATTERY' as const,
      batteryCapacityWh: 10_000,
      batteryPowerInputW: 5_000,
      batteryPowerOutputW: 5_000,
      installDate: '2024-01-01T00:00:00Z',
    },
  ],
};

export const PERSONAL_VALUES = ['Zelda', 'Quartermaine', 'zelda@example.test', 'Hidden Way'];
