/**
 * AWS STS (awsQuery, version 2011-06-15): GetCallerIdentity, so code can see which role its
 * credentials carry, and AssumeRoleWithWebIdentity for Cognito Identity's basic (classic) flow —
 * a token from GetOpenIdToken exchanged for a role whose trust policy accepts it.
 */
import { ServiceError } from './errors';
import type { Iam } from './iam';
import type { QueryService } from './iam-api';
import type { OpenIdTokens } from './identity-openid';
import type { CallContext } from './types';
import { trustAllowsWebIdentity } from './web-identity-trust';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const OPERATIONS = ['GetCallerIdentity', 'AssumeRoleWithWebIdentity'] as const;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export class Sts implements QueryService {
  readonly xmlns = STS_XMLNS;

  constructor(
    private readonly iam: Iam,
    private readonly openIdTokens: OpenIdTokens,
    private readonly accountId: string,
  ) {}

  has(action: string): boolean {
    return (OPERATIONS as readonly string[]).includes(action);
  }

  /** AssumeRoleWithWebIdentity is called without AWS credentials: the token is the credential. */
  requiresSigV4(action: string): boolean {
    return action !== 'AssumeRoleWithWebIdentity';
  }

  /** "No permissions are required to perform this operation." (GetCallerIdentity) */
  iamAction(): undefined {
    return undefined;
  }

  resourceArn(): string {
    return '*';
  }

  readOnly(action: string): boolean {
    return action === 'GetCallerIdentity';
  }

  async call(action: string, input: Record<string, unknown>, ctx: CallContext): Promise<unknown> {
    if (action === 'GetCallerIdentity') return this.getCallerIdentity(ctx);
    if (action === 'AssumeRoleWithWebIdentity') return this.assumeRoleWithWebIdentity(input);
    throw new ServiceError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
  }

  private getCallerIdentity(ctx: CallContext) {
    const principal = ctx.principal;
    if (!principal) throw new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    if (principal.kind === 'root') return { UserId: this.accountId, Account: this.accountId, Arn: `arn:aws:iam::${this.accountId}:root` };
    const role = this.iam.getRole(principal.roleArn);
    const session = principal.sessionName ?? 'CognitoIdentityCredentials';
    return {
      UserId: `${role?.roleId ?? 'AROA'}:${session}`,
      Account: /:(\d{12}):/.exec(principal.roleArn)?.[1] ?? this.accountId,
      Arn: this.iam.principalArn(principal),
    };
  }

  private async assumeRoleWithWebIdentity(input: Record<string, unknown>) {
    const roleArn = String(input.RoleArn);
    const sessionName = String(input.RoleSessionName);
    const problems: string[] = [];
    if (roleArn.length < 20 || roleArn.length > 2048) problems.push(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
    if (!SESSION_NAME.test(sessionName)) problems.push(`Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    const duration = input.DurationSeconds === undefined ? 3600 : Number(input.DurationSeconds);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
      problems.push(`Value '${String(input.DurationSeconds)}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${duration < 900 ? 'greater than or equal to 900' : 'less than or equal to 43200'}`);
    }
    if (problems.length > 0) throw new ServiceError('ValidationError', `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`);

    const claims = await this.openIdTokens.verify(String(input.WebIdentityToken));
    const role = this.iam.getRole(roleArn);
    const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
    const audience = String(claims.aud);
    if (!role || role.trust === undefined || !trustAllowsWebIdentity(role.trust, audience, amr.includes('authenticated'))) {
      throw new ServiceError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
    }
    if (duration > (role.maxSessionDuration ?? 3600)) {
      throw new ServiceError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }
    const issued = this.iam.issueCredentials(roleArn, { durationSeconds: duration, sessionName, identityId: String(claims.sub) });
    const principal = this.iam.lookup(issued.AccessKeyId)!.principal;
    return {
      Credentials: {
        AccessKeyId: issued.AccessKeyId,
        SecretAccessKey: issued.SecretKey,
        SessionToken: issued.SessionToken,
        Expiration: new Date(issued.Expiration * 1000),
      },
      SubjectFromWebIdentityToken: String(claims.sub),
      AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: this.iam.principalArn(principal) },
      Provider: 'cognito-identity.amazonaws.com',
      Audience: audience,
    };
  }
}
