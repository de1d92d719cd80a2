/** An error answered on the wire with an AWS error name (`__type`). */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const userNotFound = () => new AwsError('UserNotFoundException', 'User does not exist.');
export const notAuthorized = (message: string) => new AwsError('NotAuthorizedException', message);
export const unsupportedOperation = (message: string) =>
  new AwsError('UnsupportedOperationException', message);
