/**
 * Parameter schemas per endpoint, so that a request Stripe would refuse (an unknown
 * or misspelt field, a missing one, text where a number belongs) is refused here too,
 * with Stripe's message, code and `param` path.
 */
import { paramError } from "./errors";
import type { FormTree, FormValue } from "./form";

export type Spec =
  | { t: "string"; enum?: readonly string[]; maxLength?: number }
  | { t: "integer"; min?: number }
  | { t: "boolean" }
  | { t: "metadata" }
  | { t: "object"; fields: Record<string, Spec>; required?: readonly string[] }
  | { t: "array"; of: Spec; maxItems?: number };

export const str = (opts: { enum?: readonly string[]; maxLength?: number } = {}): Spec => ({ t: "string", ...opts });
export const int = (min?: number): Spec => ({ t: "integer", ...(min === undefined ? {} : { min }) });
export const bool: Spec = { t: "boolean" };
export const metadata: Spec = { t: "metadata" };
export const obj = (fields: Record<string, Spec>, required: readonly string[] = []): Spec => ({ t: "object", fields, required });
export const arr = (of: Spec, maxItems?: number): Spec => ({ t: "array", of, ...(maxItems === undefined ? {} : { maxItems }) });

/** Every list and retrieve endpoint takes `expand`; list endpoints take pagination. */
export const expand = arr(str());
export const listFields = { limit: int(1), starting_after: str(), ending_before: str(), expand };

export type Params = Record<string, unknown>;

function pathOf(parent: string, key: string): string {
  return parent ? `${parent}[${key}]` : key;
}

function readValue(value: FormValue, spec: Spec, path: string): unknown {
  switch (spec.t) {
    case "string": {
      if (typeof value !== "string") throw paramError(`Invalid string: ${path}`, path, "parameter_invalid_string");
      if (value === "") throw emptyString(path);
      if (spec.enum && !spec.enum.includes(value)) {
        throw paramError(`Invalid ${path}: must be one of ${spec.enum.join(", ")}`, path, "parameter_invalid_string");
      }
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        throw paramError(`Invalid ${path}: must be at most ${spec.maxLength} characters`, path, "parameter_invalid_string");
      }
      return value;
    }
    case "integer": {
      if (typeof value !== "string") throw paramError(`Invalid integer: ${path}`, path, "parameter_invalid_integer");
      if (value === "") throw emptyString(path);
      if (!/^-?\d+$/.test(value)) throw paramError(`Invalid integer: ${value}`, path, "parameter_invalid_integer");
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw paramError(`Invalid integer: ${value}`, path, "parameter_invalid_integer");
      if (spec.min !== undefined && n < spec.min) {
        throw paramError(`Invalid ${path}: must be greater than or equal to ${spec.min}`, path, "parameter_invalid_integer");
      }
      return n;
    }
    case "boolean": {
      if (value === "true") return true;
      if (value === "false") return false;
      throw paramError(`Invalid boolean: ${typeof value === "string" ? value : path}`, path, "parameter_invalid_boolean");
    }
    case "metadata":
      return readMetadata(value, path);
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) throw paramError(`Invalid object`, path, "parameter_invalid_object");
      return readObject(value, spec.fields, spec.required ?? [], path);
    }
    case "array": {
      if (typeof value !== "object" || Array.isArray(value)) throw paramError(`Invalid array`, path, "parameter_invalid_array");
      const keys = Object.keys(value);
      if (keys.some((k) => !/^\d+$/.test(k))) throw paramError(`Invalid array`, path, "parameter_invalid_array");
      const ordered = keys.map(Number).sort((a, b) => a - b);
      if (spec.maxItems !== undefined && ordered.length > spec.maxItems) {
        throw paramError(`Invalid ${path}: must have at most ${spec.maxItems} items`, path, "parameter_invalid_array");
      }
      return ordered.map((i, position) => readValue(value[String(i)] as FormValue, spec.of, pathOf(path, String(position))));
    }
  }
}

function emptyString(path: string) {
  return paramError(
    `You passed an empty string for '${path}'. We assume empty values are an attempt to unset a parameter; however '${path}' cannot be unset. You should remove '${path}' from your request or supply a non-empty value.`,
    path,
    "parameter_invalid_empty",
  );
}

function readMetadata(value: FormValue, path: string): Record<string, string> {
  if (value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw paramError("Invalid object", path, "parameter_invalid_object");
  const out: Record<string, string> = {};
  const keys = Object.keys(value);
  if (keys.length > 50) throw paramError("Invalid metadata: metadata can have up to 50 keys", path, "parameter_invalid_object");
  for (const key of keys) {
    const v = value[key];
    if (typeof v !== "string") throw paramError(`Invalid metadata: values must be strings`, pathOf(path, key), "parameter_invalid_string");
    if (key.length > 40) throw paramError(`Invalid metadata: keys must be at most 40 characters`, pathOf(path, key), "parameter_invalid_string");
    if (v.length > 500) throw paramError(`Invalid metadata: values must be at most 500 characters`, pathOf(path, key), "parameter_invalid_string");
    if (v !== "") out[key] = v;
  }
  return out;
}

function readObject(tree: FormTree, fields: Record<string, Spec>, required: readonly string[], parent: string): Params {
  const out: Params = {};
  for (const key of Object.keys(tree)) {
    const spec = fields[key];
    const path = pathOf(parent, key);
    if (!spec) throw paramError(`Received unknown parameter: ${path}`, path, "parameter_unknown");
    out[key] = readValue(tree[key] as FormValue, spec, path);
  }
  for (const key of required) {
    if (out[key] === undefined) {
      const path = pathOf(parent, key);
      throw paramError(`Missing required param: ${path}.`, path, "parameter_missing");
    }
  }
  return out;
}

/** Reads a request's parameters against the endpoint's fields; throws Stripe's 400 on the first problem. */
export function readParams(tree: FormTree, fields: Record<string, Spec>, required: readonly string[] = []): Params {
  return readObject(tree, fields, required, "");
}
