/**
 * "Why didn't my code arrive?" as plain functions over what AWS answered: one rule per cause,
 * each saying whether it explains the missing code (fail), might (warn), does not (ok), cannot be
 * told (unknown), or does not apply (n/a). The screen renders the results; tests feed real state.
 */
import type { EmailSetup, IdentityStatus } from '@/aws/email';
import type { SesSendQuota } from '@/aws/ses';
import type { AppUser } from '@/aws/user-types';

export const DEFAULT_SENDER_DAILY_EMAILS = 50;
export const RESENDS_PER_HOUR = 5;
export const CODE_LIFETIME_MS = 24 * 3600 * 1000;
const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export interface SesFacts {
  region: string;
  /** undefined: could not be read (the reason is in `unreadable`) */
  quota?: SesSendQuota;
  sendingEnabled?: boolean;
  /** the pool's sending identity (SourceArn) */
  identityStatus?: IdentityStatus;
  /** the recipient: its address or its domain, whichever is verified */
  recipientStatus?: IdentityStatus;
  /** why some of the above is missing, e.g. "GetSendQuota is not allowed" */
  unreadable?: string;
  /** some of the above is still being read */
  loading?: boolean;
}

export interface DeliveryFacts {
  user: AppUser;
  setup: EmailSetup;
  now: number;
  /** SES as seen in the pool's sending Region; undefined for the default sender or when SES cannot be read there */
  ses?: SesFacts;
  /** why SES facts are missing for a DEVELOPER pool (e.g. another Region) */
  sesUnavailable?: string;
  /** emails this dashboard sent through the default sender since 09:00 UTC */
  defaultSentToday: number;
  /** codes this tab resent to the user in the last hour */
  resendsLastHour: number;
}

export type RuleStatus = 'fail' | 'warn' | 'ok' | 'unknown' | 'n/a';

export interface RuleOutcome {
  status: RuleStatus;
  detail: string;
  /** what to do about it */
  fix?: string;
}

export interface Rule {
  id: string;
  title: string;
  evaluate: (facts: DeliveryFacts) => RuleOutcome;
}

export interface RuleResult extends RuleOutcome {
  id: string;
  title: string;
}

const na = (detail: string): RuleOutcome => ({ status: 'n/a', detail });
const isDeveloper = (f: DeliveryFacts) => f.setup.sendingAccount === 'DEVELOPER';
const emailOf = (f: DeliveryFacts) => f.user.attributes.email ?? '';
const isSimulator = (address: string) => address.toLowerCase().endsWith(`@${SIMULATOR_DOMAIN}`);

/** Where a sign-up code goes: Cognito picks the auto-verified attribute, SMS first when both apply. */
export function codeChannel(f: Pick<DeliveryFacts, 'user' | 'setup'>): 'email' | 'sms' | 'none' {
  const email = f.setup.autoVerified.includes('email') && !!f.user.attributes.email;
  const sms = f.setup.autoVerified.includes('phone_number') && !!f.user.attributes.phone_number;
  if (sms) return 'sms';
  return email ? 'email' : 'none';
}

function sesOutcome(f: DeliveryFacts, read: (ses: SesFacts) => RuleOutcome | undefined, what: string): RuleOutcome {
  if (!isDeveloper(f)) return na('The pool uses Cognito\'s default sender, not your SES.');
  if (!f.ses) return { status: 'unknown', detail: f.sesUnavailable ?? `Poolkeeper could not read ${what}.` };
  return read(f.ses) ?? { status: 'unknown', detail: f.ses.unreadable ?? (f.ses.loading ? `Reading ${what}…` : `Poolkeeper could not read ${what}.`) };
}

