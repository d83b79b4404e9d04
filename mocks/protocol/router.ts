import type { ApiGateway } from '../model/apigateway';
import type { Clock } from '../model/clock';
import { asQueryProtocolAuthError, verifySigV4 } from '../model/crypto/sigv4';
import { ServiceError } from '../model/errors';
import type { QueryService } from '../model/iam-api';
import type { CognitoIdentity } from '../model/identity';
import type { Outbox } from '../model/outbox';
import type { Quotas } from '../model/quotas';
import type { Ses } from '../model/ses';
import type { CallContext, Principal } from '../model/types';
import { apiGatewayCall, apiTargetOf } from './apigateway';
import { emulatorApi } from './emulator-api';
import { corsHeaders, delay, fromFetchRequest, plainJson, requestId, toFetchResponse, withHeaders, type WireRequest, type WireResponse } from './http';
import { jsonError, jsonResult, parseJsonBody } from './json';
import { parseQuery, xmlError, xmlResult } from './query';
import { checkRequired, isKnownOperation, type ServiceName } from './validate';

/** The parts of the emulator the wire needs (structural, so hosts and tests can pass an Emulator). */
export interface RoutableEmulator {
  clock: Clock;
  outbox: Outbox;
  quotas: Quotas;
  ses: Ses;
  identity: CognitoIdentity;
  /** IAM's role API and STS (awsQuery, like SES) */
  iamApi: QueryService;
  sts: QueryService;
  /** emulated REST APIs behind a Cognito user pool authorizer (the test-login panel's API call) */
  apigateway?: ApiGateway;
  idp: {
    has(operation: string): boolean;
    call(operation: string, input: Record<string, unknown>, ctx: CallContext): Promise<unknown>;
    requiresSigV4(operation: string): boolean;
    resourceArn(operation: string, input: Record<string, unknown>, region: string): string;
    jwks(poolId: string): Promise<{ keys: object[] } | undefined>;
    openidConfiguration(poolId: string, issuer: string): object | undefined;
    issuerBase: (region: string) => string;
  };
  iam: {
    lookup(accessKeyId: string): { secretAccessKey: string; sessionToken?: string; expiresAt?: number; principal: Principal } | undefined;
    authorize(principal: Principal, action: string, resource: string): void;
  };
  options: { latencyMs?: number };
  /** the router waits for this (seeding) before answering */
  ready?: Promise<void>;
  reset(): Promise<void>;
  /** called after every call that may have changed state (persistence hooks listen here) */
  changed?(): void;
  /** extra JSON for GET /_emulator/health and /_emulator/config */
  describe?(): Record<string, unknown>;
}

export interface RouterOptions {
  /** Region for requests whose host and signature name none (standalone server, unsigned calls). */
  defaultRegion?: string;
  /** Which browser origins may read answers (CORS). Default: any — the msw hosts answer inside the page. */
  allowOrigin?: (origin: string) => boolean;
}

export type Router = (request: Request) => Promise<Response>;
/** The same router without Fetch objects, for hosts that can skip building them (node:http). */
export type WireRouter = (request: WireRequest) => Promise<WireResponse>;

const TARGETS: Record<string, 'cognito-idp' | 'cognito-identity'> = {
  AWSCognitoIdentityProviderService: 'cognito-idp',
  AWSCognitoIdentityService: 'cognito-identity',
};
const HOST_PATTERN = /^(cognito-idp|cognito-identity|email|sts)\.([a-z0-9-]+)\.amazonaws\.com$/;
/** awsQuery services other than SES: by hostname, or by API version on the standalone server's one origin. */
const QUERY_HOSTS: Record<string, 'iam' | 'sts'> = { 'iam.amazonaws.com': 'iam', 'sts.amazonaws.com': 'sts' };
const QUERY_VERSIONS: Record<string, 'iam' | 'sts'> = { '2010-05-08': 'iam', '2011-06-15': 'sts' };
const WELL_KNOWN = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;
/** Operations that never change state: no persistence write after them. */
const READ_ONLY = /^(Admin)?(Get|List|Describe)(?!Id$|CredentialsForIdentity$|UserAttributeVerificationCode$)/;

/**
 * One request → one response for every host (msw worker, msw node server, node:http). Uses only
 * Fetch API types so it runs unchanged in browsers and Node.
 */
export function createRouter(emulator: RoutableEmulator, opts: RouterOptions = {}): Router {
  const route = createWireRouter(emulator, opts);
  return async (request) => toFetchResponse(await route(fromFetchRequest(request)));
}

