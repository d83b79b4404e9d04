/**
 * An error in AWS's own form. `code` is the exception name that goes into `__type`
 * (awsJson1_1) or `<Code>` (awsQuery); `message` is AWS's wording.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);
export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const notAuthorized = (message: string) => new ServiceError('NotAuthorizedException', message);
