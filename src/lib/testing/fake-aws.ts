/**
 * Test-only msw handlers speaking the AWS wire protocols (awsJson1_1 for cognito-idp and
 * cognito-identity, awsQuery/XML for SES), so component tests run the real SDK clients against
 * answers the test chooses. Unknown operations fail loudly instead of passing quietly.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export class AwsFault {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly status = 400,
  ) {}
}

type JsonOperation = (input: Record<string, unknown>) => unknown | AwsFault | Promise<unknown | AwsFault>;

function jsonFault(fault: AwsFault) {
  return HttpResponse.json(
    { __type: fault.code, message: fault.message },
    { status: fault.status, headers: { 'x-amzn-errortype': fault.code, 'content-type': 'application/x-amz-json-1.1' } },
  );
}

function awsJsonService(url: string, prefix: string, operations: Record<string, JsonOperation>): HttpHandler {
  return http.post(url, async ({ request }) => {
    const target = request.headers.get('x-amz-target') ?? '';
    const operation = target.startsWith(`${prefix}.`) ? target.slice(prefix.length + 1) : '';
    const handler = operations[operation];
    if (!handler) return jsonFault(new AwsFault('UnknownOperationException', `The test did not expect ${target || 'a request without X-Amz-Target'}.`));
    const input = (await request.json()) as Record<string, unknown>;
    const output = await handler(input);
    if (output instanceof AwsFault) return jsonFault(output);
    return HttpResponse.json(output ?? {}, { headers: { 'content-type': 'application/x-amz-json-1.1' } });
  });
}

export function fakeCognitoIdp(operations: Record<string, JsonOperation>, region = 'us-east-1'): HttpHandler {
  return awsJsonService(`https://cognito-idp.${region}.amazonaws.com/`, 'AWSCognitoIdentityProviderService', operations);
}

export function fakeCognitoIdentity(operations: Record<string, JsonOperation>, region = 'us-east-1'): HttpHandler {
  return awsJsonService(`https://cognito-identity.${region}.amazonaws.com/`, 'AWSCognitoIdentityService', operations);
}

/** Identity-pool credentials that never expire during a test. */
export function fakeIdentityPool(region = 'us-east-1'): HttpHandler {
  return fakeCognitoIdentity(
    {
      GetId: () => ({ IdentityId: `${region}:11111111-1111-4111-8111-111111111111` }),
      GetCredentialsForIdentity: (input) => ({
        IdentityId: input.IdentityId,
        Credentials: { AccessKeyId: 'ASIATESTTESTTESTTEST', SecretKey: 'secret', SessionToken: 'token', Expiration: Date.now() / 1000 + 3600 },
      }),
    },
    region,
  );
}

type QueryAction = (params: URLSearchParams) => string | AwsFault | Promise<string | AwsFault>;

/** SES v1: `operations[Action]` returns the inner XML of `<ActionResult>`. */
export function fakeSes(operations: Record<string, QueryAction>, region = 'us-east-1'): HttpHandler {
  return http.post(`https://email.${region}.amazonaws.com/`, async ({ request }) => {
    const params = new URLSearchParams(await request.text());
    const action = params.get('Action') ?? '';
    const handler = operations[action];
    const result = handler ? await handler(params) : new AwsFault('InvalidAction', `The test did not expect SES ${action}.`);
    if (result instanceof AwsFault) {
      return new HttpResponse(
        `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${result.code}</Code><Message>${result.message}</Message></Error><RequestId>test</RequestId></ErrorResponse>`,
        { status: result.status, headers: { 'content-type': 'text/xml' } },
      );
    }
    return new HttpResponse(
      `<${action}Response xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>test</RequestId></ResponseMetadata></${action}Response>`,
      { headers: { 'content-type': 'text/xml' } },
    );
  });
}
