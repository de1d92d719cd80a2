import { operationTable } from '../registry';
import { callerIdentityOperations } from './caller-identity';

/**
 * STS. `@aws-sdk/client-sts` (3.1164) speaks awsQuery (`Action=<Op>&Version=2011-06-15`, XML in this
 * namespace); its model also names the awsJson1_0 target prefix below, which is routed to the same table.
 */
export const STS_VERSION = '2011-06-15';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_TARGET_PREFIX = 'AWSSecurityTokenServiceV20110615';

/** STS: GetCallerIdentity (caller-identity.ts); other actions answer 400. */
export const stsOperations = operationTable({ ...callerIdentityOperations });
