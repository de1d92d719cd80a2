/** Endpoint overrides per AWS service (the local Cognito, a VPC endpoint); unset means AWS's regional endpoint. */
export interface ServiceEndpoints {
  /** cognito-idp (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). */
  cognitoIdp?: string;
  /** cognito-identity (AWS_ENDPOINT_URL_COGNITO_IDENTITY). */
  cognitoIdentity?: string;
  /** IAM (AWS_ENDPOINT_URL_IAM). */
  iam?: string;
}

/** How to reach AWS (or the local Cognito). */
export interface GatewayConfig {
  /**
   * Region for calls not tied to a resource id (IAM is global, ListUserPools lists one region). Calls on a
   * user pool or identity pool use the region in its id (`eu-west-1_AbC123` → eu-west-1).
   */
  defaultRegion: string;
  endpoints?: ServiceEndpoints;
  /** Static credentials (the local stack uses dummy ones); unset means the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts including the first (throttling and 5xx are retried with backoff). Default 3. */
  maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection before giving up (then COGNITO_UNAVAILABLE). Default 5 000. */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for a response per attempt. Default 20 000. */
  requestTimeoutMs?: number;
}
