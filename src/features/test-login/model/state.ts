/**
 * The test-login panel as explicit state: eight steps, each with its own inputs, status, the API
 * calls of its latest run and its result. Every screen renders from this; every action is a
 * reducer transition, so a step can be re-run or resumed after an error without losing what was
 * typed. It lives in the page component only — in memory, gone when the panel is left.
 */
import type { ChallengeStep, TotpEnrolment, Tokens } from '@/aws/auth';
import type { AppError } from '@/aws/errors';
import type { ApiCall, AppClientInfo, AppClientSummary, CodeDelivery, IdentityPoolResult, IdentityPoolRoles, SelfView, SignUpResult } from '@/aws/test-login';
import type { PoolSettings } from '@/aws/user-detail';

export const STEP_IDS = ['client', 'signUp', 'confirm', 'signIn', 'tokens', 'identity', 'api', 'signOut'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  client: 'App client',
  signUp: 'Sign up',
  confirm: 'Confirm',
  signIn: 'Sign in',
  tokens: 'Tokens',
  identity: 'Identity pool',
  api: 'Call an API',
  signOut: 'Sign out and clean up',
};

export type StepStatus = 'idle' | 'running' | 'done' | 'error';

/** What the screen shows for a failure: the AWS (or our) error name and a sentence on what to do. */
export interface StepError {
  code: string;
  message: string;
  /** AWS's own words, when they add something */
  detail?: string;
}

export interface StepRun {
  status: StepStatus;
  /** the calls of the latest run, in order */
  calls: ApiCall[];
  error?: StepError;
  /** a sentence about the outcome or what to do next (e.g. after an expired session) */
  note?: string;
}

export interface Inputs {
  clientId: string;
  username: string;
  password: string;
  attributes: Record<string, string>;
  code: string;
  newPassword: string;
  totpCode: string;
  resetCode: string;
  resetPassword: string;
  identityPoolId: string;
  apiUrl: string;
  apiMethod: 'GET' | 'POST';
  apiToken: 'id' | 'access' | 'none';
  apiBody: string;
}

export interface ApiResult {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  durationMs: number;
  sentAuthorization: 'id' | 'access' | 'none';
}

export interface SignOutResult {
  /** how Cognito refused the refresh token after GlobalSignOut */
  refreshRefusal?: StepError;
  deleted?: string;
}

/** Each token's signature check against the pool's JWKS: 'verified' or why not. */
export interface Verification {
  jwksUri: string;
  id: 'verified' | StepError;
  access: 'verified' | StepError;
}

export interface TestLoginState {
  inputs: Inputs;
  steps: Record<StepId, StepRun>;
  /** from ListUserPoolClients, for the picker */
  clients?: AppClientSummary[];
  client?: AppClientInfo;
  /** the pool's schema and password policy (DescribeUserPool, with the operator's rights) */
  pool?: PoolSettings;
  verification?: Verification;
  signUp?: SignUpResult & { username: string };
  delivery?: CodeDelivery;
  /** usernames this panel signed up (offered for deletion by default) */
  createdUsers: string[];
  /** statuses seen for the test user, oldest first (UNCONFIRMED → CONFIRMED) */
  statusHistory: string[];
  challenge?: ChallengeStep;
  enrolment?: TotpEnrolment;
  /** a forgot-password run under way: the code went here */
  reset?: { delivery?: CodeDelivery };
  tokens?: Tokens;
  /** set by Refresh: the tokens before it, to show what changed */
  previousTokens?: Tokens;
  self?: SelfView;
  identity?: IdentityPoolResult;
  roles?: IdentityPoolRoles;
  /** why the role mapping could not be read (the step still runs) */
  rolesError?: StepError;
  apiResult?: ApiResult;
  signOut?: SignOutResult;
}

export type Action =
  | { type: 'input'; patch: Partial<Inputs> }
  | { type: 'attribute'; name: string; value: string }
  /** `continues`: a follow-up of the run before (new tokens verified): keep that run's calls */
  | { type: 'start'; step: StepId; continues?: boolean }
  | { type: 'call'; step: StepId; call: ApiCall }
  | { type: 'fail'; step: StepId; error: StepError }
  | { type: 'succeed'; step: StepId; patch?: Partial<Omit<TestLoginState, 'inputs' | 'steps'>>; note?: string }
  /** a result that arrives mid-run (the step stays running) */
  | { type: 'patch'; patch: Partial<Omit<TestLoginState, 'inputs' | 'steps'>> }
  | { type: 'status'; status: string }
  | { type: 'signed-up'; result: SignUpResult; username: string }
  | { type: 'challenge'; challenge: ChallengeStep | undefined; enrolment?: TotpEnrolment }
  | { type: 'session-expired'; minutes: number }
  | { type: 'signed-in'; tokens: Tokens }
  | { type: 'refreshed'; tokens: Tokens }
  | { type: 'forget-user' };

const idle = (): StepRun => ({ status: 'idle', calls: [] });