export function createWireRouter(emulator: RoutableEmulator, opts: RouterOptions = {}): WireRouter {
  const defaultRegion = opts.defaultRegion ?? 'us-east-1';

  return async function route(request: WireRequest): Promise<WireResponse> {
    const cors = corsHeaders(request, opts.allowOrigin);
    await emulator.ready;
    if (request.method === 'OPTIONS') return { status: 200, headers: { ...cors, 'x-amzn-requestid': requestId() }, body: null };
    const url = new URL(request.url);
    let response: WireResponse;
    const api = emulator.apigateway && apiTargetOf(url);
    if (api && emulator.apigateway) {
      response = await apiGatewayCall(emulator.apigateway, request, api);
    } else if (url.pathname.startsWith('/_emulator/')) {
      response = await emulatorApi(emulator, request, url);
    } else if (request.method === 'GET') {
      response = await wellKnown(emulator, url, defaultRegion);
    } else if (request.method === 'POST') {
      response = await awsCall(emulator, request, url, defaultRegion);
      const latency = emulator.options.latencyMs ?? 0;
      if (latency > 0) await delay(latency);
    } else {
      response = plainJson({ message: `Method ${request.method} not allowed` }, 405);
    }
    // Real time, as AWS sends: SDKs correct their signing clock from Date, and signatures are checked
    // against real time, so the emulator's moved clock must not leak into it.
    const id = response.headers['x-amzn-requestid'] ?? requestId();
    return withHeaders(response, { ...cors, 'x-amzn-requestid': id, date: new Date().toUTCString() });
  };
}

async function awsCall(emulator: RoutableEmulator, request: WireRequest, url: URL, defaultRegion: string): Promise<WireResponse> {
  const id = requestId();
  const body = await request.bytes();
  const text = new TextDecoder().decode(body);
  const target = request.headers.get('x-amz-target');
  const contentType = request.headers.get('content-type') ?? '';

  if (!target && (contentType.includes('application/x-www-form-urlencoded') || /(^|&)Action=/.test(text))) {
    const parsed = parseQuery(text);
    const queryService = QUERY_HOSTS[url.hostname] ?? (/^sts\./.test(url.hostname) ? 'sts' : QUERY_VERSIONS[parsed.version ?? '']);
    if (queryService) return queryCall(emulator, queryService, request, url, body, parsed, id, defaultRegion);
    return sesCall(emulator, request, url, body, text, id, defaultRegion);
  }

  const [prefix, operation = ''] = (target ?? '').split('.');
  const service = prefix ? TARGETS[prefix] : undefined;
  if (!service || operation === '') return jsonError(new ServiceError('UnknownOperationException', ''), id);
  try {
    const input = parseJsonBody(text);
    const model = service === 'cognito-idp' ? emulator.idp : emulator.identity;
    if (!model.has(operation)) {
      throw isKnownOperation(service, operation)
        ? new ServiceError('UnknownOperationException', `${operation} is not implemented by the Poolkeeper emulator.`)
        : new ServiceError('UnknownOperationException', '');
    }
    checkRequired(service, operation, input);
    const region = regionFromHost(url) ?? regionFromInput(input) ?? defaultRegion;
    const ctx = await authorize(emulator, service, operation, input, request, body, region, model.requiresSigV4(operation));
    emulator.quotas.take(service, operation, { region: ctx.region, poolId: typeof input.UserPoolId === 'string' ? input.UserPoolId : undefined });
    const result = await model.call(operation, input, ctx);
    if (!READ_ONLY.test(operation)) emulator.changed?.();
    return jsonResult(result, id);
  } catch (error) {
    return jsonError(asServiceError(error), id);
  }
}

async function sesCall(
  emulator: RoutableEmulator,
  request: WireRequest,
  url: URL,
  body: Uint8Array,
  text: string,
  id: string,
  defaultRegion: string,
): Promise<WireResponse> {
  const { action, input } = parseQuery(text);
  try {
    if (!action) throw new ServiceError('MissingAction', 'Missing Action');
    if (!emulator.ses.has(action)) {
      throw new ServiceError('InvalidAction', `Could not find operation ${action} for version 2010-12-01`);
    }
    checkRequired('ses', action, input);
    const region = regionFromHost(url) ?? defaultRegion;
    const ctx = await authorize(emulator, 'ses', action, input, request, body, region, true);
    emulator.quotas.take('ses', action, { region: ctx.region });
    const result = await emulator.ses.call(action, input, ctx, { rateLimit: emulator.quotas.enabled });
    if (action === 'SendEmail' || action === 'UpdateAccountSendingEnabled') emulator.changed?.();
    return xmlResult(action, result, id, SES_HINTS);
  } catch (error) {
    return xmlError(toQueryError(asServiceError(error)), id);
  }
}

