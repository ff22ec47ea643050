import { defineHandler } from '../../server/handler';
import { publicActions } from '../../server/public';

export const main = defineHandler({ name: 'public', actions: publicActions, requireOpenid: false });
