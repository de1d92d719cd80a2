import type { APIRequestContext } from '@playwright/test';
import { awsJsonCall } from '@poolkeeper/contract';
import {
  accessTokenOf,
  dataRows,
  expect,
  test,
  uniqueUsername,
  userPassword,
  userUrl,
} from '../support/fixtures';
import { totpCode } from '../support/totp';

/**
 * The second demo pool: nobody else asserts on its MFA setting, so this spec makes it MFA ON (required) for
 * its own user and puts it back as it was afterwards (the demo pool stays OPTIONAL for the other specs).
 */
const globexPoolName = 'Globex Partners';

type Body = Record<string, unknown> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose AWS JSON keeps the steps readable
  [key: string]: any;
};

async function localCognito(request: APIRequestContext) {
  const config = (await (await request.get('/api/auth/config')).json()) as { endpoint: string };
  /** One call to the local Cognito over its wire protocol, as an app's SDK would make it. */
  return async (operation: string, input: Record<string, unknown>): Promise<Body> => {
    const answer = await awsJsonCall(config.endpoint, operation, input);
    expect(answer.status, `${operation}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body as Body;
  };
}

test('support resets the MFA of a TOTP user; the next sign-in gets MFA_SETUP; the audit shows the reason', async ({
  page,
  request,
  signIn,
}) => {
  test.slow();
  const cognito = await localCognito(request);
  await signIn('support');
  const pools = (await (
    await request.get('/api/pools', { headers: { Authorization: `Bearer ${await accessTokenOf(page)}` } })
  ).json()) as { items: Array<{ id: string; name: string }> };
  const poolId = pools.items.find((p) => p.name === globexPoolName)?.id;
  if (!poolId) throw new Error(`no pool ${globexPoolName}`);

  const before = await cognito('GetUserPoolMfaConfig', { UserPoolId: poolId });
  let clientId: string | undefined;
  try {
    await cognito('SetUserPoolMfaConfig', {
      UserPoolId: poolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const client = await cognito('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: uniqueUsername('e2e-mfa-app'),
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    clientId = client.UserPoolClient.ClientId as string;
    const username = uniqueUsername('e2e-mfa');
    await cognito('AdminCreateUser', {
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: 'Temp-Passw0rd!',
      MessageAction: 'SUPPRESS',
    });
    await cognito('AdminSetUserPassword', {
      UserPoolId: poolId,
      Username: username,
      Password: userPassword,
      Permanent: true,
    });
    const signInAsUser = () =>
      cognito('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: userPassword },
      });

    // The user enrols an authenticator app at the first sign-in, as an app would walk them through it.
    const setup = await signInAsUser();
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    const associated = await cognito('AssociateSoftwareToken', { Session: setup.Session });
    const verified = await cognito('VerifySoftwareToken', {
      Session: associated.Session,
      UserCode: totpCode(associated.SecretCode as string),
    });
    const enrolled = await cognito('RespondToAuthChallenge', {
      ClientId: clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
      ChallengeResponses: { USERNAME: username },
    });
    expect(enrolled.AuthenticationResult?.AccessToken).toBeTruthy();
    await cognito('SetUserMFAPreference', {
      AccessToken: enrolled.AuthenticationResult.AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect((await signInAsUser()).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    // Support opens the user and resets the MFA, with a reason.
    await page.goto(userUrl(poolId, username));
    const panel = page.getByRole('region', { name: 'Multi-factor authentication' });
    await expect(panel.getByTestId('mfa-factors')).toHaveText('Authenticator app (TOTP)');
    await expect(panel.getByTestId('mfa-preferred')).toHaveText(/Authenticator app/);
    await expect(panel).toContainText('MFA in this pool: Required');
    await panel.getByRole('button', { name: 'Reset MFA' }).click();
    const dialog = page.getByRole('dialog', { name: `Reset the MFA of ${username}?` });
    await expect(dialog).toContainText('set up a new authenticator app');
    const confirm = dialog.getByRole('button', { name: 'Reset MFA' });
    // the reason is mandatory: confirming without one marks the field and resets nothing
    await confirm.click();
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(
      /Give a reason/,
    );
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Ticket 4711: lost phone');
    await confirm.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`The MFA of ${username} was reset.`)).toBeVisible();
    await expect(panel.getByTestId('mfa-factors')).toHaveText('none');
    await expect(panel.getByRole('button', { name: 'Reset MFA' })).toBeDisabled();

    // The user's next sign-in: MFA is required and no factor is left, so Cognito asks for MFA setup.
    expect((await signInAsUser()).ChallengeName).toBe('MFA_SETUP');

    // The audit log (support may not read it; an auditor does) shows the reset and its reason.
    await page.evaluate(() => window.localStorage.removeItem('poolkeeper.session'));
    await signIn('auditor');
    await page.goto(`/#/audit-events?filter=${encodeURIComponent(JSON.stringify({ target: username }))}`);
    const rows = dataRows(page, 'Audit events').filter({ hasText: 'user.reset-mfa' });
    await expect(rows).toHaveCount(2); // attempt and outcome
    await expect(rows.filter({ hasText: 'succeeded' })).toContainText('Ticket 4711: lost phone');
    await expect(rows.filter({ hasText: 'succeeded' })).toContainText('support');
  } finally {
    await cognito('SetUserPoolMfaConfig', {
      UserPoolId: poolId,
      MfaConfiguration: before.MfaConfiguration ?? 'OFF',
      SoftwareTokenMfaConfiguration: before.SoftwareTokenMfaConfiguration ?? { Enabled: false },
      ...(before.SmsMfaConfiguration ? { SmsMfaConfiguration: before.SmsMfaConfiguration } : {}),
      ...(before.EmailMfaConfiguration ? { EmailMfaConfiguration: before.EmailMfaConfiguration } : {}),
    });
    if (clientId)
      await awsJsonCall(
        (await (await request.get('/api/auth/config')).json()).endpoint as string,
        'DeleteUserPoolClient',
        { UserPoolId: poolId, ClientId: clientId },
      );
  }
});
