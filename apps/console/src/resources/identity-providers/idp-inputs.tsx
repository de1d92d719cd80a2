import { useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  BooleanInput,
  PasswordInput,
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  useInput,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { parseSamlMetadata, type IdpType } from '@poolkeeper/contract';
import { FormSection } from '../users/user-inputs';
import { detailFields, type DetailField } from './idp-types';
import { SamlMetadataView } from './saml-metadata-view';
import { AttributeMappingInput } from './attribute-mapping-input';

const sourceChoices = [
  { id: 'file', name: 'Upload the metadata file' },
  { id: 'url', name: 'Metadata document URL' },
];

/** The metadata file: read in the browser, kept as text in `details.MetadataFile`, parsed for a preview. */
function MetadataFileInput() {
  const { field, fieldState } = useInput({ source: 'details.MetadataFile' });
  const [fileName, setFileName] = useState<string | null>(null);
  const text = typeof field.value === 'string' ? field.value : '';
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    field.onChange(await file.text());
  };
  const parsed = text.trim() ? parseSamlMetadata(text) : null;
  return (
    <Box sx={{ display: 'grid', gap: 1.5, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
          {text ? 'Replace metadata file' : 'Choose metadata file'}
          <input
            type="file"
            accept=".xml,application/samlmetadata+xml,text/xml,application/xml"
            hidden
            aria-label="SAML metadata file"
            onChange={(event) => void onFile(event)}
          />
        </Button>
        <Typography variant="body2" color="text.secondary">
          {fileName ?? (text ? 'The metadata on file' : 'No file chosen')}
        </Typography>
      </Box>
      {fieldState.error?.message && (
        <Typography variant="body2" color="error" role="alert">
          {fieldState.error.message}
        </Typography>
      )}
      {parsed && (
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            What the metadata says
          </Typography>
          <SamlMetadataView metadata={parsed} />
        </Box>
      )}
    </Box>
  );
}

function SamlInputs({ editing }: { editing: boolean }) {
  const source = useWatch({ name: 'samlSource' }) as 'file' | 'url' | undefined;
  return (
    <>
      {editing ? (
        // Not a disabled radio group: its greyed text would be unreadable (contrast), and it offers nothing.
        <Typography variant="body2" sx={{ mb: 1 }}>
          Metadata: {source === 'url' ? 'read by Cognito from a URL' : 'an uploaded file'}. To switch between
          a file and a URL, add a new provider.
        </Typography>
      ) : (
        <RadioButtonGroupInput
          source="samlSource"
          label="Metadata"
          choices={sourceChoices}
          row={false}
          helperText={false}
        />
      )}
      {source === 'url' ? (
        <>
          <TextInput
            source="details.MetadataURL"
            label="Metadata document URL"
            helperText="An https address Cognito reads the metadata from (it is not fetched by poolkeeper, so it is not shown here)."
            slotProps={{ htmlInput: { inputMode: 'url' } }}
          />
          <Alert severity="info" sx={{ mb: 2 }}>
            The entity id and certificates are shown for an uploaded metadata file only.
          </Alert>
        </>
      ) : (
        <MetadataFileInput />
      )}
      <BooleanInput source="signOut" label="Sign out at the IdP too (IDPSignout)" helperText={false} />
    </>
  );
}

function DetailInput({
  field,
  editing,
  secretHeld,
}: {
  field: DetailField;
  editing: boolean;
  secretHeld: boolean;
}) {
  const source = `details.${field.key}`;
  if (field.choices)
    return (
      <SelectInput
        source={source}
        label={field.label}
        choices={[...field.choices]}
        helperText={field.helperText ?? false}
        isRequired={field.required}
      />
    );
  if (field.secret) {
    const keep = editing && secretHeld;
    const helperText = keep
      ? 'Write-only: leave blank to keep the current value.'
      : (field.helperText ?? 'Write-only: never shown again after saving.');
    const label = keep ? `${field.label} (leave blank to keep)` : field.label;
    return field.multiline ? (
      <TextInput
        source={source}
        label={label}
        multiline
        minRows={4}
        helperText={helperText}
        isRequired={field.required && !keep}
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false, 'data-secret': 'true' } }}
      />
    ) : (
      <PasswordInput
        source={source}
        label={label}
        helperText={helperText}
        isRequired={field.required && !keep}
        autoComplete="new-password"
      />
    );
  }
  return (
    <TextInput
      source={source}
      label={field.label}
      helperText={field.helperText ?? false}
      isRequired={field.required}
    />
  );
}

/** The ProviderDetails inputs of a type, the attribute mapping and the identifiers. */
export function IdpDetailInputs({
  type,
  editing = false,
  secretsSet = [],
}: {
  type: IdpType | null | undefined;
  editing?: boolean;
  secretsSet?: readonly string[];
}) {
  if (!type) return null;
  return (
    <>
      <FormSection>Provider settings</FormSection>
      {type === 'SAML' ? (
        <SamlInputs editing={editing} />
      ) : (
        detailFields[type].map((field) => (
          <DetailInput
            key={field.key}
            field={field}
            editing={editing}
            // A required secret is always held (Apple's private key is not even named by Describe).
            secretHeld={secretsSet.includes(field.key) || !!field.required}
          />
        ))
      )}
      <FormSection>Attribute mapping</FormSection>
      <AttributeMappingInput />
      <FormSection>Identifiers</FormSection>
      <TextInput
        source="identifiers"
        label="Identifiers (optional)"
        helperText="Email domains or names that send users to this provider, separated by commas."
      />
    </>
  );
}
