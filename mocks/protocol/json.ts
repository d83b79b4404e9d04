import { ServiceError } from '../model/errors';
import type { WireResponse } from './http';

/** awsJson1_1 (cognito-idp, cognito-identity): success and error responses as AWS writes them. */

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function jsonResult(result: unknown, id: string): WireResponse {
  return { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': id }, body: JSON.stringify(result ?? {}, dateAsEpochSeconds) };
}

export function jsonError(error: ServiceError, id: string): WireResponse {
  const body: Record<string, string> = { __type: error.code };
  if (error.message !== '') body.message = error.message;
  return {
    status: error.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': id, 'x-amzn-errortype': error.code },
    body: JSON.stringify(body),
  };
}

/** Parses a request body; AWS answers an unparseable one with SerializationException. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return parsed as Record<string, unknown>;
}

/** awsJson1_1 timestamps are epoch seconds; models may hand back Date objects. */
function dateAsEpochSeconds(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}
