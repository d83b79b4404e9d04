/**
 * What a seed file or a CloudFormation template created (mocks/seed owns the formats; the model
 * only passes these results on), so `applySeedFile`/`applyTemplate` and `emulator.loaded` are typed.
 */

/** By the names the seed file used. */
export interface SeedFileResult {
  region: string;
  userPools: Record<string, { id: string; arn: string; clients: Record<string, string>; providerName: string }>;
  identityPools: Record<string, string>;
  roles: Record<string, string>;
}

export interface DeployResult {
  stackName: string;
  outputs: Record<string, string>;
  /** logical id → type and physical id (what Ref gives) */
  resources: Record<string, { type: string; physicalId: string }>;
  /** resource types the emulator does not model, skipped */
  skipped: Array<{ logicalId: string; type: string }>;
  /** things done differently from AWS, e.g. a domain created with no hosted UI behind it */
  notes: string[];
}
