/**
 * What `@poolkeeper/cognito-emulator/<anything else>` resolves to (package.json "./*"): the files
 * inside the package are not an API, so importing one fails at once with the entries to use
 * instead. The requested subpath arrives as this module's query string in Node; bundlers drop it
 * from import.meta.url, and then the message cannot name it.
 */
const requested = decodeURIComponent(new URL(import.meta.url).search.slice(1));
const what = requested ? `'@poolkeeper/cognito-emulator/${requested}'` : 'The subpath imported';

throw new Error(
  [
    `${what} is not an entry point of @poolkeeper/cognito-emulator; its files are internal and change between releases.`,
    'Import one of these instead:',
    "  '@poolkeeper/cognito-emulator'          the model: Emulator, createPool/createUser/createGroup, DEMO, Clock, totpAt, createRouter",
    "  '@poolkeeper/cognito-emulator/msw'      handlers(emulator) to spread into your own setupServer()/setupWorker()",
    "  '@poolkeeper/cognito-emulator/node'     createNodeEmulator(): msw setupServer answering the AWS hostnames",
    "  '@poolkeeper/cognito-emulator/server'   startEmulatorServer(): the emulator on a local HTTP port",
    "  '@poolkeeper/cognito-emulator/browser'  startBrowserEmulator(): the msw service worker with IndexedDB state",
  ].join('\n'),
);

export {};
