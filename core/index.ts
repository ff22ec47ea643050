/** The domain core: pure functions and schemas shared by functions, mini-program and scripts. */
export * from './client';
export * from './file-ref';
export * from './schemas/common';
export * from './schemas/forms';
export * from './schemas/register';
export * from './schemas/application';
export * from './schemas/parse';
export * from './schemas/scan';
export * from './badge';
