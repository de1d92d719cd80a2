import { describe, expect, it } from '@jest/globals';
import { validateForm } from '../../common/contract-form';
import {
  createGroupForm,
  deleteGroupForm,
  editGroupForm,
  toCreateGroupBody,
  toUpdateGroupBody,
} from './group-forms';

const ARN = 'arn:aws:iam::123456789012:role/Editors';
const previous = { description: 'Editors', precedence: 5, roleArn: ARN };

describe('group forms', () => {
  it('create sends only what was filled in, trimmed', () => {
    expect(
      toCreateGroupBody({ groupName: ' editors ', description: '', precedence: null, roleArn: ' ' }),
    ).toEqual({ groupName: 'editors' });
    expect(
      toCreateGroupBody({ groupName: 'e', description: ' d ', precedence: 0, roleArn: ARN, reason: ' why ' }),
    ).toEqual({ groupName: 'e', description: 'd', precedence: 0, roleArn: ARN, reason: 'why' });
  });

  it('create is checked with the contract: name, precedence range and the role-ARN shape', () => {
    expect(validateForm(createGroupForm, { groupName: '' }, undefined)).toEqual({ groupName: 'Required.' });
    const problems = validateForm(
      createGroupForm,
      { groupName: 'has space', precedence: -1, roleArn: 'arn:aws:iam::1:user/x' },
      undefined,
    );
    expect(Object.keys(problems ?? {}).sort()).toEqual(['groupName', 'precedence', 'roleArn']);
    expect(problems?.['roleArn']).toMatch(/IAM role ARN/);
    expect(
      validateForm(createGroupForm, { groupName: 'ok', precedence: 3, roleArn: ARN }, undefined),
    ).toBeNull();
  });

  it('edit sends only the fields that changed', () => {
    expect(toUpdateGroupBody({ ...previous, precedence: 2 }, previous)).toEqual({ precedence: 2 });
    expect(toUpdateGroupBody({ ...previous, description: '' }, previous)).toEqual({ description: '' });
    expect(toUpdateGroupBody({ description: 'new', precedence: null, roleArn: null }, undefined)).toEqual({
      description: 'new',
    });
  });

  it('edit refuses an unchanged form and a removed role or precedence (UpdateGroup only replaces them)', () => {
    const context = { previous };
    expect(validateForm(editGroupForm, { ...previous }, context)).toHaveProperty('description');
    expect(validateForm(editGroupForm, { ...previous, roleArn: '' }, context)).toHaveProperty('roleArn');
    expect(validateForm(editGroupForm, { ...previous, precedence: null }, context)).toHaveProperty(
      'precedence',
    );
    expect(validateForm(editGroupForm, { ...previous, roleArn: `${ARN}2` }, context)).toBeNull();
  });

  it('delete needs the typed name', () => {
    expect(deleteGroupForm.toBody({ confirm: 'g', reason: '' }, undefined)).toEqual({ confirm: 'g' });
    expect(
      validateForm(deleteGroupForm, { confirm: 'g', reason: 'x'.repeat(501) }, undefined),
    ).toHaveProperty('reason');
  });
});
