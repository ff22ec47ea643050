import { defineHandler } from '../../server/handler';
import { merchantActions } from '../../server/merchant';

export const main = defineHandler({ name: 'merchant', actions: merchantActions, requireOpenid: true });
