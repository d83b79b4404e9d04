// `npm start` builds for production and serves the build: how long an operator waits for the URL.
import { buildAndPreview } from './browser-serve';
import { printTable, timeIt } from './report';

const TARGET_SECONDS = 15;

export async function benchStart(): Promise<void> {
  console.log('\n## npm start: vite build + vite preview until the page answers');
  const { seconds, value: server } = await timeIt(() => buildAndPreview());
  await server.close();
  printTable(['measure', 'figure', 'target'], [['first start to the first HTTP 200', `${seconds.toFixed(1)} s`, `< ${TARGET_SECONDS} s (${(seconds / TARGET_SECONDS).toFixed(2)}× the target)`]]);
}
