import { useMemo } from 'react';
import {
  Edit,
  Labeled,
  SaveButton,
  ShowButton,
  SimpleForm,
  TextField,
  Toolbar,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';
import type { IdpDetail, IdpType } from '@poolkeeper/contract';
import { contractResolver } from '../../common/contract-form';
import { usePool } from '../../common/use-current-pool';
import { FormSection, ReasonInput, formSx } from '../users/user-inputs';
import type { IdpRecord } from './identity-providers-provider';
import { editForm, toFormValues, toUpdateBody, type IdpFormValues } from './idp-forms';
import { IdpDetailInputs } from './idp-inputs';
import { idpTypeLabel } from './idp-types';

function EditTitle() {
  const record = useRecordContext<IdpRecord>();
  return <span>Edit {record?.name ?? 'identity provider'}</span>;
}

function EditToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Save changes" />
    </Toolbar>
  );
}

/** The form, inside `<Edit>`: it starts from the provider as loaded (secrets empty: write-only). */
function IdpEditForm() {
  const record = useRecordContext<IdpRecord>();
  const detail = record as unknown as IdpDetail | undefined;
  const resolver = useMemo(
    () => (detail ? contractResolver(editForm(detail), undefined) : undefined),
    [detail],
  );
  const defaults = useMemo(() => (detail ? toFormValues(detail) : undefined), [detail]);
  if (!detail || !resolver) return null;
  return (
    <SimpleForm
      resolver={resolver}
      defaultValues={defaults}
      record={defaults as never}
      warnWhenUnsavedChanges
      toolbar={<EditToolbar />}
    >
      <FormSection first>Provider</FormSection>
      <Labeled label="Name">
        <TextField source="name" />
      </Labeled>
      <Labeled label="Type">
        <span>{idpTypeLabel(detail.type)}</span>
      </Labeled>
      <IdpDetailInputs type={detail.type as IdpType} editing secretsSet={detail.secretsSet} />
      <FormSection>Audit</FormSection>
      <ReasonInput />
    </SimpleForm>
  );
}

/** Edit a provider's settings, attribute mapping and identifiers; sends only what changed. */
export function IdpEdit() {
  const pool = usePool();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      resource="identity-providers"
      title={<EditTitle />}
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <ShowButton label="Back to provider" />
        </TopToolbar>
      }
      sx={formSx}
      queryOptions={{ meta: { poolId: pool.id } }}
      mutationOptions={{
        meta: { poolId: pool.id },
        onSuccess: (idp: IdpRecord) => {
          notify(`${idp.name} was updated.`, { type: 'success' });
          redirect('show', 'identity-providers', idp.id);
        },
      }}
      transform={(values: IdpFormValues, options?: { previousData?: IdpRecord }) =>
        toUpdateBody(values, options?.previousData as unknown as IdpDetail)
      }
    >
      <IdpEditForm />
    </Edit>
  );
}
