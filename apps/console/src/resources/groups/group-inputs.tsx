import { NumberInput, TextInput } from 'react-admin';
import { MAX_GROUP_PRECEDENCE } from '@poolkeeper/contract';

/**
 * The inputs create and edit share. They carry no rules: the forms check what they would send with the
 * contract's schemas (group-forms.ts), the role ARN with its shared IAM role-ARN schema.
 */
export function GroupSettingInputs({ editing }: { editing?: boolean }) {
  return (
    <>
      <TextInput source="description" label="Description" multiline minRows={2} helperText={false} />
      <NumberInput
        source="precedence"
        label="Precedence (optional)"
        min={0}
        max={MAX_GROUP_PRECEDENCE}
        step={1}
        helperText={
          editing
            ? 'Lower wins when a user is in several groups. Cognito cannot take a precedence away, only change it.'
            : 'A whole number from 0; lower wins when a user is in several groups.'
        }
      />
      <TextInput
        source="roleArn"
        label="IAM role ARN (optional)"
        helperText={
          editing
            ? 'Tokens carry it in cognito:roles. Cognito cannot take a role away from a group, only replace it.'
            : 'Such as arn:aws:iam::123456789012:role/Editors. Tokens carry it in cognito:roles.'
        }
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}
