/** The open data API (HTTP access service → this function): see server/open and docs/openapi.yaml. */
import { openHandler } from '../../server/open';

export const main = openHandler;
