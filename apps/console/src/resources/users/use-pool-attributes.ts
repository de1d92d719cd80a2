import { useMemo } from 'react';
import { useCurrentPool } from '../../common/use-current-pool';
import { editableAttributeNames } from './user-attributes';

/** The selected pool with its custom attributes and every attribute name the user forms can edit. */
export function usePoolAttributes() {
  const { pool, isPending } = useCurrentPool();
  const customAttributes = useMemo(() => pool?.customAttributes ?? [], [pool]);
  const editable = useMemo(() => editableAttributeNames(customAttributes), [customAttributes]);
  return { pool, isPending, customAttributes, editable };
}
