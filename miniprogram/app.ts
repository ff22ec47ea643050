import { config } from './config';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    // The cloud is optional in the local preview, which wires callFunction itself.
    if (wx.cloud) wx.cloud.init({ env: config.cloudEnv, traceUser: true });
  },
});
