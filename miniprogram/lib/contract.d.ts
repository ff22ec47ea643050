// The functions' contract (core/contract), as types only: the mini-program bundles no zod.
export type * from '../../core/contract';
