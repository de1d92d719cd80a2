import { dataRows, demoPoolIdOf, expect, test } from '../support/fixtures';
import { collectForbidden, groupUrl } from './group-helpers';

/** A seeded group of the demo pool (precedence 10, see the emulator's demo-security seed). */
const SEEDED = 'beta-testers';

for (const role of ['support', 'auditor'] as const) {
  test(`${role} reads groups and a user's groups with no edit controls and no request answering 403`, async ({
    page,
    request,
    signIn,
  }) => {
    test.slow(); // three screens
    const forbidden = collectForbidden(page);
    await signIn(role);
    await page.getByRole('menuitem', { name: 'Groups' }).click();
    await expect(dataRows(page, 'Groups').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create group' })).toHaveCount(0);

    await page.goto(groupUrl(await demoPoolIdOf(page, request), SEEDED));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Group ${SEEDED}`);
    const members = dataRows(page, 'Members');
    await expect(members.first()).toBeVisible();
    for (const name of ['Edit group', 'Delete group', 'Add member'])
      await expect(page.getByRole('link', { name }).or(page.getByRole('button', { name }))).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

    await members.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^User /);
    const section = page.getByRole('region', { name: 'Groups and token roles' });
    await expect(section.getByRole('link', { name: SEEDED })).toBeVisible();
    await expect(section.getByRole('button')).toHaveCount(0);
    expect(forbidden).toEqual([]);
  });
}
