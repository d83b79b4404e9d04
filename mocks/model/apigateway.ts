/**
 * Just enough Amazon API Gateway (REST API) to test what an app does with its user-pool tokens:
 * deployed APIs whose methods are protected by a `COGNITO_USER_POOLS` authorizer with no OAuth
 * scopes, answering like API Gateway does (REFERENCE §6):
 *  - the authorizer reads the Authorization header (the raw token or `Bearer <token>`);
 *  - no scopes on the method ⇒ only an ID token of one of the authorizer's pools is accepted;
 *  - missing, malformed, badly signed, other pool's or access token ⇒ 401 {"message":"Unauthorized"};
 *  - expired ⇒ 401 {"message":"The incoming token has expired"};
 *  - a path or method the API does not have ⇒ 403 {"message":"Missing Authentication Token"};
 *  - revocation is not checked (API Gateway only checks signature, issuer and expiry);
 *  - on success the integration is a Lambda proxy that echoes what it received, notably
 *    `requestContext.authorizer.claims` with every value flattened to a string.
 * Plain TypeScript over the user-pool model's public JWKS; the wire lives in protocol/apigateway.ts.
 */
import type { Clock } from './clock';
import { decodeJwtUnverified, verifyJwt, type SigningKey } from './crypto/jwt';

export interface RestApiMethod {
  httpMethod: string;
  /** resource path, e.g. '/hello' */
  path: string;
}

export interface RestApi {
  id: string;
  name: string;
  region: string;
  stage: string;
  /** user pool ids the COGNITO_USER_POOLS authorizer trusts (API Gateway allows up to 1,000) */
  userPoolIds: string[];
  methods: RestApiMethod[];
}

export interface ApiRequest {
  apiId: string;
  stage: string;
  /** path after the stage, starting with '/' */
  path: string;
  method: string;
  /** the Authorization header, if sent */
  authorization?: string;
  query: Record<string, string>;
  body: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** API Gateway's x-amzn-errortype on its own error answers */
  errorType?: string;
}

export interface ApiGatewayDeps {
  clock: Clock;
  /** the pool's public keys, as served at its issuer's /.well-known/jwks.json */
  jwks: (poolId: string) => Promise<{ keys: object[] } | undefined>;
  /** the issuer URL of a pool the emulator holds */
  issuer: (poolId: string) => string | undefined;
}

const unauthorized = (message = 'Unauthorized'): ApiResponse => ({ status: 401, body: { message }, errorType: 'UnauthorizedException' });
const missingToken = (): ApiResponse => ({ status: 403, body: { message: 'Missing Authentication Token' }, errorType: 'MissingAuthenticationTokenException' });

export class ApiGateway {
  private apis = new Map<string, RestApi>();

  constructor(private readonly deps: ApiGatewayDeps) {}

  putRestApi(api: RestApi): void {
    this.apis.set(api.id, structuredClone(api));
  }

  getRestApi(id: string): RestApi | undefined {
    const api = this.apis.get(id);
    return api && structuredClone(api);
  }

  async invoke(request: ApiRequest): Promise<ApiResponse> {
    const api = this.apis.get(request.apiId);
    if (!api || api.stage !== request.stage) return missingToken();
    const path = request.path === '' ? '/' : request.path;
    const method = api.methods.find((m) => m.path === path && (m.httpMethod === 'ANY' || m.httpMethod === request.method.toUpperCase()));
    if (!method) return missingToken();

    const header = request.authorization?.trim() ?? '';
    if (header === '') return unauthorized();
    const token = /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '') : header;
    const checked = await this.authorize(api, token);
    if ('status' in checked) return checked;
    return { status: 200, body: this.proxyEvent(api, method, request, checked.claims) };
  }

  /** The COGNITO_USER_POOLS authorizer: signature against one of its pools, ID token, not expired. */
  private async authorize(api: RestApi, token: string): Promise<{ claims: Record<string, unknown> } | ApiResponse> {
    const unverified = decodeJwtUnverified(token);
    if (!unverified) return unauthorized();
    const iss = unverified.claims.iss;
    const poolId = api.userPoolIds.find((id) => this.deps.issuer(id) === iss);
    if (!poolId) return unauthorized();
    const jwks = await this.deps.jwks(poolId);
    const keys: SigningKey[] = (jwks?.keys ?? []).map((key) => {
      const jwk = key as JsonWebKey & { kid?: string };
      return { kid: jwk.kid ?? '', publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e }, privateJwk: {} };
    });
    const verified = await verifyJwt(token, keys);
    if (!verified) return unauthorized();
    const claims = verified.claims;
    // No OAuth scopes on the method: API Gateway treats the token as an ID token.
    if (claims.token_use !== 'id') return unauthorized();
    if (typeof claims.exp !== 'number' || claims.exp <= this.deps.clock.nowSeconds()) return unauthorized('The incoming token has expired');
    return { claims };
  }

  /** What a Lambda proxy integration receives (the parts a developer checks), echoed back. */
  private proxyEvent(api: RestApi, method: RestApiMethod, request: ApiRequest, claims: Record<string, unknown>) {
    return {
      resource: method.path,
      path: request.path,
      httpMethod: request.method.toUpperCase(),
      queryStringParameters: Object.keys(request.query).length > 0 ? { ...request.query } : null,
      body: request.body === '' ? null : request.body,
      requestContext: {
        apiId: api.id,
        stage: api.stage,
        resourcePath: method.path,
        httpMethod: request.method.toUpperCase(),
        requestTimeEpoch: this.deps.clock.now(),
        authorizer: { claims: flattenClaims(claims) },
      },
    };
  }

  toJSON(): unknown {
    return { apis: [...this.apis.values()] };
  }

  static fromJSON(data: unknown, deps: ApiGatewayDeps): ApiGateway {
    const model = new ApiGateway(deps);
    for (const api of (data as { apis?: RestApi[] } | undefined)?.apis ?? []) model.apis.set(api.id, api);
    return model;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

/** 'Fri Jul 29 18:52:53 UTC 2016': how REST APIs hand `exp` and `iat` to the backend (observed). */
export function claimDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

/**
 * REST APIs pass every claim as a string (observed, not documented): numbers as digits except
 * exp/iat as dates, booleans as 'true'/'false', arrays as '[a b]'.
 */
export function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') out[name] = claimDate(value);
    else if (Array.isArray(value)) out[name] = `[${value.map(String).join(' ')}]`;
    else if (value !== null && typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}
