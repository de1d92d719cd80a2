import GroupsIcon from '@mui/icons-material/Groups';
import { GroupCreate } from './group-create';
import { GroupEdit } from './group-edit';
import { GroupList } from './group-list';
import { GroupShow } from './group-show';
import { ToCurrentPoolGroups } from './to-current-pool-groups';

/**
 * The `groups` resource as registered in `<Admin>`: its definition (menu label, icon), and `#/groups…`
 * routes that lead to the current pool. The screens live under `#/pools/<poolId>/groups` (see App.tsx),
 * like the users. Every role reads groups (groups.read); only admin changes them (see auth-provider).
 */
export const groupsResource = {
  name: 'groups',
  list: ToCurrentPoolGroups,
  hasCreate: true,
  hasEdit: true,
  hasShow: true,
  icon: GroupsIcon,
  options: { label: 'Groups' },
  recordRepresentation: 'groupName',
} as const;

/** The screens of one pool's groups. */
export const groupScreens = {
  list: GroupList,
  show: GroupShow,
  create: GroupCreate,
  edit: GroupEdit,
} as const;
