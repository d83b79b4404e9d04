import {
  answerTotp,
  beginTotpSetup,
  completeNewPassword,
  completeTotpSetup,
  globalSignOut,
  refreshTokens,
  signIn,
  type AuthClient,
  type ChallengeStep,
  type SignInStep,
  type Tokens,
  type TotpEnrolment,
} from '@/aws/auth';
import { AppError, toAppError } from '@/aws/errors';
import type { IdTokenClaims, IdTokenVerifier } from '@/aws/token-verifier';
import { SESSION_CHANNEL_WAIT_MS, type SessionChannel } from './session-channel';
import { clearStoredSession, readStoredSession, writeStoredSession, type SessionStorageLike, type StoredSession } from './session-store';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice?: SessionNotice }
  | { status: 'challenge'; step: ChallengeStep; account: string }
  | { status: 'signed-in'; tokens: Tokens; claims: IdTokenClaims; isAdmin: boolean; startedAt: number };

/** Why the operator is looking at the sign-in page again. */
export interface SessionNotice {
  tone: 'info' | 'error';
  message: string;
}

export interface SessionDeps {
  auth: AuthClient;
  verifier: IdTokenVerifier;
  adminGroup: string;
  storage: SessionStorageLike | null;
  now?: () => number;
  /** Tokens are renewed this long before they expire. */
  refreshMarginMs?: number;
  /** Other tabs of this browser: a new tab joins their session, and sign-out ends it in all of them. */
  channel?: SessionChannel | null;
}

const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;
const RETRY_REFRESH_MS = 30_000;

/**
 * The operator's session, outside React so the AWS credential chain can ask it for a fresh ID
 * token at any time. Holds tokens in memory and sessionStorage, refreshes them before they expire,
 * and revokes them on sign-out.
 */
