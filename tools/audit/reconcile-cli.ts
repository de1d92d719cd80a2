import { ConfigError, loadConfig, reconcileAuditOnce } from '@poolkeeper/api';

/**
 * `npm run audit:reconcile`: one audit reconciler pass (README "Audit reconciler") with the API's configuration
 * from the environment: DATABASE_URL (required), the Cognito settings (COGNITO_MODE, AWS_REGION, endpoints) and
 * AUDIT_RECONCILE_GRACE_SECONDS. Prints what the pass did as JSON. Exit code 0 when it ran (or an API process
 * was reconciling at that moment: nothing to do), 2 when it cannot run.
 */
export async function main(env: NodeJS.ProcessEnv): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`audit:reconcile: bad configuration: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    const pass = await reconcileAuditOnce({ ...config, logLevel: 'silent' });
    console.log(JSON.stringify(pass));
    if (!pass.ran) console.error('audit:reconcile: another process is reconciling right now; nothing done');
    return 0;
  } catch (error) {
    console.error(`audit:reconcile: could not run: ${(error as Error).message}`);
    return 2;
  }
}
