import type { AuthEvent } from '@/aws/user-security';
import type { BadgeTone } from '@/components/badge';

/** Plain-language labels for AdminListUserAuthEvents' fields; pure, so the screen and tests share them. */
const EVENT_NAMES: Record<string, string> = {
  SignIn: 'Sign-in',
  SignUp: 'Sign-up',
  ForgotPassword: 'Forgot password',
  PasswordChange: 'Password change',
  ResendCode: 'Code resent',
};
export const eventName = (type: string) => EVENT_NAMES[type] ?? type;

export function eventResult(event: Pick<AuthEvent, 'response'>): { text: string; tone: BadgeTone } {
  if (event.response === 'Pass') return { text: 'Succeeded', tone: 'success' };
  if (event.response === 'Fail') return { text: 'Failed', tone: 'danger' };
  if (event.response === 'InProgress') return { text: 'Not finished', tone: 'warning' };
  return { text: event.response, tone: 'neutral' };
}

export function eventRisk(event: Pick<AuthEvent, 'risk'>): { text: string; tone: BadgeTone } {
  const { decision, level, compromisedCredentials } = event.risk;
  const parts: string[] = [];
  let tone: BadgeTone = 'neutral';
  if (decision === 'AccountTakeover') {
    parts.push(`Possible account takeover${level ? ` (${level.toLowerCase()} risk)` : ''}`);
    tone = level === 'High' ? 'danger' : 'warning';
  } else if (decision === 'Block') {
    parts.push('Blocked by threat protection');
    tone = 'danger';
  } else if (level) {
    parts.push(`${level} risk, no action`);
  } else {
    parts.push('No risk found');
  }
  if (compromisedCredentials) {
    parts.push('password found in a breach');
    tone = 'danger';
  }
  return { text: parts.join('; '), tone };
}

const CHALLENGE_NAMES: Record<string, string> = { Password: 'Password', Mfa: 'MFA code' };
export function eventChallenges(event: Pick<AuthEvent, 'challenges'>): string {
  return event.challenges
    .map((c) => `${CHALLENGE_NAMES[c.name] ?? c.name} ${c.response === 'Success' ? 'right' : c.response === 'Failure' ? 'wrong' : c.response.toLowerCase()}`)
    .join(', ');
}

export function eventOrigin(event: Pick<AuthEvent, 'context'>): string {
  const { ipAddress, device, city, country } = event.context;
  const place = [city, country].filter(Boolean).join(', ');
  return [ipAddress, device, place].filter(Boolean).join(' · ');
}
