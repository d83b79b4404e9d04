import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { Outbox } from './outbox';
import type { Random } from './random';
import type { CallContext } from './types';
import { decodeIndexToken, encodeIndexToken } from './index-token';

/**
 * Amazon SES (v1 API) as a sandboxed account sees it: verified identities, the sending quota
 * (Max24HourSend / MaxSendRate, `SentLast24Hours` a rolling 24-hour window over the Clock),
 * 15-minute send statistics, and SendEmail into the outbox.
 */

export type VerificationStatus = 'Pending' | 'Success' | 'Failed' | 'TemporaryFailure' | 'NotStarted';

interface SesIdentity {
  identity: string;
  type: 'EmailAddress' | 'Domain';
  status: VerificationStatus;
  /** domains only: the TXT record value AWS asks for */
  token?: string;
  createdAt: number;
}

interface SendRecord {
  at: number;
  recipients: number;
  bounces: number;
  complaints: number;
  /** messages SES refused to send (e.g. a virus); absent in older snapshots */
  rejects?: number;
}

interface RegionState {
  identities: SesIdentity[];
  sends: SendRecord[];
  sandbox: boolean;
  /** UpdateAccountSendingEnabled; absent in older snapshots, which means enabled */
  sendingEnabled?: boolean;
  max24HourSend: number;
  maxSendRate: number;
  /** token bucket for MaxSendRate */
  rateTokens: number;
  rateAt: number;
}

export interface SesAccountSettings {
  sandbox?: boolean;
  sendingEnabled?: boolean;
  max24HourSend?: number;
  maxSendRate?: number;
}