export const RULES: readonly Rule[] = [
  {
    id: 'status',
    title: 'The user is waiting for a code',
    evaluate: (f) => {
      const disabled = f.user.enabled ? '' : ' The account is also disabled: enable it before they can sign in.';
      switch (f.user.status) {
        case 'UNCONFIRMED':
          return { status: 'ok', detail: `Unconfirmed: Cognito sends a sign-up code, and a resend sends a new one.${disabled}` };
        case 'FORCE_CHANGE_PASSWORD':
          return { status: 'ok', detail: `Invited by an administrator: they get an invitation with a temporary password, not a code. A resend sends a new invitation.${disabled}` };
        case 'CONFIRMED':
          return {
            status: 'fail',
            detail: `Already confirmed: Cognito sends no sign-up code to a confirmed user.${disabled}`,
            fix: 'If they cannot sign in, reset their password: Cognito emails a reset code and their current password stops working.',
          };
        case 'RESET_REQUIRED':
          return { status: 'warn', detail: 'An administrator reset the password: they get a code when they choose "Forgot password" at sign-in.', fix: 'Reset the password again here to send a new code.' };
        case 'EXTERNAL_PROVIDER':
          return { status: 'fail', detail: 'Signs in through an external identity provider: Cognito sends them no codes.' };
        default:
          return { status: 'warn', detail: `Status ${f.user.status}: Cognito sends codes only to unconfirmed, invited or reset users.` };
      }
    },
  },
  {
    id: 'address',
    title: 'There is an email address to send to',
    evaluate: (f) => {
      const email = emailOf(f);
      const phone = f.user.attributes.phone_number;
      if (!email) {
        return phone
          ? { status: 'warn', detail: `No email address. Codes can only go by text message to ${phone}.`, fix: 'Add their email address on the user page if they expect email.' }
          : { status: 'fail', detail: 'No email address and no phone number: there is nowhere to send a code.', fix: 'Add their email address on the user page, then resend.' };
      }
      const verified = f.user.attributes.email_verified === 'true' ? 'verified' : 'not verified yet';
      return { status: 'ok', detail: `${email} (${verified}).` };
    },
  },
  {
    id: 'auto-verify',
    title: 'The pool sends codes by email',
    evaluate: (f) => {
      if (f.user.status === 'FORCE_CHANGE_PASSWORD') return na('Invitations do not depend on auto-verification.');
      const auto = f.setup.autoVerified;
      if (auto.length === 0) {
        return {
          status: 'fail',
          detail: 'Nothing is auto-verified (AutoVerifiedAttributes is empty): Cognito sends no confirmation code at all.',
          fix: 'Turn on email verification for the pool, or confirm the user here.',
        };
      }
      const channel = codeChannel(f);
      if (channel === 'sms') {
        return {
          status: 'warn',
          detail: auto.includes('email')
            ? 'Email and phone are both auto-verified and the user has a phone number: Cognito sends the code only by text message.'
            : 'Only phone numbers are auto-verified: the code goes by text message, not email.',
        };
      }
      if (channel === 'none') return { status: 'fail', detail: `The pool auto-verifies ${auto.join(' and ')}, which this user does not have.` };
      return { status: 'ok', detail: 'Email is auto-verified: sign-up codes go by email.' };
    },
  },
  {
    id: 'default-cap',
    title: "Cognito's default sender has emails left today",
    evaluate: (f) => {
      if (isDeveloper(f)) return na('The pool sends through your SES, so the 50-a-day cap does not apply.');
      const sent = f.defaultSentToday;
      const base = `AWS exposes no counter for the default sender (50 emails a day per account and Region, from 09:00 UTC). This dashboard sent ${sent} today; sign-ups, password resets and other pools count too.`;
      if (sent >= DEFAULT_SENDER_DAILY_EMAILS) {
        return { status: 'fail', detail: `${base} The cap is reached.`, fix: 'Wait until 09:00 UTC, or switch the pool to your own SES.' };
      }
      return {
        status: sent >= DEFAULT_SENDER_DAILY_EMAILS * 0.8 ? 'warn' : 'unknown',
        detail: `${base} Once the cap is reached Cognito answers LimitExceededException ("Exceeded daily email limit"), and some report mail silently dropped.`,
        fix: 'For more than a few sign-ups a day, send through your own SES.',
      };
    },
  },
  {
    id: 'ses-identity',
    title: 'The SES sending identity is verified',
    evaluate: (f) =>
      sesOutcome(
        f,
        (ses) => {
          if (!ses.identityStatus) return undefined;
          const name = f.setup.sourceIdentity ?? 'the sending identity';
          if (ses.identityStatus === 'Success') return { status: 'ok', detail: `${name} is verified in ${ses.region}.` };
          const state = ses.identityStatus === 'NotFound' ? 'is not an SES identity' : `is ${ses.identityStatus}`;
          return { status: 'fail', detail: `${name} ${state} in ${ses.region}: SES refuses to send from it.`, fix: `Verify ${name} in SES (${ses.region}).` };
        },
        'the identity\'s verification status',
      ),
  },
  {
    id: 'ses-paused',
    title: 'SES sending is enabled',
    evaluate: (f) =>
      sesOutcome(
        f,
        (ses) => {
          if (ses.sendingEnabled === undefined) return undefined;
          return ses.sendingEnabled
            ? { status: 'ok', detail: `Sending is enabled in ${ses.region}.` }
            : { status: 'fail', detail: `Email sending is paused for the account in ${ses.region}: no code leaves.`, fix: 'Resume sending (UpdateAccountSendingEnabled), or find out why AWS paused it.' };
        },
        'whether sending is enabled (GetAccountSendingEnabled)',
      ),
  },
  {
    id: 'ses-sandbox',
    title: 'SES may send to this recipient',
    evaluate: (f) =>
      sesOutcome(
        f,
        (ses) => {
          if (!ses.quota) return undefined;
          if (!isSandboxQuota(ses.quota)) return { status: 'ok', detail: 'The quota does not look like the sandbox: any recipient.' };
          const email = emailOf(f);
          if (isSimulator(email)) return { status: 'ok', detail: 'A mailbox simulator address: allowed even in the sandbox.' };
          if (ses.recipientStatus === 'Success') return { status: 'ok', detail: 'SES looks sandboxed (200 a day, 1 a second), but this recipient is verified.' };
          if (ses.recipientStatus === undefined) return undefined;
          return {
            status: 'fail',
            detail: `SES looks sandboxed (200 a day, 1 a second) and ${email || 'the recipient'} is not a verified identity: SES refuses to send to it.`,
            fix: 'Request production access for SES, or verify the address for testing.',
          };
        },
        'the SES quota',
      ),
  },
  {
    id: 'ses-quota',
    title: 'The SES daily quota is not used up',
    evaluate: (f) =>
      sesOutcome(
        f,
        (ses) => {
          if (!ses.quota) return undefined;
          const { max24HourSend: max, sentLast24Hours: sent } = ses.quota;
          if (max < 0) return { status: 'ok', detail: 'No daily limit.' };
          if (sent >= max) return { status: 'fail', detail: `${sent} of ${max} sent in the last 24 hours: the quota is used up.`, fix: 'Wait until older messages leave the 24-hour window, or ask AWS for a higher quota.' };
          return { status: sent >= max * 0.9 ? 'warn' : 'ok', detail: `${sent} of ${max} sent in the last 24 hours.` };
        },
        'the SES quota',
      ),
  },
  {
    id: 'resend-limit',
    title: 'Under the limit of 5 resends an hour',
    evaluate: (f) => {
      if (f.user.status !== 'UNCONFIRMED') return na('The hourly limit is on ResendConfirmationCode, for unconfirmed users.');
      const n = f.resendsLastHour;
      if (n >= RESENDS_PER_HOUR) {
        return { status: 'fail', detail: `${n} codes were resent to this user in the last hour (counted here, or Cognito said so): Cognito allows ${RESENDS_PER_HOUR}.`, fix: 'Wait an hour before resending again.' };
      }
      return { status: 'ok', detail: `${n} of ${RESENDS_PER_HOUR} resends in the last hour from this tab (resends from your app are not counted here).` };
    },
  },
  {
    id: 'code-age',
    title: 'The last code has not expired',
    evaluate: (f) => {
      if (f.user.status !== 'UNCONFIRMED') return na('Only sign-up codes expire after 24 hours.');
      const age = f.now - f.user.createdAt.getTime();
      if (age > CODE_LIFETIME_MS) {
        return { status: 'warn', detail: `They signed up ${formatAge(age)} ago: the sign-up code expired after 24 hours, as does any code sent more than 24 hours ago.`, fix: 'Resend a new code.' };
      }
      return { status: 'ok', detail: `They signed up ${formatAge(age)} ago: the sign-up code is still valid.` };
    },
  },
];

/** AWS offers no sandbox flag in SES v1; the sandbox quota (200 a day, 1 a second) is the tell. */
export function isSandboxQuota(quota: Pick<SesSendQuota, 'max24HourSend' | 'maxSendRate'>): boolean {
  return quota.max24HourSend === 200 && quota.maxSendRate === 1;
}

export function evaluateChecklist(facts: DeliveryFacts, rules: readonly Rule[] = RULES): RuleResult[] {
  return rules.map((rule) => ({ id: rule.id, title: rule.title, ...rule.evaluate(facts) }));
}

/** The first failing rule is the likeliest reason; failing none, the first warning. */
export function likeliestCause(results: readonly RuleResult[]): RuleResult | undefined {
  return results.find((r) => r.status === 'fail') ?? results.find((r) => r.status === 'warn');
}

export function formatAge(ms: number): string {
  const hours = Math.floor(ms / 3600_000);
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} minutes`;
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}
