/**
 * "Import from the app": an Amplify app names its client in aws-exports (Gen 1,
 * `aws_user_pools_web_client_id`, as JSON or as the generated aws-exports.js) or in
 * amplify_outputs.json (Gen 2, `auth.user_pool_client_id`). Read as text — nothing pasted is run.
 */
export type ImportedClient = { ok: true; clientId: string; userPoolId?: string } | { ok: false; message: string };

const field = (text: string, name: string) => new RegExp(`["']?${name}["']?\\s*:\\s*["']([^"']+)["']`).exec(text)?.[1];

export function clientFromAwsExports(text: string, expectedPoolId: string): ImportedClient {
  const clientId = field(text, 'aws_user_pools_web_client_id') ?? field(text, 'user_pool_client_id');
  const userPoolId = field(text, 'aws_user_pools_id') ?? field(text, 'user_pool_id');
  if (!clientId) {
    return { ok: false, message: 'No aws_user_pools_web_client_id (aws-exports) or auth.user_pool_client_id (amplify_outputs.json) found. Paste the whole file.' };
  }
  if (!/^[\w+]{1,128}$/.test(clientId)) return { ok: false, message: `"${clientId}" is not an app client id.` };
  if (userPoolId && userPoolId !== expectedPoolId) {
    return { ok: false, message: `That app uses user pool ${userPoolId}, but Poolkeeper manages ${expectedPoolId}. Test it with a Poolkeeper configured for that pool.` };
  }
  return userPoolId ? { ok: true, clientId, userPoolId } : { ok: true, clientId };
}
