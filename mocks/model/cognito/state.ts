/**
 * The records the Cognito IdP model keeps. Everything here is plain data (JSON-serialisable) except
 * the per-pool UserStore, which owns the indexes ListUsers needs at 100 000 users.
 */
import type { SigningKey } from '../crypto/jwt';
import type { SrpState } from '../crypto/srp';
import type { AuthEventRecord } from './auth-events';
import type { UserStore } from './user-store';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

export type AttributeMap = Record<string, string>;

/** A one-time code sent to the user (sign-up, forgot password, attribute verification). */
export interface CodeRecord {
  code: string;
  expiresAt: number; // ms
  /** the attribute the code was sent to, e.g. 'email', so confirming verifies it */
  attribute?: 'email' | 'phone_number';
}

export type CodePurpose = 'signUp' | 'forgotPassword' | 'verify:email' | 'verify:phone_number';

export interface MfaState {
  /** a secret from AssociateSoftwareToken not yet verified */
  pendingTotpSecret?: string;
  totpSecret?: string;
  totpEnabled?: boolean;
  totpPreferred?: boolean;
  smsEnabled?: boolean;
  smsPreferred?: boolean;
  emailEnabled?: boolean;
  emailPreferred?: boolean;
  /** the last TOTP code accepted, so one code cannot be replayed within its window */
  lastTotpCode?: string;
}

export interface UserRecord {
  /** insertion order; the listing cursor */
  seq: number;
  username: string;
  sub: string;
  attributes: AttributeMap;
  status: UserStatus;
  enabled: boolean;
  password?: string;
  /** a temporary password (FORCE_CHANGE_PASSWORD) stops working after this instant (ms) */
  passwordExpiresAt?: number;
  createdAt: number;
  modifiedAt: number;
  groups: string[];
  mfa: MfaState;
  codes: Partial<Record<CodePurpose, CodeRecord>>;
  /** consecutive failures, for the attempt limits (sign-in and codes) */
  failures: { signIn: number; code: number; signInLockedUntil?: number; codeLockedUntil?: number };
  /** values waiting for verification (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate) */
  pending?: AttributeMap;
  /** sign-ins and other auth events, oldest first, kept only in pools with threat protection (auth-events.ts) */
  authEvents?: AuthEventRecord[];
  /** when ResendConfirmationCode sent this user a code (ms), for the per-user hourly cap */
  resends?: number[];
}

export interface GroupRecord {
  name: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  createdAt: number;
  modifiedAt: number;
}

export interface ClientRecord {
  clientId: string;
  clientName: string;
  clientSecret?: string;
  createdAt: number;
  modifiedAt: number;
  /** the client's settings as the AWS shape (UserPoolClientType minus ids, secret and dates) */
  config: Record<string, unknown>;
}

export interface PoolRecord {
  id: string;
  region: string;
  name: string;
  createdAt: number;
  modifiedAt: number;
  /** the pool's settings as the AWS shape (UserPoolType members that are configuration) */
  config: Record<string, unknown>;
  /** custom and standard schema attributes, in AWS SchemaAttributeType shape */
  schema: SchemaAttribute[];
  mfa: Record<string, unknown>;
  /** SetRiskConfiguration settings by client id ('*' = the pool's own), AWS shape plus LastModifiedDate (ms) */
  risk?: Record<string, Record<string, unknown>>;
  /** the hosted domains (prefix and custom) and what DescribeUserPoolDomain reports about them */
  domains?: Record<string, { managedLoginVersion: number; certificateArn?: string }>;
  keys: SigningKey[];
  /** hex; derives stable SRP salts and decoy ids (srp-identity.ts), created on first use */
  srpSecret?: string;
  clients: Map<string, ClientRecord>;
  groups: Map<string, GroupRecord>;
  users: UserStore;
}

export interface SchemaAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

/** A pending challenge between InitiateAuth and RespondToAuthChallenge (or AssociateSoftwareToken). */
export interface SessionRecord {
  id: string;
  poolId: string;
  clientId: string;
  username: string;
  sub: string;
  challenge: 'PASSWORD_VERIFIER' | 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';
  expiresAt: number;
  /** true when the user does not exist and PreventUserExistenceErrors hides it */
  decoy?: boolean;
  srp?: SrpState;
  /** MFA_SETUP: AssociateSoftwareToken / VerifySoftwareToken progress */
  totpSecret?: string;
  totpVerified?: boolean;
  admin?: boolean;
  /** the SignIn auth event this challenge belongs to, settled when the challenge is answered */
  authEventId?: string;
}

/** An issued refresh token and the sign-in session all its ID/access tokens belong to (origin_jti). */
export interface RefreshRecord {
  token: string;
  originJti: string;
  poolId: string;
  clientId: string;
  username: string;
  sub: string;
  authTime: number; // s
  expiresAt: number; // ms
  revoked: boolean;
  /** after this the record may be dropped: every token of the session has expired */
  keepUntil: number; // ms
}
