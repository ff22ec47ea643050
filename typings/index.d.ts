/// <reference types="miniprogram-api-typings" />

/** Global data of the mini-program app (getApp<IAppOption>()). */
interface IAppOption {
  globalData: Record<string, never>;
}
