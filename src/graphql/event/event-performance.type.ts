import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "An event's results summed over its per-site participation rows (GET /v1/events/{id}/sites). Powers in W and energies in Wh, with the sign Flip reports them in; a row's unknown (null) value, e.g. the actuals before the event starts, counts as 0.",
})
export class EventPerformance {
  @Field(() => Int, { description: 'Sites Flip lists for the event (participating or not).' })
  targetedSiteCount!: number;

  @Field(() => Int, { description: 'Of those, the sites Flip reports as participating.' })
  participatingSiteCount!: number;

  @Field(() => Float, {
    description: 'Sum over the sites of the expected power, in W; 0 when none is known.',
  })
  expectedPowerW!: number;

  @Field(() => Float, {
    description: 'Sum over the sites of the measured power, in W; 0 when none is known.',
  })
  actualPowerW!: number;

  @Field(() => Float, {
    description: 'Sum over the sites of the expected energy, in Wh; 0 when none is known.',
  })
  expectedEnergyWh!: number;

  @Field(() => Float, {
    description: 'Sum over the sites of the measured energy, in Wh; 0 when none is known.',
  })
  actualEnergyWh!: number;
}
