import PeopleIcon from '@mui/icons-material/People';
import { ToCurrentPool } from '../pools/to-current-pool';
import { UserCreate } from './user-create';
import { UserEdit } from './user-edit';
import { UserList } from './user-list';
import { UserShow } from './user-show';

/**
 * The `users` resource as registered in `<Admin>`: its definition, and `#/users…` routes that lead
 * to the current pool (the screens themselves live under `#/pools/<poolId>/users`, see App.tsx).
 */
export const usersResource = {
  name: 'users',
  list: ToCurrentPool,
  hasCreate: true,
  hasEdit: true,
  hasShow: true,
  icon: PeopleIcon,
  options: { label: 'Users' },
  recordRepresentation: 'username',
} as const;

/** The screens of one pool's users. */
export const userScreens = {
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
} as const;
