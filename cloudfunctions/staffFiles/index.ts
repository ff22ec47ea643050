import { defineHandler } from '../../server/handler';
import { staffFileActions } from '../../server/staff/file-actions';

export const main = defineHandler({ name: 'staffFiles', actions: staffFileActions, requireOpenid: true });
