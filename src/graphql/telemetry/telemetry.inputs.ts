import { ArgsType, Field } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import { DateTimeScalar } from '../scalars.js';

/** The window of Device.telemetry. */
@ArgsType()
export class TelemetryWindowArgs {
  @Field(() => DateTimeScalar, { description: 'Start of the window (inclusive): points whose startTime is at or after it.' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the window; must be after from, else BAD_USER_INPUT naming to.' })
  to!: Date;
}

/** BAD_USER_INPUT naming `to` unless the window is non-empty. */
export function validateTelemetryWindow({ from, to }: TelemetryWindowArgs): { from: Date; to: Date } {
  if (to.getTime() <= from.getTime()) {
    throw new ServiceError('BAD_USER_INPUT', '`to` must be after `from`', { fieldPaths: ['to'] });
  }
  return { from, to };
}
