import { defineHandler } from '../../server/handler';
import { staffDocActions } from '../../server/staff/doc-actions';

export const main = defineHandler({ name: 'staffDocs', actions: staffDocActions, requireOpenid: true });
