/** Sentences several checks' fixes end with. */
export const UPDATE_POOL_NOTE = 'update-user-pool resets every setting it is not given: send the pool\'s full current configuration with the change';
export const UPDATE_CLIENT_NOTE = 'update-user-pool-client resets every setting it is not given: send the client\'s full current configuration with the change';
