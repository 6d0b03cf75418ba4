// The shape of our own field texts. Every text is written for PodLab (never copied from the upstream
// schema): what the field does, its default and unit, and a one-line YAML example.

export interface FieldDoc {
  /** What the field does, with its default and unit. */
  text: string;
  /** One line of YAML showing the field in use. */
  example: string;
  /** What each enum value means (for hover on a value and for completion items). */
  values?: Record<string, string>;
}

/** Texts per model type name (`Probe`, `Container` …) and field name. */
export type DocTable = Record<string, Record<string, FieldDoc>>;

export function d(text: string, example: string, values?: Record<string, string>): FieldDoc {
  return values ? { text, example, values } : { text, example };
}
