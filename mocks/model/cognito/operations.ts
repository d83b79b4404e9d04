/**
 * Every cognito-idp operation the model implements, with whether AWS requires SigV4 for it.
 * End-user operations (sign-up, sign-in, token-authorised self-service) are unsigned in AWS;
 * everything administrative is IAM-authorised.
 */
import { initiateAuth } from './auth';
import { adminListUserAuthEvents, adminUpdateAuthEventFeedback } from './auth-events';
import { respondToAuthChallenge } from './challenges';
import {
  createUserPoolClient,
  deleteUserPoolClient,
  describeUserPoolClient,
  listUserPoolClients,
  updateUserPoolClient,
} from './clients';
import type { Handler } from './engine';
import {
  adminAddUserToGroup,
  adminListGroupsForUser,
  adminRemoveUserFromGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listUsersInGroup,
  updateGroup,
} from './groups';
import { listUsers } from './list-users';
import { adminSetUserMfaPreference, associateSoftwareToken, setUserMfaPreference, verifySoftwareToken } from './mfa';
import {
  createUserPool,
  deleteUserPool,
  describeUserPool,
  getUserPoolMfaConfig,
  listUserPools,
  setUserPoolMfaConfig,
  updateUserPool,
} from './pools';
import {
  createUserPoolDomain,
  deleteUserPoolDomain,
  describeRiskConfiguration,
  describeUserPoolDomain,
  listUserPoolReplicas,
  setRiskConfiguration,
} from './pool-settings';
import {
  changePassword,
  deleteUser,
  getUser,
  getUserAttributeVerificationCode,
  globalSignOut,
  revokeToken,
  updateUserAttributes,
  verifyUserAttribute,
} from './self-service';
import { confirmForgotPassword, confirmSignUp, forgotPassword, resendConfirmationCode, signUp } from './sign-up';
import {
  adminConfirmSignUp,
  adminCreateUser,
  adminDeleteUser,
  adminDeleteUserAttributes,
  adminDisableUser,
  adminEnableUser,
  adminGetUser,
  adminResetUserPassword,
  adminSetUserPassword,
  adminUpdateUserAttributes,
  adminUserGlobalSignOut,
} from './users-admin';

export interface Operation {
  handler: Handler;
  sigv4: boolean;
}

const admin = (handler: Handler): Operation => ({ handler, sigv4: true });
const user = (handler: Handler): Operation => ({ handler, sigv4: false });

export const OPERATIONS: Record<string, Operation> = {
  CreateUserPool: admin(createUserPool),
  DescribeUserPool: admin(describeUserPool),
  UpdateUserPool: admin(updateUserPool),
  ListUserPools: admin(listUserPools),
  DeleteUserPool: admin(deleteUserPool),
  GetUserPoolMfaConfig: admin(getUserPoolMfaConfig),
  SetUserPoolMfaConfig: admin(setUserPoolMfaConfig),
  DescribeRiskConfiguration: admin(describeRiskConfiguration),
  SetRiskConfiguration: admin(setRiskConfiguration),
  CreateUserPoolDomain: admin(createUserPoolDomain),
  DescribeUserPoolDomain: admin(describeUserPoolDomain),
  DeleteUserPoolDomain: admin(deleteUserPoolDomain),
  ListUserPoolReplicas: admin(listUserPoolReplicas),

  CreateUserPoolClient: admin(createUserPoolClient),
  DescribeUserPoolClient: admin(describeUserPoolClient),
  UpdateUserPoolClient: admin(updateUserPoolClient),
  ListUserPoolClients: admin(listUserPoolClients),
  DeleteUserPoolClient: admin(deleteUserPoolClient),

  CreateGroup: admin(createGroup),
  GetGroup: admin(getGroup),
  UpdateGroup: admin(updateGroup),
  DeleteGroup: admin(deleteGroup),
  ListGroups: admin(listGroups),

  AdminCreateUser: admin(adminCreateUser),
  AdminGetUser: admin(adminGetUser),
  AdminDeleteUser: admin(adminDeleteUser),
  AdminDisableUser: admin(adminDisableUser),
  AdminEnableUser: admin(adminEnableUser),
  AdminConfirmSignUp: admin(adminConfirmSignUp),
  AdminResetUserPassword: admin(adminResetUserPassword),
  AdminSetUserPassword: admin(adminSetUserPassword),
  AdminUpdateUserAttributes: admin(adminUpdateUserAttributes),
  AdminDeleteUserAttributes: admin(adminDeleteUserAttributes),
  AdminUserGlobalSignOut: admin(adminUserGlobalSignOut),
  AdminListGroupsForUser: admin(adminListGroupsForUser),
  AdminAddUserToGroup: admin(adminAddUserToGroup),
  AdminRemoveUserFromGroup: admin(adminRemoveUserFromGroup),
  AdminInitiateAuth: admin((engine, input, ctx) => initiateAuth(engine, input, ctx, true)),
  AdminRespondToAuthChallenge: admin((engine, input, ctx) => respondToAuthChallenge(engine, input, ctx, true)),
  AdminSetUserMFAPreference: admin(adminSetUserMfaPreference),
  AdminListUserAuthEvents: admin(adminListUserAuthEvents),
  AdminUpdateAuthEventFeedback: admin(adminUpdateAuthEventFeedback),
  ListUsers: admin(listUsers),
  ListUsersInGroup: admin(listUsersInGroup),

  SignUp: user(signUp),
  ConfirmSignUp: user(confirmSignUp),
  ResendConfirmationCode: user(resendConfirmationCode),
  ForgotPassword: user(forgotPassword),
  ConfirmForgotPassword: user(confirmForgotPassword),
  InitiateAuth: user((engine, input, ctx) => initiateAuth(engine, input, ctx, false)),
  RespondToAuthChallenge: user((engine, input, ctx) => respondToAuthChallenge(engine, input, ctx, false)),
  AssociateSoftwareToken: user(associateSoftwareToken),
  VerifySoftwareToken: user(verifySoftwareToken),
  SetUserMFAPreference: user(setUserMfaPreference),
  GetUser: user(getUser),
  ChangePassword: user(changePassword),
  UpdateUserAttributes: user(updateUserAttributes),
  GetUserAttributeVerificationCode: user(getUserAttributeVerificationCode),
  VerifyUserAttribute: user(verifyUserAttribute),
  GlobalSignOut: user(globalSignOut),
  RevokeToken: user(revokeToken),
  DeleteUser: user(deleteUser),
};
