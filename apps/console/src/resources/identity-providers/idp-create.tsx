import { useMemo } from 'react';
import { Alert } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import {
  Create,
  FormDataConsumer,
  ListButton,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  useNotify,
  useRedirect,
} from 'react-admin';
import { contractResolver } from '../../common/contract-form';
import { usePool } from '../../common/use-current-pool';
import { FormSection, ReasonInput, formSx } from '../users/user-inputs';
import type { IdpRecord } from './identity-providers-provider';
import { createForm, isSocial, toCreateBody, type IdpFormValues } from './idp-forms';
import { IdpDetailInputs } from './idp-inputs';
import { idpTypeChoices, idpTypeLabel } from './idp-types';

function CreateToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Add provider" icon={<AddIcon />} />
    </Toolbar>
  );
}

/** Add a provider to the pool in the URL; the body is checked with `createIdpBodySchema` before sending. */
export function IdpCreate() {
  const pool = usePool();
  const notify = useNotify();
  const redirect = useRedirect();
  const resolver = useMemo(() => contractResolver(createForm, undefined), []);
  return (
    <Create
      resource="identity-providers"
      title={`Add an identity provider to ${pool.name}`}
      actions={
        <TopToolbar>
          <ListButton label="Back to identity providers" />
        </TopToolbar>
      }
      sx={formSx}
      mutationOptions={{
        meta: { poolId: pool.id },
        onSuccess: (idp: IdpRecord) => {
          notify(`${idp.name} was added.`, { type: 'success' });
          redirect('show', 'identity-providers', idp.id);
        },
      }}
      transform={(values: IdpFormValues) => toCreateBody(values)}
    >
      <SimpleForm
        resolver={resolver}
        defaultValues={{
          type: 'OIDC',
          samlSource: 'file',
          signOut: false,
          mapping: [],
          details: { attributes_request_method: 'GET' },
        }}
        warnWhenUnsavedChanges
        toolbar={<CreateToolbar />}
      >
        <FormSection first>Provider</FormSection>
        <SelectInput source="type" label="Type" choices={idpTypeChoices} helperText={false} autoFocus />
        <FormDataConsumer<IdpFormValues>>
          {({ formData }) =>
            isSocial(formData.type) ? (
              <Alert severity="info" sx={{ mb: 2 }}>
                Cognito names a {idpTypeLabel(formData.type ?? '')} provider “{formData.type}”: a pool has at
                most one.
              </Alert>
            ) : (
              <TextInput
                source="name"
                label="Name"
                isRequired
                helperText="Shown on the hosted sign-in page; cannot be changed later."
              />
            )
          }
        </FormDataConsumer>
        <FormDataConsumer<IdpFormValues>>
          {({ formData }) => <IdpDetailInputs type={formData.type} />}
        </FormDataConsumer>
        <FormSection>Audit</FormSection>
        <ReasonInput />
      </SimpleForm>
    </Create>
  );
}
