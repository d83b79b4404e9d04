/**
 * npm run review -- --user-pool-id ID [--identity-pool-id ID] [--region R] [--endpoint URL]
 *                   [--format text|json|md|sarif] [--fail-on high|medium|low] [--profile NAME]
 *
 * The configuration review headless, for CI: the same reads (src/aws/review-gather.ts) and rules
 * (src/lib/review) as the Configuration screen. Exit 0: done, nothing at or above --fail-on;
 * 1: findings at or above --fail-on; 2: a usage or access error (the message says which).
 */
import { parseArgs } from 'node:util';
import { toAppError } from '../src/aws/errors';
import { gatherReviewInput, ReviewAccessError } from '../src/aws/review-gather';
import { nodeReviewSources } from '../src/aws/review-node';
import { evaluateReview, findingsAtOrAbove } from '../src/lib/review/evaluate';
import { FORMATS, renderReport, type ReportFormat } from '../src/lib/review/report';
import type { Severity } from '../src/lib/review/types';

const USAGE = `Usage: npm run review -- --user-pool-id ID [--identity-pool-id ID] [--region R] [--endpoint URL]
                         [--format ${FORMATS.join('|')}] [--fail-on high|medium|low] [--profile NAME]`;
const FAIL_ON: readonly Severity[] = ['high', 'medium', 'low'];

class UsageError extends Error {}

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'user-pool-id': { type: 'string' },
        'identity-pool-id': { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help) return { help: true as const };
  const userPoolId = parsed['user-pool-id'];
  if (!userPoolId) throw new UsageError('--user-pool-id is required.');
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) throw new UsageError(`"${userPoolId}" is not a user pool id (expected <region>_<id>, e.g. eu-west-1_AbC123xyz).`);
  const format = parsed.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown --format "${format}". Formats: ${FORMATS.join(', ')}.`);
  const failOn = parsed['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`Unknown --fail-on "${failOn}". Use one of: ${FAIL_ON.join(', ')}.`);
  const identityPoolId = parsed['identity-pool-id'];
  if (identityPoolId !== undefined && !/^[\w-]+:[0-9a-f-]+$/.test(identityPoolId)) throw new UsageError(`"${identityPoolId}" is not an identity pool id (expected <region>:<uuid>).`);
  const region = parsed.region ?? /^([a-z]{2}(?:-[a-z]+)+-\d)_/.exec(userPoolId)?.[1] ?? process.env.AWS_REGION;
  if (!region) throw new UsageError('No Region: pass --region or a user pool id that starts with one.');
  return {
    help: false as const,
    userPoolId,
    region,
    format: format as ReportFormat,
    ...(failOn ? { failOn: failOn as Severity } : {}),
    ...(identityPoolId ? { identityPoolId } : {}),
    ...(parsed.endpoint ? { endpoint: parsed.endpoint } : {}),
    ...(parsed.profile ? { profile: parsed.profile } : {}),
  };
}

export async function runReviewCli(argv: string[]): Promise<CliResult> {
  let opts;
  try {
    opts = options(argv);
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: `${error.message}\n${USAGE}\n` };
    throw error;
  }
  if (opts.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  try {
    const input = await gatherReviewInput(nodeReviewSources(opts));
    const review = evaluateReview(input);
    const failing = opts.failOn ? findingsAtOrAbove(review, opts.failOn) : [];
    const note = failing.length > 0 ? `${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${opts.failOn}.\n` : '';
    return { code: failing.length > 0 ? 1 : 0, stdout: renderReport(review, opts.format), stderr: note };
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${accessMessage(error, opts.userPoolId)}\n` };
  }
}

function accessMessage(error: unknown, userPoolId: string): string {
  const inner = error instanceof ReviewAccessError ? error.error.code : (error as { name?: string } | null)?.name;
  if (inner === 'CredentialsProviderError') {
    return 'No AWS credentials found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE (or --profile), or run `aws sso login`.';
  }
  if (error instanceof ReviewAccessError) {
    return `Cannot read user pool ${userPoolId}: ${error.error.message} (${error.error.code}${error.error.detail ? `: ${error.error.detail}` : ''})`;
  }
  const appError = toAppError(error);
  return `The review could not run: ${appError.message}`;
}

// Run when executed (not when a test imports runReviewCli).
if (process.argv[1] && /review\.ts$/.test(process.argv[1])) {
  const result = await runReviewCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