export function initialState(defaults: Partial<Inputs> = {}): TestLoginState {
  return {
    inputs: {
      clientId: '',
      username: '',
      password: '',
      attributes: {},
      code: '',
      newPassword: '',
      totpCode: '',
      resetCode: '',
      resetPassword: '',
      identityPoolId: '',
      apiUrl: '',
      apiMethod: 'GET',
      apiToken: 'id',
      apiBody: '',
      ...defaults,
    },
    steps: Object.fromEntries(STEP_IDS.map((id) => [id, idle()])) as Record<StepId, StepRun>,
    createdUsers: [],
    statusHistory: [],
  };
}

export function toStepError(error: AppError): StepError {
  const out: StepError = { code: error.code, message: error.message };
  if (error.detail && !error.message.includes(error.detail.replace(/\.$/, ''))) out.detail = error.detail;
  return out;
}

function patchStep(state: TestLoginState, step: StepId, patch: Partial<StepRun>): TestLoginState {
  return { ...state, steps: { ...state.steps, [step]: { ...state.steps[step], ...patch } } };
}

/** Steps whose results belong to one sign-in: a new sign-in (or a deleted user) makes them stale. */
const SESSION_STEPS: StepId[] = ['tokens', 'identity', 'api', 'signOut'];

function clearSession(state: TestLoginState): TestLoginState {
  const steps = { ...state.steps };
  for (const id of SESSION_STEPS) steps[id] = idle();
  const { tokens: _t, previousTokens: _p, self: _s, verification: _v, identity: _i, roles: _r, rolesError: _re, apiResult: _a, signOut: _o, ...rest } = state;
  return { ...rest, steps };
}

function withResults(state: TestLoginState, patch: Partial<Omit<TestLoginState, 'inputs' | 'steps'>> | undefined): TestLoginState {
  if (!patch) return state;
  const next = { ...state, ...patch };
  if (state.client && patch.client && patch.client.clientId !== state.client.clientId) {
    // Tokens and challenges of another client do not belong to this one.
    const { challenge: _c, enrolment: _e, ...rest } = clearSession(next);
    return rest;
  }
  return next;
}

export function reducer(state: TestLoginState, action: Action): TestLoginState {
  switch (action.type) {
    case 'input':
      return { ...state, inputs: { ...state.inputs, ...action.patch } };
    case 'attribute':
      return { ...state, inputs: { ...state.inputs, attributes: { ...state.inputs.attributes, [action.name]: action.value } } };
    case 'start':
      // Inputs and earlier results stay; only this step's calls, error and note start afresh.
      return patchStep(state, action.step, { status: 'running', calls: action.continues ? state.steps[action.step].calls : [], error: undefined, note: undefined });
    case 'call':
      return patchStep(state, action.step, { calls: [...state.steps[action.step].calls, action.call] });
    case 'fail':
      return patchStep(state, action.step, { status: 'error', error: action.error });
    case 'succeed':
      return patchStep(withResults(state, action.patch), action.step, { status: 'done', note: action.note });
    case 'patch':
      return withResults(state, action.patch);
    case 'status':
      return state.statusHistory.at(-1) === action.status ? state : { ...state, statusHistory: [...state.statusHistory, action.status] };
    case 'signed-up': {
      const createdUsers = state.createdUsers.includes(action.username) ? state.createdUsers : [...state.createdUsers, action.username];
      const out: TestLoginState = {
        ...state,
        signUp: { ...action.result, username: action.username },
        createdUsers,
        statusHistory: [],
        inputs: { ...state.inputs, code: '' },
      };
      if (action.result.delivery) out.delivery = action.result.delivery;
      else delete out.delivery;
      return out;
    }
    case 'challenge': {
      const out = { ...state, inputs: { ...state.inputs, totpCode: '' } };
      if (action.challenge) out.challenge = action.challenge;
      else delete out.challenge;
      if (action.enrolment) out.enrolment = action.enrolment;
      else delete out.enrolment;
      return out;
    }
    case 'session-expired': {
      const { challenge: _c, enrolment: _e, ...rest } = state;
      return patchStep(rest, 'signIn', {
        status: 'error',
        note: `Cognito keeps a sign-in challenge open for this client's AuthSessionValidity (${action.minutes} minutes), and that time has passed. Sign in again from the start; your inputs are kept.`,
      });
    }
    case 'signed-in': {
      const { challenge: _c, enrolment: _e, ...rest } = clearSession(state);
      return { ...rest, tokens: action.tokens };
    }
    case 'refreshed': {
      const { verification: _v, ...rest } = state;
      return { ...rest, previousTokens: state.tokens, tokens: action.tokens };
    }
    case 'forget-user': {
      const cleared = clearSession(state);
      const { signUp: _s, delivery: _d, challenge: _c, enrolment: _e, reset: _r, ...rest } = cleared;
      // The sign-out step keeps its run: it is where the deletion happened.
      const steps = { ...rest.steps, signUp: idle(), confirm: idle(), signIn: idle(), signOut: state.steps.signOut };
      return { ...rest, steps, statusHistory: [], createdUsers: state.createdUsers.filter((u) => u !== state.inputs.username) };
    }
  }
}

/** The step to look at next: the first one not done (the stepper highlights it). */
export function currentStep(state: TestLoginState): StepId {
  return STEP_IDS.find((id) => state.steps[id].status !== 'done') ?? 'signOut';
}
