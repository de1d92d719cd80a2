import { operationTable } from '../registry';
import { roleOperations } from './roles';

/** IAM speaks awsQuery: `Action=<Op>&Version=2010-05-08`, XML responses in this namespace. */
export const IAM_VERSION = '2010-05-08';
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** IAM: roles (roles.ts); other actions answer 400 InvalidAction. */
export const iamOperations = operationTable({ ...roleOperations });
