import {
  buildASTSchema,
  buildSchema,
  findBreakingChanges,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { contractPath, emittedSchemaPath, readText } from './paths.js';

/** The whole contract, its query and mutation roots. */
function contractSchema(): GraphQLSchema {
  return buildASTSchema(parse(readText(contractPath)));
}

function emitted(): GraphQLSchema {
  return buildSchema(readText(emittedSchemaPath));
}

/** Every type, field, argument, input field and enum value of a schema, as `Type.field(arg)` names. */
function namesOf(schema: GraphQLSchema): string[] {
  const names: string[] = [];
  const userTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  for (const type of userTypes as GraphQLNamedType[]) {
    names.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        names.push(`${type.name}.${field.name}`);
        for (const arg of field.args) names.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) names.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) names.push(`${type.name}.${value.name}`);
    }
  }
  return names.sort();
}

describe('the emitted schema against the contract (schema/contract.graphql)', () => {
  it('has every type, field, argument and enum value of the contract, by name', () => {
    const have = new Set(namesOf(emitted()));
    expect(namesOf(contractSchema()).filter((name) => !have.has(name))).toEqual([]);
  });

  it('has no breaking change from the contract (graphql-js findBreakingChanges)', () => {
    expect(findBreakingChanges(contractSchema(), emitted())).toEqual([]);
  });
});
