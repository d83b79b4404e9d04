import { ServiceError } from '../model/errors';
import { REQUIRED_MEMBERS } from './required-members';

export type ServiceName = keyof typeof REQUIRED_MEMBERS;

/** Whether AWS's API model defines this operation (even if the emulator does not implement it). */
export function isKnownOperation(service: ServiceName, operation: string): boolean {
  return Object.hasOwn(REQUIRED_MEMBERS[service], operation);
}

/**
 * Missing required members, reported the way AWS's request validation words it:
 * "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null".
 */
export function checkRequired(service: ServiceName, operation: string, input: Record<string, unknown>): void {
  const required = REQUIRED_MEMBERS[service][operation] ?? [];
  const missing = required.filter((member) => input[member] === undefined || input[member] === null);
  if (missing.length === 0) return;
  const parts = missing.map((m) => `Value null at '${lowerFirst(m)}' failed to satisfy constraint: Member must not be null`);
  const message = `${parts.length} validation error${parts.length > 1 ? 's' : ''} detected: ${parts.join('; ')}`;
  const query = service === 'ses' || service === 'iam' || service === 'sts';
  throw new ServiceError(query ? 'ValidationError' : 'InvalidParameterException', message);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
