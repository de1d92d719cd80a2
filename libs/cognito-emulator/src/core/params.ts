import { invalidParameter } from './errors';

export type Input = Record<string, unknown>;

function missing(name: string) {
  return invalidParameter(
    `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function asInput(body: unknown): Input {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw invalidParameter('Request body must be a JSON object.');
  return body as Input;
}

export function optString(
  input: Input,
  name: string,
  opts: { min?: number; max?: number } = {},
): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParameter(`${name} must be a string.`);
  if (opts.min !== undefined && v.length < opts.min) {
    throw invalidParameter(
      `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length greater than or equal to ${opts.min}`,
    );
  }
  if (opts.max !== undefined && v.length > opts.max) {
    throw invalidParameter(
      `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length less than or equal to ${opts.max}`,
    );
  }
  return v;
}

export function reqString(input: Input, name: string, opts: { min?: number; max?: number } = {}): string {
  const v = optString(input, name, { min: 1, ...opts });
  if (v === undefined) throw missing(name);
  return v;
}

export function optInt(input: Input, name: string, min: number, max: number): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidParameter(`${name} must be an integer.`);
  if (v < min) {
    throw invalidParameter(
      `1 validation error detected: Value '${v}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
    );
  }
  if (v > max) {
    throw invalidParameter(
      `1 validation error detected: Value '${v}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  }
  return v;
}

export function reqInt(input: Input, name: string, min: number, max: number): number {
  const v = optInt(input, name, min, max);
  if (v === undefined) throw missing(name);
  return v;
}

export function optBool(input: Input, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidParameter(`${name} must be a boolean.`);
  return v;
}

export function optStringList(input: Input, name: string): string[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw invalidParameter(`${name} must be a list of strings.`);
  return v as string[];
}

export function optObject(input: Input, name: string): Input | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParameter(`${name} must be an object.`);
  return v as Input;
}

export function optObjectList(input: Input, name: string): Input[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
    throw invalidParameter(`${name} must be a list of objects.`);
  }
  return v as Input[];
}

/** Name/Value pairs such as UserAttributes. */
export function optAttributeList(
  input: Input,
  name: string,
): Array<{ Name: string; Value: string }> | undefined {
  const list = optObjectList(input, name);
  if (!list) return undefined;
  return list.map((item) => {
    const attrName = reqString(item, 'Name', { max: 32 });
    const value = optString(item, 'Value', { max: 2048 }) ?? '';
    return { Name: attrName, Value: value };
  });
}

export function optStringMap(input: Input, name: string): Record<string, string> | undefined {
  const obj = optObject(input, name);
  if (!obj) return undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string') throw invalidParameter(`${name}.${k} must be a string.`);
  }
  return obj as Record<string, string>;
}
