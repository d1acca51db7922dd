import { ArgsType, Field } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import { DateTimeScalar } from '../scalars.js';

/** The window of Device.telemetry. */
@ArgsType()
export class TelemetryWindowArgs {
  @Field(() => DateTimeScalar, {
    description: 'Start of the window (inclusive), sent to Flip as start_time.',
  })
  from!: Date;

  @Field(() => DateTimeScalar, {
    description: 'End of the window, sent to Flip as end_time; must be after from, else BAD_USER_INPUT.',
  })
  to!: Date;
}

/** BAD_USER_INPUT naming `to` unless the window is non-empty. */
export function validateTelemetryWindow({ from, to }: TelemetryWindowArgs): { from: Date; to: Date } {
  if (to.getTime() <= from.getTime()) {
    throw new ServiceError('BAD_USER_INPUT', '`to` must be after `from`', { fieldPaths: ['to'] });
  }
  return { from, to };
}
