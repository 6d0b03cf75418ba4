// The scenario file's JSON Schema, generated from the zod model (scenario.ts) so that editors complete and check
// the same keys and values the simulator accepts. Input side: durations are numbers or strings, defaults optional.
import { z } from 'zod';
import { ScenarioSchema } from './scenario';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  description?: string;
  required?: string[];
};

let cached: JsonSchema | undefined;

export function scenarioJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return cached;
}

/** The schema at a path of keys and list indices (a list's items, a record's values), or undefined. */
export function jsonSchemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = root;
  for (const step of path) {
    if (!s) return undefined;
    if (typeof step === 'number') s = s.items;
    else
      s =
        s.properties?.[step] ??
        (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined) ??
        s.anyOf?.find((a) => a.properties?.[step])?.properties?.[step];
  }
  return s;
}
