/**
 * The users list's per-operator choices: page size and columns, kept in react-admin's store under the
 * operator's sub (`preferences.<sub>.…`, kept across sign-out by operatorStore), and the search box's
 * helper text saying what Cognito can search.
 */
import type { ReactNode } from 'react';
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import {
  SelectColumnsButton,
  TextField,
  TextInput,
  type TextInputProps,
  useGetIdentity,
  useListContext,
  useStore,
} from 'react-admin';
import { DateTimeField } from '../../common/date-time-field';
import { operatorPreferenceKey } from '../../common/operator-store';
import { customAttributeName } from './user-attributes';

/** Cognito's ListUsers answers at most 60 users a page (the API's limit). */
export const pageSizes = [10, 25, 60] as const;
const defaultPageSize = 60;

/** The signed-in operator's sub, or null until the identity is known. */
function useOperatorSub(): string | null {
  const { identity } = useGetIdentity();
  return identity?.id ? String(identity.id) : null;
}

/**
 * The operator's page size and the store key of their column choice for this pool (columns differ by
 * pool: each has its own custom attributes). `ready` is false until the operator is known.
 */
export function useUserListPreferences(poolId: string) {
  const sub = useOperatorSub() ?? 'anonymous';
  const [perPage, setPerPage] = useStore<number>(
    operatorPreferenceKey(sub, 'users.perPage'),
    defaultPageSize,
  );
  const valid = (pageSizes as readonly number[]).includes(perPage) ? perPage : defaultPageSize;
  return {
    ready: sub !== 'anonymous',
    perPage: valid,
    setPerPage,
    columnsKey: `${sub}.users.${poolId}.datagrid`,
  };
}

/** "Rows per page" for the list in context; the choice is the operator's preference. */
export function PageSizeSelect({ onChange }: { onChange: (perPage: number) => void }) {
  const { perPage, setPerPage } = useListContext();
  return (
    <MuiTextField
      select
      size="small"
      label="Rows per page"
      value={perPage}
      onChange={(event) => {
        const next = Number(event.target.value);
        onChange(next);
        setPerPage(next);
      }}
      sx={{ minWidth: 130 }}
    >
      {pageSizes.map((size) => (
        <MenuItem key={size} value={size}>
          {size}
        </MenuItem>
      ))}
    </MuiTextField>
  );
}

export function UserColumnsButton({ preferenceKey }: { preferenceKey: string }) {
  return <SelectColumnsButton preferenceKey={preferenceKey} />;
}

/** Columns hidden until the operator picks them (by source, as DatagridConfigurable names them). */
export function optionalColumnSources(customAttributes: readonly string[]): string[] {
  return [
    'phoneNumber',
    'attributes.email_verified',
    'attributes.phone_number_verified',
    'sub',
    'updatedAt',
    ...customAttributes.map((name) => `attributes.${customAttributeName(name)}`),
  ];
}

/** The optional columns: verification flags, sub and the pool's custom attributes. */
export function optionalColumns(customAttributes: readonly string[]): ReactNode[] {
  return [
    <TextField
      key="email_verified"
      source="attributes.email_verified"
      label="Email verified"
      sortable={false}
      emptyText="—"
    />,
    <TextField
      key="phone_number_verified"
      source="attributes.phone_number_verified"
      label="Phone verified"
      sortable={false}
      emptyText="—"
    />,
    <TextField key="sub" source="sub" label="Sub" sortable={false} emptyText="—" />,
    <TextField key="phoneNumber" source="phoneNumber" label="Phone number" sortable={false} emptyText="—" />,
    <DateTimeField key="updatedAt" source="updatedAt" label="Updated" sortable={false} />,
    ...customAttributes.map((name) => {
      const attribute = customAttributeName(name);
      return (
        <TextField
          key={attribute}
          source={`attributes.${attribute}`}
          label={attribute}
          sortable={false}
          emptyText="—"
        />
      );
    }),
  ];
}

const attributeLabel = (attribute: unknown) =>
  typeof attribute === 'string' && attribute ? attribute.replace(/_/g, ' ') : 'email';

/**
 * What the search box can do here: Cognito's ListUsers filters on ONE standard attribute, by prefix
 * (`^=`) or exact value (`=`) — not custom attributes, not several fields, not "contains".
 */
export function SearchHelp() {
  const { filterValues } = useListContext();
  const attribute = attributeLabel(filterValues?.attribute);
  const how = filterValues?.match === 'exact' ? 'is exactly' : 'starts with';
  return (
    <span data-testid="search-help">
      Finds users whose {attribute} {how} the text (one attribute at a time; custom attributes and “contains”
      are not searchable in Cognito).
    </span>
  );
}

/**
 * The search box with SearchHelp as its helper text (react-admin's filter form clears filter inputs'
 * helper text, so this input sets its own).
 */
export function SearchUsersInput(props: TextInputProps) {
  return <TextInput {...props} helperText={<SearchHelp />} />;
}