export class SessionController {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly margin: number;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  private restoring: Promise<void> | undefined;
  private signingOut = false;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
    this.margin = deps.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    deps.channel?.serve(() => this.currentSession());
    deps.channel?.onSignOut((sub) => {
      const state = this.state;
      // GlobalSignOut in the other tab revoked this operator's tokens; a tab signed in as someone else keeps going.
      if (state.status === 'signed-in' && state.claims.sub === sub) {
        this.endLocally({ tone: 'info', message: 'You signed out in another tab of this browser.' });
      }
    });
  }

  /** What a new tab needs to join: only while signed in. */
  private currentSession(): StoredSession | null {
    const state = this.state;
    if (state.status !== 'signed-in' || this.signingOut) return null;
    return { userPoolId: this.deps.auth.userPoolId, clientId: this.deps.auth.clientId, tokens: state.tokens, startedAt: state.startedAt };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(next: SessionState) {
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }

  /** Picks up the session this tab had before a reload; idempotent. */
  restore(): Promise<void> {
    this.restoring ??= this.doRestore();
    return this.restoring;
  }

  private async doRestore() {
    const { auth, storage, channel } = this.deps;
    // This tab's own session first (a reload); else a session an open tab hands over (a new tab).
    // The handed-over tokens go through the same verification as stored ones below.
    const stored =
      readStoredSession(storage, { userPoolId: auth.userPoolId, clientId: auth.clientId }) ??
      (channel ? await channel.request(SESSION_CHANNEL_WAIT_MS) : null);
    if (!stored) {
      if (this.state.status === 'restoring') this.setState({ status: 'signed-out' });
      return;
    }
    try {
      const claims = await this.deps.verifier.verify(stored.tokens.idToken);
      if (claims.expiresAt - this.now() <= this.margin) {
        const tokens = await refreshTokens(auth, stored.tokens.refreshToken);
        await this.establish(tokens, stored.startedAt);
      } else {
        this.enter(stored.tokens, claims, stored.startedAt);
      }
    } catch (error) {
      const appError = toAppError(error);
      if (appError.reauthenticate || appError.code === 'NotAuthorizedException') {
        try {
          await this.establish(await refreshTokens(auth, stored.tokens.refreshToken), stored.startedAt);
          return;
        } catch {
          clearStoredSession(storage);
          this.setState({ status: 'signed-out', notice: { tone: 'info', message: 'Your session has ended. Sign in again.' } });
          return;
        }
      }
      // Offline or AWS unreachable: keep the stored tokens so a later reload can still use them.
      this.setState({ status: 'signed-out', notice: { tone: 'error', message: appError.message } });
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    const step = await signIn(this.deps.auth, { username, password });
    await this.advance(step, username);
  }

  async completeNewPassword(newPassword: string, attributes: Record<string, string> = {}): Promise<void> {
    const current = this.challenge('new-password');
    await this.runStep(() => completeNewPassword(this.deps.auth, current.step, { newPassword, attributes }), current.account);
  }

  async answerTotp(code: string): Promise<void> {
    const current = this.challenge('totp');
    await this.runStep(() => answerTotp(this.deps.auth, current.step, code), current.account);
  }

  async beginTotpSetup(): Promise<TotpEnrolment> {
    const current = this.challenge('mfa-setup');
    try {
      return await beginTotpSetup(this.deps.auth, current.step, current.account);
    } catch (error) {
      throw this.challengeFailed(error);
    }
  }

  async completeTotpSetup(enrolment: TotpEnrolment, code: string): Promise<void> {
    const current = this.challenge('mfa-setup');
    await this.runStep(() => completeTotpSetup(this.deps.auth, current.step, enrolment, code), current.account);
  }

  /** Leaves a half-finished sign-in (new password, MFA) and returns to the sign-in form. */
  cancelChallenge(): void {
    if (this.state.status === 'challenge') this.setState({ status: 'signed-out' });
  }

  /** A valid ID token for AWS calls, refreshed first when it is about to expire. */
  async getIdToken(): Promise<string> {
    const state = this.state;
    if (state.status !== 'signed-in') throw new AppError('SignedOut', 'You are signed out. Sign in again.', { reauthenticate: true });
    if (state.claims.expiresAt - this.now() > 60_000) return state.tokens.idToken;
    await this.refresh();
    const after = this.state;
    if (after.status !== 'signed-in') throw new AppError('SignedOut', 'Your session has ended. Sign in again.', { reauthenticate: true });
    return after.tokens.idToken;
  }

  /** REFRESH_TOKEN_AUTH now; concurrent callers share one request. A revoked session signs out. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh() {
    const state = this.state;
    if (state.status !== 'signed-in') return;
    try {
      const tokens = await refreshTokens(this.deps.auth, state.tokens.refreshToken);
      if (this.state !== state) return; // signed out meanwhile
      await this.establish(tokens, state.startedAt);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.retryable && state.claims.expiresAt > this.now()) {
        this.scheduleRefresh(this.now() + RETRY_REFRESH_MS + this.margin);
        throw appError;
      }
      this.endLocally({ tone: 'info', message: 'Your session has ended. Sign in again.' });
      throw appError;
    }
  }

  /**
   * GlobalSignOut (revokes the refresh token and every access token of the operator), then
   * forget everything locally — even when Cognito cannot be reached, and then say so.
   */
  async signOut(notice?: SessionNotice): Promise<void> {
    const state = this.state;
    let finalNotice = notice;
    this.signingOut = true;
    // Forget the stored session before asking Cognito: a reload or a closed tab while the call is
    // under way must not bring the session back. Other tabs end at once too, and stop offering it.
    clearStoredSession(this.deps.storage);
    if (state.status === 'signed-in') this.deps.channel?.announceSignOut(state.claims.sub);
    if (state.status === 'signed-in') {
      try {
        await globalSignOut(this.deps.auth, state.tokens.accessToken);
      } catch (error) {
        const appError = toAppError(error);
        // An already revoked or expired session needs no revoking.
        if (appError.retryable || !(appError.reauthenticate || appError.code === 'NotAuthorizedException')) {
          finalNotice = {
            tone: 'error',
            message: `${notice ? `${notice.message} ` : ''}You are signed out here, but Cognito could not be told to end the session everywhere: ${appError.message} Tokens elsewhere stay valid until they expire.`,
          };
        }
      }
    }
    this.endLocally(finalNotice);
  }

  /** Clears the session without calling Cognito (e.g. after the emulator's state was reset). */
  endLocally(notice?: SessionNotice): void {
    this.signingOut = false;
    this.clearTimer();
    clearStoredSession(this.deps.storage);
    this.setState(notice ? { status: 'signed-out', notice } : { status: 'signed-out' });
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
    this.deps.channel?.close();
  }

  private challenge<K extends ChallengeStep['kind']>(kind: K): { step: Extract<ChallengeStep, { kind: K }>; account: string } {
    const state = this.state;
    if (state.status !== 'challenge' || state.step.kind !== kind) {
      throw new AppError('NoChallenge', 'This sign-in step is no longer active. Start signing in again.', { reauthenticate: true });
    }
    return { step: state.step as Extract<ChallengeStep, { kind: K }>, account: state.account };
  }

  private async runStep(run: () => Promise<SignInStep>, account: string) {
    let step: SignInStep;
    try {
      step = await run();
    } catch (error) {
      throw this.challengeFailed(error);
    }
    await this.advance(step, account);
  }

  /** A challenge whose session expired cannot be answered again: back to the start, with the reason. */
  private challengeFailed(error: unknown): AppError {
    const appError = toAppError(error);
    if (appError.reauthenticate) this.setState({ status: 'signed-out', notice: { tone: 'error', message: appError.message } });
    return appError;
  }

  private async advance(step: SignInStep, account: string) {
    if (step.kind === 'signed-in') {
      await this.establish(step.tokens, this.now());
    } else {
      this.setState({ status: 'challenge', step, account });
    }
  }

  private async establish(tokens: Tokens, startedAt: number) {
    const claims = await this.deps.verifier.verify(tokens.idToken);
    this.enter(tokens, claims, startedAt);
  }

  private enter(tokens: Tokens, claims: IdTokenClaims, startedAt: number) {
    writeStoredSession(this.deps.storage, { userPoolId: this.deps.auth.userPoolId, clientId: this.deps.auth.clientId, tokens, startedAt });
    this.setState({ status: 'signed-in', tokens, claims, isAdmin: claims.groups.includes(this.deps.adminGroup), startedAt });
    this.scheduleRefresh(claims.expiresAt);
  }

  private scheduleRefresh(expiresAt: number) {
    this.clearTimer();
    const delay = Math.max(0, expiresAt - this.margin - this.now());
    this.refreshTimer = setTimeout(() => {
      this.refresh().catch(() => {
        // Failures either rescheduled a retry or ended the session with a notice.
      });
    }, delay);
  }

  private clearTimer() {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}
