/**
 * CloudFormation template reading: YAML short-form tags (!Ref, !GetAtt, !Sub, …) as custom yaml tags
 * that produce the long form, the references a value makes (for ordering and dangling-reference
 * checks), and intrinsic-function evaluation against parameters, pseudo parameters, conditions
 * and the resources created so far.
 */
import type { Tags } from 'yaml';
import { parseYamlFile } from './seed-problems';

const FUNCTIONS = ['Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'GetAZs', 'ImportValue', 'Cidr'];

const CUSTOM_TAGS: Tags = FUNCTIONS.flatMap((f) => {
  const key = f === 'Ref' || f === 'Condition' ? f : `Fn::${f}`;
  return ([undefined, 'seq', 'map'] as const).map((collection) => ({
    tag: `!${f}`,
    ...(collection ? { collection } : {}),
    resolve(value: unknown) {
      const js = value && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
      return { [key]: f === 'GetAtt' && typeof js === 'string' ? js.split('.') : js };
    },
  }));
}) as Tags;

/** YAML (with CloudFormation's short tags) or JSON template text → the long form as plain data. */
export function parseTemplateText(text: string, file: string): unknown {
  return parseYamlFile(text, file, CUSTOM_TAGS);
}

export const NO_VALUE = Symbol('AWS::NoValue');

/** A reference found in a value: to a resource, parameter or pseudo parameter, with where it is. */
export interface FoundReference {
  name: string;
  attribute?: string;
  path: string;
}

/** Every Ref / GetAtt / ${…} in a value (Fn::Sub variables defined in its own map excluded). */
export function referencesIn(value: unknown, path: string, out: FoundReference[] = []): FoundReference[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => referencesIn(v, `${path}[${i}]`, out));
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const [fn] = keys as [string];
    const arg = record[fn];
    if (fn === 'Ref' && typeof arg === 'string') {
      out.push({ name: arg, path });
      return out;
    }
    if (fn === 'Fn::GetAtt') {
      const [name, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split('.');
      if (name) out.push({ name, ...(attribute ? { attribute } : {}), path });
      return out;
    }
    if (fn === 'Fn::Sub') {
      const [template, vars] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>] : [String(arg), {}];
      for (const match of template.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const [name, attribute] = match[1]!.trim().split('.');
        if (!Object.hasOwn(vars, match[1]!.trim())) out.push({ name: name!, ...(attribute ? { attribute } : {}), path });
      }
      referencesIn(vars, `${path}.Fn::Sub[1]`, out);
      return out;
    }
  }
  for (const [k, v] of Object.entries(record)) referencesIn(v, `${path}.${k}`, out);
  return out;
}

export interface ResolveContext {
  /** Ref values of parameters and pseudo parameters */
  params: Record<string, unknown>;
  conditions: Record<string, boolean>;
  mappings: Record<string, Record<string, Record<string, unknown>>>;
  /** created resources: Ref value and attributes */
  resources: Record<string, { ref: string; attributes: Record<string, unknown> }>;
}

/** Thrown while resolving; the deployer turns it into a problem at the path. */
export class ResolveError extends Error {}

/** Evaluates intrinsic functions; AWS::NoValue removes the property or list item it stands in. */
export function resolve(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx)).filter((v) => v !== NO_VALUE);
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition')) {
    return intrinsic(keys[0]!, record[keys[0]!], ctx);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const resolved = resolve(v, ctx);
    if (resolved !== NO_VALUE) out[k] = resolved;
  }
  return out;
}

function ref(name: string, attribute: string | undefined, ctx: ResolveContext): unknown {
  if (attribute === undefined && Object.hasOwn(ctx.params, name)) return ctx.params[name];
  const resource = ctx.resources[name];
  if (!resource) throw new ResolveError(`${name} is not a parameter or a resource created so far`);
  if (attribute === undefined) return resource.ref;
  if (!Object.hasOwn(resource.attributes, attribute)) {
    throw new ResolveError(`${name} has no attribute ${attribute} here; it has ${Object.keys(resource.attributes).join(', ') || 'none'}`);
  }
  return resource.attributes[attribute];
}

function intrinsic(fn: string, arg: unknown, ctx: ResolveContext): unknown {
  switch (fn) {
    case 'Ref':
      return String(arg) === 'AWS::NoValue' ? NO_VALUE : ref(String(arg), undefined, ctx);
    case 'Condition':
      return condition(String(arg), ctx);
    case 'Fn::GetAtt': {
      const [name, ...attribute] = Array.isArray(arg) ? arg.map((a) => String(resolve(a, ctx))) : String(arg).split('.');
      return ref(name!, attribute.join('.'), ctx);
    }
    case 'Fn::Sub': {
      const [template, rawVars] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>] : [String(arg), {}];
      const vars = resolve(rawVars, ctx) as Record<string, unknown>;
      return template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
        if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
        const key = inner.trim();
        if (Object.hasOwn(vars, key)) return String(vars[key]);
        const [name, ...attribute] = key.split('.');
        return String(ref(name!, attribute.length > 0 ? attribute.join('.') : undefined, ctx));
      });
    }
    case 'Fn::Join': {
      const [sep, items] = list(arg, 2, fn);
      return (resolve(items, ctx) as unknown[]).map(String).join(String(sep));
    }
    case 'Fn::Select': {
      const [index, items] = list(arg, 2, fn);
      const resolvedItems = resolve(items, ctx) as unknown[];
      const i = Number(resolve(index, ctx));
      if (!Array.isArray(resolvedItems) || !(i >= 0 && i < resolvedItems.length)) throw new ResolveError(`Fn::Select index ${i} is outside the list`);
      return resolvedItems[i];
    }
    case 'Fn::Split': {
      const [sep, source] = list(arg, 2, fn);
      return String(resolve(source, ctx)).split(String(sep));
    }
    case 'Fn::If': {
      const [name, yes, no] = list(arg, 3, fn);
      return resolve(condition(String(name), ctx) ? yes : no, ctx);
    }
    case 'Fn::Equals': {
      const [a, b] = list(arg, 2, fn);
      return JSON.stringify(resolve(a, ctx)) === JSON.stringify(resolve(b, ctx));
    }
    case 'Fn::Not':
      return !resolve(list(arg, 1, fn)[0], ctx);
    case 'Fn::And':
      return (arg as unknown[]).every((c) => resolve(c, ctx) === true);
    case 'Fn::Or':
      return (arg as unknown[]).some((c) => resolve(c, ctx) === true);
    case 'Fn::FindInMap': {
      const [map, top, second] = list(arg, 3, fn).map((a) => String(resolve(a, ctx)));
      const found = ctx.mappings[map!]?.[top!]?.[second!];
      if (found === undefined) throw new ResolveError(`Fn::FindInMap: ${map}.${top}.${second} is not in Mappings`);
      return found;
    }
    case 'Fn::Base64':
      return btoa(String(resolve(arg, ctx)));
    default:
      throw new ResolveError(`${fn} is not supported by the emulator's template loader`);
  }
}

function condition(name: string, ctx: ResolveContext): boolean {
  if (!Object.hasOwn(ctx.conditions, name)) throw new ResolveError(`there is no condition named ${name}`);
  return ctx.conditions[name]!;
}

function list(arg: unknown, length: number, fn: string): unknown[] {
  if (!Array.isArray(arg) || arg.length < length) throw new ResolveError(`${fn} takes a list of ${length}`);
  return arg;
}