/** AWS's sandbox defaults: 200 messages per 24 hours, 1 message per second. */
export const SES_SANDBOX_DEFAULTS = { max24HourSend: 200, maxSendRate: 1 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const BUCKET_MS = 15 * 60 * 1000;
const STATISTICS_WINDOW_MS = 14 * DAY_MS;
const SIMULATOR_DOMAIN = 'simulator.amazonses.com';
/**
 * The mailbox simulator's hard bounces: `bounce@` and `suppressionlist@` (SES answers the latter
 * as if the address were on its suppression list). `complaint@` draws a complaint; `success@` and
 * `ooto@` (an out-of-office reply) are plain deliveries.
 */
const SIMULATOR_BOUNCES = new Set([`bounce@${SIMULATOR_DOMAIN}`, `suppressionlist@${SIMULATOR_DOMAIN}`]);
const SIMULATOR_COMPLAINT = `complaint@${SIMULATOR_DOMAIN}`;
/** Wording not confirmed against AWS (README section 3). */
export const SENDING_PAUSED_MESSAGE = 'Email sending is disabled for this account.';
const OPERATIONS = [
  'GetSendQuota',
  'GetSendStatistics',
  'SendEmail',
  'ListIdentities',
  'GetIdentityVerificationAttributes',
  'GetAccountSendingEnabled',
  'UpdateAccountSendingEnabled',
] as const;

export interface SesDelivery {
  source: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  body: string;
}

export class Ses {
  private regions = new Map<string, RegionState>();

  constructor(
    private readonly env: { clock: Clock; random: Random; outbox: Outbox; accountId: string },
  ) {}

  has(operation: string): boolean {
    return (OPERATIONS as readonly string[]).includes(operation);
  }

  /** IAM resource for `ses:<Action>`: SendEmail acts on the sending identity, the rest on '*'. */
  resourceArn(operation: string, input: Record<string, unknown>, region: string): string {
    if (operation === 'SendEmail' && typeof input.Source === 'string') {
      const identity = this.matchingIdentity(region, addressOf(input.Source))?.identity ?? addressOf(input.Source);
      return `arn:aws:ses:${region}:${this.env.accountId}:identity/${identity}`;
    }
    return '*';
  }

  // ---- model access for seeds and tests -------------------------------------------------------

  putIdentity(region: string, identity: string, status: VerificationStatus = 'Success'): void {
    const state = this.state(region);
    const type = identity.includes('@') ? 'EmailAddress' : 'Domain';
    const existing = state.identities.find((i) => i.identity.toLowerCase() === identity.toLowerCase());
    if (existing) {
      existing.status = status;
      return;
    }
    state.identities.push({
      identity,
      type,
      status,
      token: type === 'Domain' ? base64(this.env.random.bytes(32)) : undefined,
      createdAt: this.env.clock.now(),
    });
  }

  configureAccount(region: string, settings: SesAccountSettings): void {
    const state = this.state(region);
    if (settings.sandbox !== undefined) state.sandbox = settings.sandbox;
    if (settings.sendingEnabled !== undefined) state.sendingEnabled = settings.sendingEnabled;
    if (settings.max24HourSend !== undefined) state.max24HourSend = settings.max24HourSend;
    if (settings.maxSendRate !== undefined) state.maxSendRate = settings.maxSendRate;
  }

  /** Seeds past sending activity (for statistics and SentLast24Hours) at `atMs`. */
  putSendHistory(region: string, entry: { atMs: number; deliveryAttempts: number; bounces?: number; complaints?: number; rejects?: number }): void {
    this.putSendHistoryBatch(region, [entry]);
  }

  /** Many history entries at once (sorted once). */
  putSendHistoryBatch(region: string, entries: readonly { atMs: number; deliveryAttempts: number; bounces?: number; complaints?: number; rejects?: number }[]): void {
    const state = this.state(region);
    for (const entry of entries) {
      state.sends.push({
        at: entry.atMs,
        recipients: entry.deliveryAttempts,
        bounces: entry.bounces ?? 0,
        complaints: entry.complaints ?? 0,
        ...(entry.rejects ? { rejects: entry.rejects } : {}),
      });
    }
    state.sends.sort((a, b) => a.at - b.at);
  }

  /** Whether mail from/to `address` passes SES's verification check (address or its domain). */
  isVerified(region: string, address: string): boolean {
    const domain = domainOf(address);
    if (domain === SIMULATOR_DOMAIN) return true;
    return this.matchingIdentity(region, address)?.status === 'Success';
  }

  sentLast24Hours(region: string): number {
    const since = this.env.clock.now() - DAY_MS;
    let total = 0;
    for (const s of this.state(region).sends) if (s.at > since) total += s.recipients;
    return total;
  }

  /**
   * Sends on behalf of Cognito (DEVELOPER email configuration) with SendEmail's checks: sending
   * enabled, the source identity verified, in the sandbox every recipient verified (the mailbox
   * simulator is exempt), and the daily quota. Cognito queues and retries SES's per-second
   * throttling, so MaxSendRate is not applied here.
   */
  deliverForCognito(region: string, message: SesDelivery): void {
    this.checkSendingEnabled(region);
    this.checkSource(region, message.source);
    this.checkSandboxRecipients(region, message.to);
    this.checkDailyQuota(region, message.to.length);
    this.record(region, message.to);
  }

  sendingEnabled(region: string): boolean {
    return this.state(region).sendingEnabled !== false;
  }

  // ---- API operations -------------------------------------------------------------------------

  async call(operation: string, input: Record<string, unknown>, ctx: CallContext, opts: { rateLimit?: boolean } = {}): Promise<unknown> {
    switch (operation) {
      case 'GetSendQuota':
        return this.getSendQuota(ctx.region);
      case 'GetSendStatistics':
        return this.getSendStatistics(ctx.region);
      case 'SendEmail':
        return this.sendEmail(ctx.region, input, opts.rateLimit ?? false);
      case 'ListIdentities':
        return this.listIdentities(ctx.region, input);
      case 'GetIdentityVerificationAttributes':
        return this.getIdentityVerificationAttributes(ctx.region, input);
      case 'GetAccountSendingEnabled':
        return { Enabled: this.sendingEnabled(ctx.region) };
      case 'UpdateAccountSendingEnabled':
        // A Boolean member the query protocol sends as "true"/"false"; omitted means false.
        this.state(ctx.region).sendingEnabled = input.Enabled === true || input.Enabled === 'true';
        return {};
      default:
        throw new ServiceError('InvalidAction', `Could not find operation ${operation} for version 2010-12-01`);
    }
  }

  private getSendQuota(region: string) {
    const state = this.state(region);
    return { Max24HourSend: state.max24HourSend, MaxSendRate: state.maxSendRate, SentLast24Hours: this.sentLast24Hours(region) };
  }

  /** One data point per 15-minute interval with activity in the last two weeks, oldest first. */
  private getSendStatistics(region: string) {
    const since = this.env.clock.now() - STATISTICS_WINDOW_MS;
    const buckets = new Map<number, { DeliveryAttempts: number; Bounces: number; Complaints: number; Rejects: number }>();
    for (const s of this.state(region).sends) {
      if (s.at <= since) continue;
      const start = Math.floor(s.at / BUCKET_MS) * BUCKET_MS;
      const point = buckets.get(start) ?? { DeliveryAttempts: 0, Bounces: 0, Complaints: 0, Rejects: 0 };
      point.DeliveryAttempts += s.recipients;
      point.Bounces += s.bounces;
      point.Complaints += s.complaints;
      point.Rejects += s.rejects ?? 0;
      buckets.set(start, point);
    }
    const SendDataPoints = [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, point]) => ({ Timestamp: new Date(start), ...point }));
    return { SendDataPoints };
  }

  private sendEmail(region: string, input: Record<string, unknown>, rateLimit: boolean) {
    const source = requireString(input.Source, 'source');
    const destination = asRecord(input.Destination);
    const to = stringList(destination.ToAddresses);
    const cc = stringList(destination.CcAddresses);
    const bcc = stringList(destination.BccAddresses);
    const message = asRecord(input.Message);
    const subject = asRecord(message.Subject);
    const body = asRecord(message.Body);
    const missing = [
      message.Subject === undefined && 'message.subject',
      message.Body === undefined && 'message.body',
      message.Subject !== undefined && typeof subject.Data !== 'string' && 'message.subject.data',
    ].filter((m): m is string => typeof m === 'string');
    if (missing.length > 0) throw validationError(missing);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw new ServiceError('InvalidParameterValue', 'Missing required header \'To\'.');
    if (recipients.length > 50) throw new ServiceError('InvalidParameterValue', 'Recipient count exceeds 50.');
    for (const address of [source, ...recipients]) checkAddress(address);

    this.checkSendingEnabled(region);
    const state = this.state(region);
    const unverified = [source, ...recipients].filter(
      (address, i) => (i === 0 || state.sandbox) && !this.isVerified(region, addressOf(address)),
    );
    if (unverified.length > 0) throw notVerified(region, unverified);
    this.checkDailyQuota(region, recipients.length);
    if (rateLimit) this.takeSendRate(region, recipients.length);
    this.record(region, recipients);

    const text = asRecord(body.Text);
    const html = asRecord(body.Html);
    const bodyText = typeof text.Data === 'string' ? text.Data : typeof html.Data === 'string' ? html.Data : '';
    for (const recipient of recipients) {
      this.env.outbox.push({
        channel: 'email',
        to: addressOf(recipient),
        from: source,
        subject: String(subject.Data),
        body: bodyText,
        kind: 'ses',
        via: 'ses',
      });
    }
    return { MessageId: this.messageId() };
  }

  private listIdentities(region: string, input: Record<string, unknown>) {
    const type = input.IdentityType;
    if (type !== undefined && type !== 'EmailAddress' && type !== 'Domain') {
      throw validationError([`identityType`], `Member must satisfy enum value set: [EmailAddress, Domain]`, type);
    }
    const maxItems = input.MaxItems === undefined ? 1000 : Number(input.MaxItems);
    if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) {
      throw new ServiceError('InvalidParameterValue', 'MaxItems must be between 1 and 1000.');
    }
    const all = this.state(region).identities.filter((i) => type === undefined || i.type === type);
    let start = 0;
    if (input.NextToken !== undefined) {
      start = decodeIndexToken(String(input.NextToken));
      if (start < 0 || start > all.length) throw new ServiceError('InvalidParameterValue', 'Invalid NextToken.');
    }
    const page = all.slice(start, start + maxItems);
    const next = start + page.length;
    return { Identities: page.map((i) => i.identity), ...(next < all.length ? { NextToken: encodeIndexToken(next) } : {}) };
  }

  private getIdentityVerificationAttributes(region: string, input: Record<string, unknown>) {
    const identities = stringList(input.Identities);
    if (identities.length > 100) throw new ServiceError('InvalidParameterValue', 'Cannot request more than 100 identities.');
    const state = this.state(region);
    const VerificationAttributes: Record<string, { VerificationStatus: VerificationStatus; VerificationToken?: string }> = {};
    for (const name of identities) {
      const found = state.identities.find((i) => i.identity.toLowerCase() === name.toLowerCase());
      if (!found) continue;
      VerificationAttributes[name] = {
        VerificationStatus: found.status,
        ...(found.token ? { VerificationToken: found.token } : {}),
      };
    }
    return { VerificationAttributes };
  }

  // ---- helpers --------------------------------------------------------------------------------

  private checkSource(region: string, source: string): void {
    if (!this.isVerified(region, addressOf(source))) throw notVerified(region, [source]);
  }

  private checkSandboxRecipients(region: string, recipients: readonly string[]): void {
    if (!this.state(region).sandbox) return;
    const unverified = recipients.filter((r) => !this.isVerified(region, addressOf(r)));
    if (unverified.length > 0) throw notVerified(region, unverified);
  }

  private checkSendingEnabled(region: string): void {
    if (!this.sendingEnabled(region)) throw new ServiceError('AccountSendingPausedException', SENDING_PAUSED_MESSAGE);
  }

  private checkDailyQuota(region: string, recipients: number): void {
    const state = this.state(region);
    if (state.max24HourSend >= 0 && this.sentLast24Hours(region) + recipients > state.max24HourSend) {
      throw new ServiceError('Throttling', 'Daily message quota exceeded.');
    }
  }

  private takeSendRate(region: string, recipients: number): void {
    const state = this.state(region);
    const now = this.env.clock.now();
    const capacity = Math.max(1, state.maxSendRate);
    state.rateTokens = Math.min(capacity, state.rateTokens + ((now - state.rateAt) / 1000) * state.maxSendRate);
    state.rateAt = now;
    if (state.rateTokens < recipients) throw new ServiceError('Throttling', 'Maximum sending rate exceeded.');
    state.rateTokens -= recipients;
  }

  private record(region: string, recipients: string[]): void {
    const at = this.env.clock.now();
    const local = (r: string) => addressOf(r).toLowerCase();
    this.state(region).sends.push({
      at,
      recipients: recipients.length,
      bounces: recipients.filter((r) => SIMULATOR_BOUNCES.has(local(r))).length,
      complaints: recipients.filter((r) => local(r) === SIMULATOR_COMPLAINT).length,
    });
    this.prune(region);
  }

  /** Statistics reach back two weeks; older records can go. */
  private prune(region: string): void {
    const state = this.state(region);
    const since = this.env.clock.now() - STATISTICS_WINDOW_MS;
    if (state.sends.length > 0 && state.sends[0]!.at <= since) state.sends = state.sends.filter((s) => s.at > since);
  }

  private matchingIdentity(region: string, address: string): SesIdentity | undefined {
    const lower = address.toLowerCase();
    const domain = domainOf(lower);
    const identities = this.state(region).identities;
    return (
      identities.find((i) => i.type === 'EmailAddress' && i.identity.toLowerCase() === lower) ??
      identities.find((i) => i.type === 'Domain' && i.identity.toLowerCase() === domain)
    );
  }

  private messageId(): string {
    const hex = (n: number) => Array.from(this.env.random.bytes(n), (b) => b.toString(16).padStart(2, '0')).join('');
    return `${this.env.clock.now().toString(16).padStart(16, '0')}-${this.env.random.uuid()}-${hex(3)}`;
  }

  private state(region: string): RegionState {
    let state = this.regions.get(region);
    if (!state) {
      state = {
        identities: [],
        sends: [],
        sandbox: true,
        ...SES_SANDBOX_DEFAULTS,
        rateTokens: SES_SANDBOX_DEFAULTS.maxSendRate,
        rateAt: this.env.clock.now(),
      };
      this.regions.set(region, state);
    }
    return state;
  }

  toJSON(): unknown {
    return Object.fromEntries([...this.regions].map(([region, s]) => [region, { ...s, identities: s.identities.map((i) => ({ ...i })), sends: s.sends.map((x) => ({ ...x })) }]));
  }

  static fromJSON(data: unknown, env: { clock: Clock; random: Random; outbox: Outbox; accountId: string }): Ses {
    const ses = new Ses(env);
    if (data && typeof data === 'object') {
      for (const [region, state] of Object.entries(data as Record<string, RegionState>)) ses.regions.set(region, { ...state });
    }
    return ses;
  }
}

