import type { ServiceError } from '../model/errors';
import type { WireResponse } from './http';

/** awsQuery (SES v1): form-encoded input, XML output in the 2010-12-01 namespace. */

export const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

/**
 * `Destination.ToAddresses.member.1=a&Message.Subject.Data=b` → nested objects and arrays.
 * `Action` and `Version` are returned separately.
 */
export function parseQuery(body: string): { action: string | undefined; version: string | undefined; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const input: Record<string, unknown> = {};
  let action: string | undefined;
  let version: string | undefined;
  for (const [key, value] of params) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else assign(input, key.split('.'), value);
  }
  return { action, version, input: compactArrays(input) as Record<string, unknown> };
}

function assign(target: Record<string, unknown>, path: string[], value: string): void {
  // `member.N` (lists) and `entry.N` (maps) carry 1-based indexes
  const keys: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const index = path[i + 1];
    if ((segment === 'member' || segment === 'entry') && index !== undefined && /^\d+$/.test(index)) {
      keys.push(`#${index}`);
      i++;
    } else keys.push(segment);
  }
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (!next || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
}

/** Objects whose keys are all `#N` become arrays ordered by N. */
function compactArrays(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => /^#\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1))).map(([, v]) => compactArrays(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, compactArrays(v)]));
}

export interface XmlShapeHints {
  /** the service's XML namespace (default SES's) */
  xmlns?: string;
  /** members serialised as `<entry><key/><value/></entry>` maps */
  maps?: ReadonlySet<string>;
  /** numeric members AWS types as Double (written with a decimal point, e.g. 200.0) */
  doubles?: ReadonlySet<string>;
}

export function xmlResult(action: string, result: unknown, id: string, hints: XmlShapeHints = {}): WireResponse {
  const body =
    `<${action}Response xmlns="${hints.xmlns ?? SES_XMLNS}">` +
    `<${action}Result>${toXml(result, hints)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}

export function xmlError(error: ServiceError, id: string, xmlns: string = SES_XMLNS): WireResponse {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="${xmlns}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${id}</RequestId>` +
    `</ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}

function toXml(value: unknown, hints: XmlShapeHints, name?: string): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return escapeXml(value.toISOString());
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item, hints)}</member>`).join('');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (name !== undefined && hints.maps?.has(name)) {
      return Object.entries(record)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${toXml(v, hints)}</value></entry>`)
        .join('');
    }
    return Object.entries(record)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v, hints, k)}</${k}>`)
      .join('');
  }
  if (typeof value === 'number' && name !== undefined && hints.doubles?.has(name) && Number.isInteger(value)) {
    return value.toFixed(1);
  }
  return escapeXml(String(value));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
