import { defineHandler } from '../../server/handler';
import { onStaffTimer, staffActions } from '../../server/staff/actions';

export const main = defineHandler({ name: 'staff', actions: staffActions, requireOpenid: true, onTimer: onStaffTimer });
