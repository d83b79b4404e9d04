/**
 * Input constraints from the cognito-idp API model (lengths, ranges, patterns, enums, required
 * members), reported the way AWS reports them:
 *   1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must
 *   have value less than or equal to 60
 * Cognito answers these as InvalidParameterException. A JSON type mismatch is a
 * SerializationException, as from AWS's deserializer.
 */
import { ServiceError, invalidParameter } from '../errors';
import { OPERATION_MEMBERS } from './model-shapes';

export type Shape =
  | { t: 's'; min?: number; max?: number; re?: string; enum?: readonly string[]; sensitive?: boolean }
  | { t: 'i'; min?: number; max?: number }
  | { t: 'b' }
  | { t: 'l'; min?: number; max?: number; item?: Shape }
  | { t: 'o' };

export type MemberRule = readonly [member: string, shape: Shape, required?: 'required'];

const compiled = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

/** AWS names members in these messages with a lower-case first letter ('userPoolId', 'limit'). */
const memberPath = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

function describe(value: unknown, shape: Shape): string {
  if (shape.t === 's' && shape.sensitive) return 'Value';
  if (Array.isArray(value)) return `Value '[${value.map(String).join(', ')}]'`;
  return `Value '${String(value)}'`;
}

function typeMismatch(member: string, expected: string): ServiceError {
  return new ServiceError('SerializationException', `Unexpected value type for ${member}: expected ${expected}`);
}

function check(path: string, value: unknown, shape: Shape, errors: string[], member: string): void {
  const at = `at '${path}' failed to satisfy constraint: Member must`;
  switch (shape.t) {
    case 's': {
      if (typeof value !== 'string') throw typeMismatch(member, 'a string');
      const d = describe(value, shape);
      if (shape.enum && !shape.enum.includes(value)) {
        errors.push(`${d} ${at} satisfy enum value set: [${shape.enum.join(', ')}]`);
        return;
      }
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) errors.push(`${d} ${at} have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && length > shape.max) errors.push(`${d} ${at} have length less than or equal to ${shape.max}`);
      if (shape.re && length > 0 && !fullMatch(shape.re).test(value)) {
        errors.push(`${d} ${at} satisfy regular expression pattern: ${shape.re}`);
      }
      return;
    }
    case 'i': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw typeMismatch(member, 'an integer');
      if (shape.min !== undefined && value < shape.min) errors.push(`Value '${value}' ${at} have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) errors.push(`Value '${value}' ${at} have value less than or equal to ${shape.max}`);
      return;
    }
    case 'b':
      if (typeof value !== 'boolean') throw typeMismatch(member, 'a boolean');
      return;
    case 'l': {
      if (!Array.isArray(value)) throw typeMismatch(member, 'a list');
      if (shape.min !== undefined && value.length < shape.min) errors.push(`${describe(value, shape)} ${at} have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) errors.push(`${describe(value, shape)} ${at} have length less than or equal to ${shape.max}`);
      if (shape.item) {
        const item = shape.item;
        value.forEach((entry, i) => {
          if (item.t === 's' && item.enum && typeof entry === 'string' && !item.enum.includes(entry)) {
            // AWS reports enum lists as a whole: "Member must satisfy constraint: [Member must satisfy enum value set: [...]]"
            errors.push(`Value '[${value.map(String).join(', ')}]' at '${path}' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${item.enum.join(', ')}]]`);
            return;
          }
          check(`${path}.${i + 1}.member`, entry, item, errors, member);
        });
      }
      return;
    }
    case 'o':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw typeMismatch(member, 'a structure');
      return;
  }
}

/** Throws InvalidParameterException listing every constraint `input` breaks for `operation`. */
export function validateInput(operation: string, input: Record<string, unknown>): void {
  const rules = OPERATION_MEMBERS[operation];
  if (!rules) return;
  const errors: string[] = [];
  for (const [member, shape, required] of rules) {
    const value = input[member];
    if (value === undefined || value === null) {
      if (required) errors.push(`Value null at '${memberPath(member)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    check(memberPath(member), value, shape, errors, member);
  }
  if (errors.length > 0) {
    const n = errors.length;
    throw invalidParameter(`${n} validation error${n === 1 ? '' : 's'} detected: ${errors.join('; ')}`);
  }
}