/** `"Name" <a@b.c>` → `a@b.c` */
export function addressOf(value: string): string {
  const match = /<([^>]+)>\s*$/.exec(value);
  return (match ? match[1]! : value).trim();
}

function notVerified(region: string, addresses: readonly string[]): ServiceError {
  return new ServiceError(
    'MessageRejected',
    `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${unique(addresses.map(addressOf)).join(', ')}`,
  );
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address.toLowerCase() : address.slice(at + 1).toLowerCase();
}

function checkAddress(value: string): void {
  const address = addressOf(value);
  if (!address.includes('@')) throw new ServiceError('InvalidParameterValue', "Missing final '@domain'");
  if (/\s/.test(address) || address.startsWith('@') || address.endsWith('@')) throw new ServiceError('InvalidParameterValue', `Illegal address`);
}

function validationError(members: string[], constraint = 'Member must not be null', value: unknown = null): ServiceError {
  const parts = members.map((m) => `Value ${value === null ? 'null' : `'${String(value)}'`} at '${m}' failed to satisfy constraint: ${constraint}`);
  return new ServiceError('ValidationError', `${parts.length} validation error${parts.length > 1 ? 's' : ''} detected: ${parts.join('; ')}`);
}

function requireString(value: unknown, member: string): string {
  if (typeof value !== 'string') throw validationError([member]);
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
