import { useMemo } from 'react';
import { usePool } from '../../common/use-current-pool';
import { editableAttributeNames } from './user-attributes';

/** The pool in the URL with its custom attributes and every attribute name the user forms can edit. */
export function usePoolAttributes() {
  const pool = usePool();
  const customAttributes = useMemo(() => pool.customAttributes, [pool]);
  const editable = useMemo(() => editableAttributeNames(customAttributes), [customAttributes]);
  return { pool, customAttributes, editable };
}
