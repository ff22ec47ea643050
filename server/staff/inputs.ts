/** The staff actions' schema building blocks now live in core (core/schemas/staff.ts, with the contract). */
export { id, page, reason } from '../../core/schemas/staff';
