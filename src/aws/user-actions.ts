/**
 * Admin actions on one user. The user page and the USERS engineer's bulk runner both call these,
 * so the rules that must never be skipped live here rather than in a screen: an operator cannot
 * disable, delete or reset the password of themselves, nor leave the admin group or join a group
 * whose role would displace the admin role (the UI hides some of those buttons too, but a bulk
 * run over "everything matching this filter" would not).
 * Every function throws AppError.
 */
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminContextValue } from './admin-context';
import { AppError, toAppError } from './errors';
import { toAppUser, type AppUser } from './user-types';

/**
 * What the actions need. `clientId` (the admin SPA's app client id) is only used to resend a
 * sign-up code, since ResendConfirmationCode is an end-user operation addressed to a client; it
 * is read from the admin context when the dashboard provides it, or passed to resendCode.
 */
export type UserActionContext = Pick<AdminContextValue, 'idp' | 'userPoolId' | 'adminGroup' | 'operator'> & {
  clientId?: string;
};

function refusal(code: string, message: string): AppError {
  return new AppError(code, message, { retryable: false });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

const sameText = (a: string | undefined, b: string) => a !== undefined && a !== '' && a.toLowerCase() === b.toLowerCase();

/**
 * Whether `username` names the signed-in operator. Deliberately generous: the username, the sub
 * and the email alias all count, case-insensitively, because a pool may be case-insensitive or
 * sign users in by email; refusing an action on a look-alike is better than locking the operator out.
 */
export function isOperator(ctx: Pick<UserActionContext, 'operator'>, username: string): boolean {
  const { operator } = ctx;
  return (
    username === operator.username ||
    username === operator.sub ||
    sameText(operator.username, username) ||
    sameText(operator.email, username)
  );
}

/**
 * The same question for a user the screen has in full: in pools that sign in by email the
 * username is a UUID, so the sub and the email address are compared as well.
 */
export function isOperatorUser(ctx: Pick<UserActionContext, 'operator'>, user: Pick<AppUser, 'username' | 'sub' | 'attributes'>): boolean {
  return (
    isOperator(ctx, user.username) ||
    (user.sub !== '' && user.sub === ctx.operator.sub) ||
    sameText(ctx.operator.email, user.attributes.email ?? '')
  );
}

function guardSelf(ctx: UserActionContext, username: string, what: string) {
  if (isOperator(ctx, username)) {
    throw refusal('SelfLockoutRefused', `You cannot ${what} your own account: you would lock yourself out of Poolkeeper.`);
  }
}

const pool = (ctx: UserActionContext) => ({ UserPoolId: ctx.userPoolId });

export async function confirmSignUp(ctx: UserActionContext, username: string): Promise<void> {
  await call(() => ctx.idp.send(new AdminConfirmSignUpCommand({ ...pool(ctx), Username: username })));
}

export async function enableUser(ctx: UserActionContext, username: string): Promise<void> {
  await call(() => ctx.idp.send(new AdminEnableUserCommand({ ...pool(ctx), Username: username })));
}

export async function disableUser(ctx: UserActionContext, username: string): Promise<void> {
  guardSelf(ctx, username, 'disable');
  await call(() => ctx.idp.send(new AdminDisableUserCommand({ ...pool(ctx), Username: username })));
}

export async function deleteUser(ctx: UserActionContext, username: string): Promise<void> {
  guardSelf(ctx, username, 'delete');
  await call(() => ctx.idp.send(new AdminDeleteUserCommand({ ...pool(ctx), Username: username })));
}

export async function addUserToGroup(ctx: UserActionContext, username: string, group: string): Promise<void> {
  if (group !== ctx.adminGroup && isOperator(ctx, username)) await guardOperatorRole(ctx, group);
  await call(() => ctx.idp.send(new AdminAddUserToGroupCommand({ ...pool(ctx), Username: username, GroupName: group })));
}

/**
 * The identity pool gives the operator the role of their group with the lowest precedence
 * (cognito:preferred_role); two roles at the same precedence give none (ambiguous → Deny). Joining
 * a group with another role at or before the admin group's precedence would therefore take the
 * operator's admin credentials away at their next refresh. Null precedence ranks last.
 */
async function guardOperatorRole(ctx: UserActionContext, group: string): Promise<void> {
  const read = (name: string) => call(() => ctx.idp.send(new GetGroupCommand({ ...pool(ctx), GroupName: name })));
  const [target, admin] = await Promise.all([read(group), read(ctx.adminGroup)]);
  const role = target.Group?.RoleArn;
  if (!role || role === admin.Group?.RoleArn) return;
  const rank = (precedence: number | undefined) => precedence ?? Number.POSITIVE_INFINITY;
  if (rank(target.Group?.Precedence) <= rank(admin.Group?.Precedence)) {
    throw refusal(
      'SelfLockoutRefused',
      `Adding yourself to "${group}" would change the IAM role your session gets from the identity pool, and you would lose access to Poolkeeper. Ask another administrator, or give "${group}" a higher precedence number than "${ctx.adminGroup}".`,
    );
  }
}

export async function removeUserFromGroup(ctx: UserActionContext, username: string, group: string): Promise<void> {
  if (group === ctx.adminGroup && isOperator(ctx, username)) {
    throw refusal(
      'SelfLockoutRefused',
      `You cannot remove yourself from "${group}": you would lose access to Poolkeeper. Ask another administrator.`,
    );
  }
  await call(() =>
    ctx.idp.send(new AdminRemoveUserFromGroupCommand({ ...pool(ctx), Username: username, GroupName: group })),
  );
}

export async function globalSignOut(ctx: UserActionContext, username: string): Promise<void> {
  await call(() => ctx.idp.send(new AdminUserGlobalSignOutCommand({ ...pool(ctx), Username: username })));
}

export async function resetPassword(ctx: UserActionContext, username: string): Promise<void> {
  // RESET_REQUIRED answers sign-in with PasswordResetRequiredException, and Poolkeeper has no
  // forgot-password step to get past it: only another administrator could let the operator back in.
  guardSelf(ctx, username, 'reset the password of');
  await call(() => ctx.idp.send(new AdminResetUserPasswordCommand({ ...pool(ctx), Username: username })));
}

export async function setPassword(
  ctx: UserActionContext,
  username: string,
  password: string,
  permanent: boolean,
): Promise<void> {
  await call(() =>
    ctx.idp.send(
      new AdminSetUserPasswordCommand({ ...pool(ctx), Username: username, Password: password, Permanent: permanent }),
    ),
  );
}

export async function updateAttributes(
  ctx: UserActionContext,
  username: string,
  attrs: Record<string, string>,
): Promise<void> {
  const list = Object.entries(attrs).map(([Name, Value]) => ({ Name, Value }));
  if (list.length === 0) return;
  await call(() =>
    ctx.idp.send(new AdminUpdateUserAttributesCommand({ ...pool(ctx), Username: username, UserAttributes: list })),
  );
}

export async function deleteAttributes(ctx: UserActionContext, username: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await call(() =>
    ctx.idp.send(
      new AdminDeleteUserAttributesCommand({ ...pool(ctx), Username: username, UserAttributeNames: names }),
    ),
  );
}

export async function markEmailVerified(ctx: UserActionContext, username: string): Promise<void> {
  await updateAttributes(ctx, username, { email_verified: 'true' });
}

/* ---- resend code ---------------------------------------------------------------------------- */

export interface ResendResult {
  /** masked, e.g. "a***@e***.com" or "+*******1234" */
  destination?: string;
  medium?: string;
  via: 'ses' | 'cognito-default' | 'unknown';
}

/** Masks like Cognito's CodeDeliveryDetails, for the RESEND path where Cognito returns none. */
export function maskDestination(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) {
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot) : '';
    return `${value.charAt(0)}***@${domain.charAt(0)}***${tld}`;
  }
  const plus = value.startsWith('+') ? '+' : '';
  const digits = value.slice(plus.length);
  return `${plus}${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

// DescribeUserPool sits in a small quota category; a bulk resend of thousands of users must not
// spend one call per user on it. Keyed by client so a new session (new credentials) re-reads.
const sendingAccounts = new WeakMap<object, Map<string, { at: number; value: Promise<string | undefined> }>>();
const sendingAccountTtlMs = 5 * 60_000;

function emailSendingAccount(ctx: UserActionContext): Promise<string | undefined> {
  let byPool = sendingAccounts.get(ctx.idp);
  if (!byPool) sendingAccounts.set(ctx.idp, (byPool = new Map()));
  const cached = byPool.get(ctx.userPoolId);
  if (cached && Date.now() - cached.at < sendingAccountTtlMs) return cached.value;
  const value = ctx.idp
    .send(new DescribeUserPoolCommand(pool(ctx)))
    .then((out) => out.UserPool?.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT')
    .catch(() => {
      byPool.delete(ctx.userPoolId);
      return undefined;
    });
  byPool.set(ctx.userPoolId, { at: Date.now(), value });
  return value;
}

async function routeOf(ctx: UserActionContext, medium: string | undefined): Promise<ResendResult['via']> {
  if (medium !== 'EMAIL') return 'unknown';
  const account = await emailSendingAccount(ctx);
  if (account === 'DEVELOPER') return 'ses';
  if (account === 'COGNITO_DEFAULT') return 'cognito-default';
  return 'unknown';
}

function noCodeMessage(user: AppUser): string {
  switch (user.status) {
    case 'CONFIRMED':
      return `${user.username} is already confirmed, so there is no sign-up code or invitation to resend. Use "Reset password" to send a password reset code.`;
    case 'RESET_REQUIRED':
      return `${user.username} must reset their password: they receive a code when they choose "Forgot password" at sign-in, or reset the password again here.`;
    case 'EXTERNAL_PROVIDER':
      return `${user.username} signs in through an external identity provider, so Cognito sends them no codes.`;
    default:
      return `No code applies to a user in status ${user.status}: only unconfirmed users (sign-up code) and users who must change their temporary password (invitation) get one.`;
  }
}

/**
 * Sends the message the user is waiting for: the sign-up code for UNCONFIRMED users, a fresh
 * invitation (with a new temporary password) for FORCE_CHANGE_PASSWORD users. Says where it went
 * and whether the pool sends email through SES or the Cognito default sender (50 a day).
 */
export async function resendCode(
  ctx: UserActionContext,
  user: AppUser,
  options: { clientId?: string } = {},
): Promise<ResendResult> {
  if (user.status === 'UNCONFIRMED') {
    const clientId = options.clientId ?? ctx.clientId;
    if (!clientId) {
      throw refusal('MissingClientId', 'The app client id is not configured, so the sign-up code cannot be resent.');
    }
    const out = await call(() =>
      ctx.idp.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: user.username })),
    );
    const medium = out.CodeDeliveryDetails?.DeliveryMedium;
    return { destination: out.CodeDeliveryDetails?.Destination, medium, via: await routeOf(ctx, medium) };
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const email = user.attributes.email;
    const phone = user.attributes.phone_number;
    // AdminCreateUser defaults to SMS; prefer email, which every pool can send.
    const medium = email ? 'EMAIL' : phone ? 'SMS' : undefined;
    if (!medium) {
      throw refusal('NoDeliveryAddress', `${user.username} has no email address or phone number to send an invitation to.`);
    }
    await call(() =>
      ctx.idp.send(
        new AdminCreateUserCommand({
          ...pool(ctx),
          Username: user.username,
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: [medium],
        }),
      ),
    );
    return { destination: maskDestination(medium === 'EMAIL' ? (email ?? '') : (phone ?? '')), medium, via: await routeOf(ctx, medium) };
  }
  throw refusal('NoCodeApplies', noCodeMessage(user));
}

/* ---- create --------------------------------------------------------------------------------- */

export interface CreateUserInput {
  username: string;
  attributes: Record<string, string>;
  /** omitted: Cognito generates one */
  temporaryPassword?: string;
  /** false: MessageAction SUPPRESS, no invitation is sent */
  sendInvitation: boolean;
  deliveryMediums: ('EMAIL' | 'SMS')[];
}

export async function createUser(ctx: UserActionContext, input: CreateUserInput): Promise<AppUser> {
  const out = await call(() =>
    ctx.idp.send(
      new AdminCreateUserCommand({
        ...pool(ctx),
        Username: input.username,
        UserAttributes: Object.entries(input.attributes).map(([Name, Value]) => ({ Name, Value })),
        TemporaryPassword: input.temporaryPassword || undefined,
        MessageAction: input.sendInvitation ? undefined : 'SUPPRESS',
        DesiredDeliveryMediums: input.sendInvitation && input.deliveryMediums.length > 0 ? input.deliveryMediums : undefined,
      }),
    ),
  );
  return toAppUser(out.User ?? { Username: input.username });
}
