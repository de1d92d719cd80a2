import { operationTable } from '../registry';

/** IAM speaks awsQuery: `Action=<Op>&Version=2010-05-08`, XML responses in this namespace. */
export const IAM_VERSION = '2010-05-08';
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** IAM: none implemented yet (the federation issue adds roles); unknown actions answer 400 InvalidAction. */
export const iamOperations = operationTable({});
