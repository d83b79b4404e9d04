/**
 * Support's security tools for one user: turn off their MFA (lost phone) and read their auth
 * events (sign-ins, failures, risk) where the pool records them. Every function throws AppError.
 */
import { AdminListUserAuthEventsCommand, AdminSetUserMFAPreferenceCommand, type AuthEventType } from '@aws-sdk/client-cognito-identity-provider';
import { toAppError } from './errors';
import type { IdpContext, UserMfa } from './user-detail';

const OFF = { Enabled: false, PreferredMfa: false };

/**
 * AdminSetUserMFAPreference with every factor the user has turned off and none preferred. TOTP and
 * SMS are always sent (turning off an unused factor is harmless); email MFA only when the user has
 * it, since pools without the Essentials plan's email MFA may refuse the setting altogether.
 */
export async function resetUserMfa(ctx: IdpContext, username: string, mfa: Pick<UserMfa, 'enabled' | 'preferred'>): Promise<void> {
  const hasEmail = mfa.enabled.includes('EMAIL_OTP') || mfa.preferred === 'EMAIL_OTP';
  try {
    await ctx.idp.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: ctx.userPoolId,
        Username: username,
        SoftwareTokenMfaSettings: OFF,
        SMSMfaSettings: OFF,
        ...(hasEmail ? { EmailMfaSettings: OFF } : {}),
      }),
    );
  } catch (error) {
    throw toAppError(error);
  }
}

export type AuthEventKind = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';

export interface AuthEvent {
  id: string;
  type: AuthEventKind | string;
  at: Date;
  response: 'Pass' | 'Fail' | 'InProgress' | string;
  risk: { decision?: string; level?: string; compromisedCredentials: boolean };
  challenges: { name: string; response: string }[];
  context: { ipAddress?: string; device?: string; city?: string; country?: string; timezone?: string };
  feedback?: { value: string; provider: string };
}

export interface AuthEventPage {
  events: AuthEvent[];
  nextToken?: string;
}

function toAuthEvent(e: AuthEventType): AuthEvent {
  const context = e.EventContextData ?? {};
  return {
    id: e.EventId ?? '',
    type: e.EventType ?? 'Unknown',
    at: e.CreationDate ?? new Date(0),
    response: e.EventResponse ?? 'Unknown',
    risk: {
      ...(e.EventRisk?.RiskDecision ? { decision: e.EventRisk.RiskDecision } : {}),
      ...(e.EventRisk?.RiskLevel ? { level: e.EventRisk.RiskLevel } : {}),
      compromisedCredentials: e.EventRisk?.CompromisedCredentialsDetected === true,
    },
    challenges: (e.ChallengeResponses ?? []).map((c) => ({ name: c.ChallengeName ?? '', response: c.ChallengeResponse ?? '' })),
    context: {
      ...(context.IpAddress ? { ipAddress: context.IpAddress } : {}),
      ...(context.DeviceName ? { device: context.DeviceName } : {}),
      ...(context.City ? { city: context.City } : {}),
      ...(context.Country ? { country: context.Country } : {}),
      ...(context.Timezone ? { timezone: context.Timezone } : {}),
    },
    ...(e.EventFeedback?.FeedbackValue ? { feedback: { value: e.EventFeedback.FeedbackValue, provider: e.EventFeedback.Provider ?? '' } } : {}),
  };
}

/** One page of AdminListUserAuthEvents, newest first (Cognito's order). */
export async function listUserAuthEvents(ctx: IdpContext, username: string, options: { nextToken?: string; maxResults?: number } = {}): Promise<AuthEventPage> {
  try {
    const out = await ctx.idp.send(
      new AdminListUserAuthEventsCommand({
        UserPoolId: ctx.userPoolId,
        Username: username,
        MaxResults: options.maxResults ?? 25,
        ...(options.nextToken ? { NextToken: options.nextToken } : {}),
      }),
    );
    return { events: (out.AuthEvents ?? []).map(toAuthEvent), ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  } catch (error) {
    throw toAppError(error);
  }
}
