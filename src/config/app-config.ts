/**
 * The dashboard's runtime configuration after validation. Everything here is public: it ships to
 * every browser that opens the dashboard, which is why secrets are refused at load time.
 */
export interface PasswordPolicyConfig {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface AppConfig {
  region: string;
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
  adminGroup: string;
  sesRegion: string;
  /** One URL for cognito-idp, cognito-identity and SES (the standalone emulator or a compatible endpoint). */
  endpoint?: string;
  idleTimeoutMinutes: number;
  /**
   * The pool's password policy as the deployer states it. Optional because the operator cannot read
   * the real policy (DescribeUserPool) before signing in; see features/auth/new-password-form.tsx.
   */
  passwordPolicy?: PasswordPolicyConfig;
  /** The end users' app client the test-login panel starts with (the app's own, without a secret). */
  testClientId?: string;
  /** The API the test-login panel calls with the test user's token (an http(s) URL). */
  testApiUrl?: string;
}

export interface ConfigProblem {
  /** The field as the operator wrote it: `aws_user_pools_id`, `VITE_CLIENT_ID`, `config.json` … */
  field: string;
  /** What is wrong, as a sentence. */
  message: string;
  /** How to fix it, as a sentence. */
  fix: string;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

export const DEFAULT_ADMIN_GROUP = 'admins';
export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