/** IAM and STS: global IAM signs in us-east-1; STS answers on sts.amazonaws.com and sts.<region>.amazonaws.com. */
async function queryCall(
  emulator: RoutableEmulator,
  name: 'iam' | 'sts',
  request: WireRequest,
  url: URL,
  body: Uint8Array,
  { action, input }: ReturnType<typeof parseQuery>,
  id: string,
  defaultRegion: string,
): Promise<WireResponse> {
  const service = name === 'iam' ? emulator.iamApi : emulator.sts;
  try {
    if (!action) throw new ServiceError('MissingAction', 'Missing Action');
    if (!service.has(action)) throw new ServiceError('InvalidAction', `Could not find operation ${action} for version ${name === 'iam' ? '2010-05-08' : '2011-06-15'}`);
    checkRequired(name, action, input);
    let ctx: CallContext = { region: regionFromHost(url) ?? (name === 'iam' ? 'us-east-1' : defaultRegion), principal: null };
    if (service.requiresSigV4(action)) {
      ctx = await verifyCaller(emulator, name, request, body);
      const iamAction = service.iamAction(action);
      if (iamAction && ctx.principal) emulator.iam.authorize(ctx.principal, iamAction, service.resourceArn(action, input));
    }
    let result: unknown;
    try {
      result = await service.call(action, input, ctx);
    } catch (error) {
      // STS's own ExpiredTokenException (a web identity token) keeps its name: only auth errors are renamed.
      return xmlError(asServiceError(error), id, service.xmlns);
    }
    if (!service.readOnly(action)) emulator.changed?.();
    return xmlResult(action, result, id, { xmlns: service.xmlns });
  } catch (error) {
    return xmlError(toQueryError(asServiceError(error)), id, service.xmlns);
  }
}

const SES_HINTS = {
  maps: new Set(['VerificationAttributes']),
  doubles: new Set(['Max24HourSend', 'MaxSendRate', 'SentLast24Hours']),
};

/**
 * SigV4 for the operations AWS signs, then IAM: the caller's role must allow
 * `<service>:<Operation>` on the resource. Unsigned public operations get principal null.
 */
async function authorize(
  emulator: RoutableEmulator,
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
  request: WireRequest,
  body: Uint8Array,
  region: string,
  signed: boolean,
): Promise<CallContext> {
  if (!signed) return { region, principal: null };
  const { region: signedRegion, principal } = await verifyCaller(emulator, service, request, body);
  const model = service === 'cognito-idp' ? emulator.idp : service === 'cognito-identity' ? emulator.identity : emulator.ses;
  const resource = model.resourceArn(operation, input, signedRegion);
  emulator.iam.authorize(principal, `${service}:${operation}`, resource);
  return { region: signedRegion, principal };
}

/** SigV4 against the emulator's credentials: who signed, and for which Region. */
async function verifyCaller(emulator: RoutableEmulator, service: ServiceName, request: WireRequest, body: Uint8Array): Promise<CallContext & { principal: Principal }> {
  const verified = await verifySigV4(
    { method: request.method, url: request.url, headers: request.headers, body },
    (accessKeyId) => emulator.iam.lookup(accessKeyId),
    // Signers use real time, as against AWS; a moved emulator clock only ages credentials.
    { requestMs: Date.now(), credentialsMs: emulator.clock.now() },
    { service },
  );
  const principal = emulator.iam.lookup(verified.accessKeyId)?.principal;
  if (!principal) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  return { region: verified.region, principal };
}

async function wellKnown(emulator: RoutableEmulator, url: URL, defaultRegion: string): Promise<WireResponse> {
  const match = WELL_KNOWN.exec(url.pathname);
  if (!match) return plainJson({ message: 'Not Found' }, 404);
  const poolId = match[1]!;
  const missing = () => plainJson({ message: `User pool ${poolId} does not exist.` }, 404);
  if (match[2] === 'jwks.json') {
    const jwks = await emulator.idp.jwks(poolId);
    return jwks ? plainJson(jwks) : missing();
  }
  const region = regionFromPoolId(poolId) ?? defaultRegion;
  const config = emulator.idp.openidConfiguration(poolId, `${emulator.idp.issuerBase(region)}/${poolId}`);
  return config ? plainJson(config) : missing();
}

function regionFromHost(url: URL): string | undefined {
  return HOST_PATTERN.exec(url.hostname)?.[2];
}

function regionFromInput(input: Record<string, unknown>): string | undefined {
  const poolId = input.UserPoolId ?? input.IdentityPoolId ?? input.IdentityId;
  return typeof poolId === 'string' ? regionFromPoolId(poolId) : undefined;
}

function regionFromPoolId(id: string): string | undefined {
  return /^([a-z]{2}(?:-[a-z]+)+-\d)[_:]/.exec(id)?.[1];
}

function asServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  console.error('Emulator internal error', error);
  return new ServiceError('InternalErrorException', 'Internal error in the Poolkeeper emulator.', 500);
}

/** awsQuery services name the auth errors differently (and answer them with 403). */
function toQueryError(error: ServiceError): ServiceError {
  if (error.code === 'InternalErrorException') return new ServiceError('InternalFailure', error.message, 500);
  return asQueryProtocolAuthError(error);
}
